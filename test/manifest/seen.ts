import type { CustomElementDeclaration } from 'custom-elements-manifest';

/**
 * What a test sees a live element do, and how that compares with the
 * element's entry in custom-elements.json.
 */

/** What one element was seen doing while a test drove it. */
export class Seen {
  readonly parts = new Set<string>();
  readonly sheets = new Set<string>();
  /** Documented events heard on `document` whose path went through the element. */
  readonly heard = new Map<string, Event[]>();
  /** Types of the events the element dispatched on itself. */
  readonly dispatched = new Set<string>();
  readonly #observer = new MutationObserver((records) => this.#record(records));
  readonly #listen = (event: Event) => {
    if (!event.composedPath().includes(this.el)) return;
    this.heard.set(event.type, [...(this.heard.get(event.type) ?? []), event]);
  };

  constructor(
    readonly el: HTMLElement,
    readonly doc: CustomElementDeclaration,
  ) {
    this.#observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, attributeFilter: ['part'] });
    for (const event of doc.events ?? []) document.addEventListener(event.name, this.#listen);
    const dispatch = el.dispatchEvent.bind(el);
    el.dispatchEvent = (event: Event) => {
      this.dispatched.add(event.type);
      return dispatch(event);
    };
    this.scan();
  }

  /** Notes the parts in the shadow root and the stylesheets of every shadow root inside it. */
  scan(): void {
    this.#partsOf(this.el.shadowRoot!);
    for (const sheet of document.adoptedStyleSheets) this.#sheet(sheet);
    const walk = (root: ShadowRoot) => {
      for (const sheet of [...root.adoptedStyleSheets, ...root.styleSheets]) this.#sheet(sheet);
      for (const inner of root.querySelectorAll('*')) if (inner.shadowRoot) walk(inner.shadowRoot);
    };
    walk(this.el.shadowRoot!);
  }

  stop(): void {
    this.#observer.disconnect();
    for (const event of this.doc.events ?? []) document.removeEventListener(event.name, this.#listen);
    delete (this.el as Partial<HTMLElement>).dispatchEvent;
  }

  #record(records: MutationRecord[]): void {
    // Nodes added and removed again before this callback still count: they were rendered.
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) this.#partsOf(node);
    }
    this.scan();
  }

  /** Parts named with `part`, and parts of an inner element forwarded with `exportparts="inner: outer"` (or `name`). */
  #partsOf(root: ParentNode): void {
    const nodes = root instanceof Element ? [root, ...root.querySelectorAll('[part], [exportparts]')] : [...root.querySelectorAll('[part], [exportparts]')];
    for (const node of nodes) {
      for (const name of node.getAttribute('part')?.split(/\s+/) ?? []) if (name) this.parts.add(name);
      for (const pair of node.getAttribute('exportparts')?.split(',') ?? []) {
        const name = pair.split(':').pop()!.trim();
        if (name) this.parts.add(name);
      }
    }
  }

  #sheet(sheet: CSSStyleSheet): void {
    this.sheets.add([...sheet.cssRules].map((rule) => rule.cssText).join('\n'));
  }
}

/** Where an event as dispatched differs from what its description says. */
function eventProblems(tag: string, doc: NonNullable<CustomElementDeclaration['events']>[number], event: Event): string[] {
  const text = doc.description ?? '';
  const what = `<${tag}> ${doc.name}`;
  const problems: string[] = [];
  const says = {
    bubbles: /\bbubbles\b/i.test(text),
    composed: /\bcomposed\b/i.test(text),
    cancelable: /\bcancelable\b/i.test(text) && !/not cancelable/i.test(text),
  };
  for (const [flag, said] of Object.entries(says)) {
    const is = event[flag as keyof typeof says];
    if (is !== said) problems.push(`${what}: is ${is ? '' : 'not '}${flag}, and its description says ${said ? 'so' : 'otherwise'}`);
  }
  const keys = /`detail: \{ ([^}]*) \}`/.exec(text)?.[1]?.split(',').map((key) => key.trim().replace(/\?$/, ''));
  const detail = Object.keys((event as Event & { detail?: object }).detail ?? {});
  if (!keys) problems.push(`${what}: its description does not say \`detail: { ... }\``);
  else if (keys.sort().join() !== detail.sort().join()) problems.push(`${what}: detail has { ${detail.join(', ')} }, its description says { ${keys.join(', ')} }`);
  if (event.constructor.name !== doc.type.text) problems.push(`${what}: is a ${event.constructor.name}, documented as ${doc.type.text}`);
  return problems;
}

/**
 * Where what an element was seen doing differs from its manifest entry, one
 * sentence each: everything documented was seen, and everything seen (parts it
 * rendered, `plaudit-*` events it dispatched on itself) is documented.
 */
export function contractProblems(seen: Seen): string[] {
  const { doc } = seen;
  const tag = doc.tagName!;
  const problems: string[] = [];
  seen.scan();
  const parts = (doc.cssParts ?? []).map((p) => p.name);
  for (const part of parts) if (!seen.parts.has(part)) problems.push(`<${tag}>: documented part ${part} was never rendered`);
  for (const part of seen.parts) if (!parts.includes(part)) problems.push(`<${tag}>: renders part ${part}, which the JSDoc does not document`);

  const events = (doc.events ?? []).map((e) => e.name);
  for (const event of events) if (!seen.heard.has(event)) problems.push(`<${tag}>: documented event ${event} was never heard on document`);
  for (const type of seen.dispatched) {
    if (type.startsWith('plaudit-') && !events.includes(type)) problems.push(`<${tag}>: dispatches ${type}, which the JSDoc does not document`);
  }
  for (const event of doc.events ?? []) {
    for (const heard of seen.heard.get(event.name) ?? []) problems.push(...eventProblems(tag, event, heard));
  }

  const css = [...seen.sheets].join('\n');
  for (const { name } of doc.cssProperties ?? []) {
    if (!css.includes(name)) problems.push(`<${tag}>: documented CSS property ${name} is used by none of its stylesheets`);
  }
  return [...new Set(problems)];
}

/** The accessor `name` on `el`'s prototype chain, if it is one. */
export function accessor(el: object, name: string): PropertyDescriptor | undefined {
  for (let proto = Object.getPrototypeOf(el); proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor) return descriptor.get || descriptor.set ? descriptor : undefined;
  }
  return undefined;
}
