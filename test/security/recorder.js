// Loaded first by every security test page, as a classic script so it runs before any module:
// records each CSP / Trusted Types violation and each uncaught error into `window.kijkomTest`,
// which the parent test reads through `iframe.contentWindow`.
(() => {
  const state = { status: 'loading', violations: [], errors: [] };
  window.kijkomTest = state;
  // Capture on window: violations are fired at the offending element (composed, so out of shadow
  // roots) or at the document, and both propagate through the window.
  window.addEventListener(
    'securitypolicyviolation',
    (event) => {
      const target = event.composedPath()[0];
      state.violations.push({
        directive: event.effectiveDirective,
        violated: event.violatedDirective,
        blocked: event.blockedURI,
        source: event.sourceFile,
        line: event.lineNumber,
        sample: event.sample,
        target: target instanceof Element ? target.id || target.localName : (target?.nodeName ?? ''),
      });
    },
    true,
  );
  window.addEventListener('error', (event) => state.errors.push(`error: ${event.message}`));
  window.addEventListener('unhandledrejection', (event) => state.errors.push(`unhandled rejection: ${event.reason}`));
})();
