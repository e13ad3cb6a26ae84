/**
 * The few browser globals that `page.evaluate` callbacks touch. The Node type-check has no DOM
 * lib, so Node code cannot lean on browser globals by accident. A callback that runs in the page
 * reads them as `globalThis as unknown as PageGlobals` (Playwright sends only the callback's
 * source to the page, so it cannot call a helper from this module; a type costs nothing).
 */
export interface PageElement {
  readonly tagName: string;
  readonly id: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<{ readonly nodeType: number; readonly textContent: string | null }>;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { readonly width: number; readonly height: number };
}

interface PageStorage {
  readonly length: number;
  setItem(key: string, value: string): void;
  getItem(key: string): string | null;
}

export interface PageGlobals {
  readonly document: { querySelectorAll(selectors: string): ArrayLike<PageElement> };
  readonly localStorage: PageStorage;
  readonly sessionStorage: PageStorage;
  readonly Node: { readonly TEXT_NODE: number };
  getComputedStyle(el: PageElement): { readonly visibility: string; readonly fontSize: string };
}

