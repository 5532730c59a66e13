import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CatalogueLoadError, loadCatalogue } from '../catalogue/loader.js';
import type { CatalogueState } from '../catalogue/catalogue-context.js';
import { CatalogueErrorEvent, CatalogueLoadEvent } from '../events/catalogue-events.js';
import { langOf } from '../i18n/i18n.js';

type Host = ReactiveControllerHost & HTMLElement;

/** An element's UI language: its closest `lang`, else the loaded catalogue's. */
export const uiLangOf = (element: Element, state: CatalogueState) =>
  langOf(element, state.status === 'ready' ? state.catalogue.lang : undefined);

/**
 * Loads the catalogue named by the host's `catalogue` attribute through the shared loader,
 * fires `catalogue-load` / `catalogue-error` from the host, and drops results of URLs the host
 * no longer asks for. A host that got its catalogue from context passes `undefined` and fires
 * nothing.
 */
export class CatalogueController implements ReactiveController {
  state: CatalogueState = { status: 'idle' };
  private requested?: string;
  private abort?: AbortController;

  constructor(
    private readonly host: Host,
    private readonly source: () => string | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Reconnected after a disconnect aborted the load: load again.
    if (this.state.status === 'loading') this.requested = undefined;
  }

  hostUpdate(): void {
    const attribute = this.source();
    if (attribute === this.requested) return;
    this.requested = attribute;
    this.abort?.abort();
    this.abort = undefined;
    if (attribute === undefined) {
      this.state = { status: 'idle' };
      return;
    }
    let url: string;
    try {
      url = new URL(attribute, this.host.ownerDocument.baseURI).href;
    } catch {
      this.fail(new CatalogueLoadError('network', attribute, `"${attribute}" is not a URL`));
      return;
    }
    this.load(url);
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  /** Loads again after a failure (the loader does not cache failures). */
  retry(): void {
    this.requested = undefined;
    this.host.requestUpdate();
  }

  private load(url: string): void {
    const abort = new AbortController();
    this.abort = abort;
    this.state = { status: 'loading', url };
    loadCatalogue(url, abort.signal).then(
      ({ catalogue, warnings }) => {
        if (abort.signal.aborted) return;
        this.state = { status: 'ready', url, catalogue };
        this.host.requestUpdate();
        this.host.dispatchEvent(new CatalogueLoadEvent({ url, warnings }));
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        this.fail(error instanceof CatalogueLoadError ? error : new CatalogueLoadError('network', url, String(error)));
      },
    );
  }

  private fail(error: CatalogueLoadError): void {
    this.state = { status: 'error', url: error.url, error };
    this.host.requestUpdate();
    this.host.dispatchEvent(
      new CatalogueErrorEvent({ url: error.url, kind: error.kind, status: error.status, message: error.message }),
    );
  }
}
