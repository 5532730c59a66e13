// A hostile host's globals, set before any of our code loads (a classic script, before the module):
// an AMD loader's `define`, a `window.Hls` of its own, and (?fetch=<kind>-before) a broken fetch.
// Then a snapshot of the window's own property names, to find every global our code adds.
(() => {
  const host = {
    defineCalls: 0,
    fetchCalls: 0,
    catalogueErrors: [],
    /**
     * Replaces window.fetch: `throw` throws, `garbage` resolves to a string instead of a Response,
     * `missing` leaves no fetch at all (undefined).
     */
    breakFetch(kind) {
      window.fetch =
        kind === 'missing'
          ? undefined
          : kind === 'throw'
            ? () => {
                host.fetchCalls++;
                throw new TypeError('this host broke fetch');
              }
            : () => {
                host.fetchCalls++;
                return Promise.resolve('garbage');
              };
      host.fetch = window.fetch;
    },
  };
  window.kijkomHost = host;
  window.define = function define() {
    host.defineCalls++;
  };
  window.define.amd = {};
  window.Hls = { host: 'a dummy Hls of the host' };
  host.define = window.define;
  host.hls = window.Hls;
  const [kind, when] = (new URLSearchParams(location.search).get('fetch') ?? '').split('-');
  if (when === 'before') host.breakFetch(kind);
  host.globalsBefore = Object.getOwnPropertyNames(window);
})();
