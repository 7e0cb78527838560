import { render } from 'lit-html';
import { cleanTable, formatMessage, type MessageValues, type StringKey, type StringTable } from '../../core/strings.js';
import { localeOf, type Locale } from './locale.js';

/** The controller protocol of lit's ReactiveElement, so lit controllers work unchanged. */
export interface LiteController {
  hostConnected?(): void;
  hostDisconnected?(): void;
  hostUpdate?(): void;
  hostUpdated?(): void;
}

/** A stylesheet for `LiteElement.styles`: the text is tagged `css` so the build minifies it. */
export const css = String.raw;

/**
 * A small reactive custom element on lit-html, for every Plaudit element: lit's
 * ReactiveElement would take over 2 KB of the 10 KB claps-only bundle, and as
 * much again of the reader bundle. It renders lit-html templates into an open
 * shadow root, batches updates to one microtask, adopts one constructed
 * stylesheet per class, and hosts lit reactive controllers (connect,
 * disconnect, update, updated). Attributes listed in `observedAttributes`
 * re-render when they change; properties are backed by attributes (see
 * `setAttr`) or by private state that calls `requestUpdate()`.
 *
 * An element upgraded while its page is still loading (the reader bundle runs as
 * the parser finishes) attaches its shadow root and renders in a task of its own,
 * after the one that ran the bundle: attaching a shadow root makes the browser lay
 * out the host's children again, and on a long article that layout would
 * otherwise join the bundle's evaluation and the page's load in one long task.
 */
export abstract class LiteElement extends HTMLElement {
  static styles = '';
  static #sheets = new WeakMap<object, CSSStyleSheet>();
  /** The open shadow root: from construction, or, for an element upgraded while the page loads, from its first render (or whatever asks for it first). */
  get renderRoot(): ShadowRoot {
    return this.shadowRoot ?? this.#attach();
  }
  #controllers = new Set<LiteController>();
  #update: Promise<boolean> | null = null;
  /** Properties a page set on the element before its definition loaded. */
  #early: [string, unknown][];
  #strings: StringTable | null = null;
  #locale: Locale = { lang: 'en', dir: 'ltr', tables: [] };
  /** The English strings of each element class, the fallback of every language (a lazy part may add to it). */
  static english: StringTable = {};

  constructor() {
    super();
    // Set before the upgrade, they shadow this class's setters; take them off and
    // replay them through the setters on connect (the page's values win).
    const self = this as unknown as Record<string, unknown>;
    this.#early = Object.keys(this).map((key) => {
      const value = self[key];
      delete self[key];
      return [key, value];
    });
    if (document.readyState === 'complete') this.#attach();
  }

  #attach(): ShadowRoot {
    const root = this.attachShadow({ mode: 'open' });
    const type = this.constructor as typeof LiteElement;
    let sheet = LiteElement.#sheets.get(type);
    if (!sheet) LiteElement.#sheets.set(type, (sheet = new CSSStyleSheet())), sheet.replaceSync(type.styles);
    root.adoptedStyleSheets = [sheet];
    return root;
  }

  /** Resolves after the pending render, if any. */
  get updateComplete(): Promise<boolean> {
    return this.#update ?? Promise.resolve(true);
  }

  /**
   * Strings of the page's choosing for this element and the Plaudit elements in
   * it, by name (README, "Languages"): they win over the built-in ones for
   * every language. Entries that are not text are ignored, with a console warning.
   */
  get strings(): StringTable | null {
    return this.#strings;
  }
  set strings(value: StringTable | null) {
    this.#strings = value == null ? null : cleanTable(value, 'strings');
    this.requestUpdate();
  }

  /** The language, direction and tables of the last render. */
  get locale(): Locale {
    return this.#locale;
  }

  /** A visible string or announcement in the element's language, its values filled in. */
  t(key: StringKey, values?: MessageValues): string {
    const message =
      this.#locale.tables.find((table) => table[key] != null)?.[key] ?? (this.constructor as typeof LiteElement).english[key] ?? key;
    return formatMessage(this.#locale.lang, message, values);
  }

  addController(controller: LiteController): void {
    this.#controllers.add(controller);
    if (this.isConnected) controller.hostConnected?.();
  }

  removeController(controller: LiteController): void {
    this.#controllers.delete(controller);
  }

  connectedCallback(): void {
    for (const [key, value] of this.#early.splice(0)) (this as unknown as Record<string, unknown>)[key] = value;
    for (const c of this.#controllers) c.hostConnected?.();
    this.requestUpdate();
  }

  disconnectedCallback(): void {
    for (const c of this.#controllers) c.hostDisconnected?.();
  }

  attributeChangedCallback(): void {
    this.requestUpdate();
  }

  /** Schedules one render for this microtask (the first, while the page loads: the next task), however many changes ask. */
  requestUpdate(): void {
    this.#update ??= (this.shadowRoot ? Promise.resolve() : new Promise((r) => setTimeout(r))).then(() => {
      // Waits only while a language's table first loads, so the UI never shows English first.
      // An element with no strings of its own (the review's, English only) loads none. The
      // `strings` looked in are this element's and its Plaudit ancestors'.
      const locale = (this.constructor as typeof LiteElement).english === LiteElement.english
        ? this.#locale
        : localeOf(this, (node) => (node instanceof LiteElement ? node.#strings : null));
      return locale instanceof Promise ? locale.then((l) => this.#render(l)) : this.#render(locale);
    });
  }

  #render(locale: Locale): boolean {
    this.#update = null;
    this.#locale = locale;
    if (this.isConnected) {
      for (const c of this.#controllers) c.hostUpdate?.();
      render(this.render(), this.renderRoot, { host: this });
      for (const c of this.#controllers) c.hostUpdated?.();
      this.updated?.();
    }
    return true;
  }

  /** Sets an attribute, or removes it for `null`: the setter of an attribute-backed property. */
  protected setAttr(name: string, value: string | number | null | undefined): void {
    if (value == null) this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  protected abstract render(): unknown;

  /** Called after each render, once the controllers' `hostUpdated` have run. */
  protected updated?(): void;
}
