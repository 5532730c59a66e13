import type { CatalogueErrorKind, CatalogueWarning } from '../catalogue/types.js';

export interface CatalogueLoadDetail {
  url: string;
  warnings: CatalogueWarning[];
}

/** Fired when a catalogue has loaded; `warnings` lists what was skipped or dropped. */
export class CatalogueLoadEvent extends Event {
  static readonly type = 'catalogue-load';
  constructor(readonly detail: CatalogueLoadDetail) {
    super(CatalogueLoadEvent.type, { bubbles: true, composed: true });
  }
}

export interface CatalogueErrorDetail {
  url: string;
  kind: CatalogueErrorKind;
  status?: number;
  message: string;
}

/** Fired when a catalogue cannot be used at all. */
export class CatalogueErrorEvent extends Event {
  static readonly type = 'catalogue-error';
  constructor(readonly detail: CatalogueErrorDetail) {
    super(CatalogueErrorEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'catalogue-load': CatalogueLoadEvent;
    'catalogue-error': CatalogueErrorEvent;
  }
}
