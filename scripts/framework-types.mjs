// Writes the framework type declarations from custom-elements.json (run after
// `cem analyze`, which `npm run build` does last):
//   dist/types/jsx.d.ts     React 19's JSX.IntrinsicElements
//   dist/types/vue.d.ts     Vue 3's GlobalComponents, as Vue's guide does it for elements not built with Vue
//   dist/types/svelte.d.ts  Svelte 5's SvelteHTMLElements (svelteHTML.IntrinsicElements extends it)
// Names come from the manifest alone: tags, attributes, writable properties and
// events. Types come from the declarations tsc wrote beside these files, through
// the global maps (`HTMLElementTagNameMap['plaudit-claps']['maxClaps']`,
// `GlobalEventHandlersEventMap['plaudit-clap']`), so they cannot drift from the
// classes, and a manifest entry the classes do not have fails the type test.
// A page imports the one it needs (`import type {} from 'plaudit/react'`); none
// of them is reachable from index.d.ts, since each augments a framework's module.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const MANIFEST = 'custom-elements.json';
const OUT = 'dist/types';

const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const quote = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
/** One line of JSDoc, or nothing. */
const doc = (text, indent) => {
  const line = text?.replace(/\s+/g, ' ').replace(/\*\//g, '*\\/').trim();
  return line ? `${indent}/** ${line} */\n` : '';
};

/** The public elements as the manifest lists them: tag, attributes, writable properties, events. */
function readElements(manifest) {
  const elements = [];
  for (const mod of manifest.modules ?? []) {
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      const fields = (d.members ?? []).filter(
        (m) =>
          m.kind === 'field' &&
          !m.static &&
          !m.readonly &&
          !/^(private|protected)$/.test(m.privacy ?? '') &&
          !/^[#_]/.test(m.name) &&
          // A function-valued field is a method to call, not a value to pass in.
          !m.type?.text?.includes('=>'),
      );
      const properties = fields.map((f) => ({ name: f.name, description: f.description }));
      const attributes = [];
      for (const a of d.attributes ?? []) {
        if (!a.name || attributes.some((b) => b.name === a.name)) continue;
        // The attribute's property: as the manifest names it, else the camel-cased name if the element has it.
        const field = a.fieldName ?? (fields.some((f) => f.name === camel(a.name)) ? camel(a.name) : null);
        // React, Vue and Svelte set a name the element has as a property: it is typed as one.
        if (properties.some((p) => p.name === a.name)) continue;
        attributes.push({ name: a.name, field, boolean: a.type?.text === 'boolean', description: a.description });
      }
      const events = [];
      for (const e of d.events ?? []) {
        if (e.name && !events.some((x) => x.name === e.name)) events.push({ name: e.name, description: e.description });
      }
      elements.push({ tag: d.tagName, description: d.summary ?? d.description, attributes, properties, events });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

const HEADER = `// Generated from custom-elements.json by scripts/framework-types.mjs: do not edit.
// Types only. A page that renders Plaudit's elements loads the bundle itself
// (<script type="module" src=".../plaudit.js">), which registers them.
`;

/** Helper types every file shares: the element behind a tag, an attribute's value, an event by name. */
const HELPERS = `import type {} from './index.js';

/** The element class behind a tag (from HTMLElementTagNameMap, which index.d.ts augments). */
type El<Tag extends keyof HTMLElementTagNameMap> = HTMLElementTagNameMap[Tag];
/**
 * What an attribute takes: present or absent for a boolean property; otherwise
 * text, narrowed to the property's values when those are strings.
 */
type AttributeValue<T> = [NonNullable<T>] extends [boolean]
  ? boolean
  : NonNullable<T> extends string
    ? NonNullable<T>
    : string;
/** An event by name, as GlobalEventHandlersEventMap types it. */
type EventOf<K extends string> = K extends keyof GlobalEventHandlersEventMap ? GlobalEventHandlersEventMap[K] : Event;
`;

const attributeType = (tag, a) =>
  a.field ? `AttributeValue<El<'${tag}'>['${a.field}']>` : a.boolean ? 'boolean' : 'string';

/** The members every framework shares: attributes and properties. */
function valueMembers(el, indent, nullable = '') {
  let out = '';
  for (const a of el.attributes) {
    out += doc(a.description ? `Attribute \`${a.name}\`: ${a.description}` : `Attribute \`${a.name}\`.`, indent);
    out += `${indent}${quote(a.name)}?: ${attributeType(el.tag, a)}${nullable};\n`;
  }
  for (const p of el.properties) {
    out += doc(p.description ? `Property: ${p.description}` : 'Property.', indent);
    out += `${indent}${quote(p.name)}?: El<'${el.tag}'>['${p.name}'];\n`;
  }
  return out;
}

const eventDoc = (e, prop) => (e.description ? `\`${e.name}\`: ${e.description}` : `Listens for \`${e.name}\` (${prop}).`);

function react(elements) {
  let body = '';
  for (const el of elements) {
    body += doc(el.description, '      ');
    body += `      '${el.tag}': DetailedHTMLProps<HTMLAttributes<El<'${el.tag}'>>, El<'${el.tag}'>> & {\n`;
    body += valueMembers(el, '        ');
    for (const e of el.events) {
      body += doc(eventDoc(e, 'React 19 adds `on` + the event name as a listener'), '        ');
      body += `        'on${e.name}'?: (event: EventOf<'${e.name}'> & { currentTarget: El<'${el.tag}'> }) => void;\n`;
    }
    body += '      };\n';
  }
  return `${HEADER}//
// React 19: \`import type {} from 'plaudit/react';\` once, then
//   <plaudit-claps max-claps="5" articleId={id} onplaudit-clap={(e) => e.detail.count} />
// React 19 sets a prop as a property when the element has one of that name, else
// as an attribute, and adds \`on<event-name>\` props (the event's exact name) as listeners.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${HELPERS}
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${body}    }
  }
}

export {};
`;
}

function vue(elements) {
  let body = '';
  for (const el of elements) {
    body += doc(el.description, '    ');
    body += `    '${el.tag}': VueElement<\n      El<'${el.tag}'>,\n      {\n`;
    body += valueMembers(el, '        ');
    for (const e of el.events) {
      const prop = `on${camel(`-${e.name}`)}`;
      body += doc(eventDoc(e, `\`@${e.name}\` in a template`), '        ');
      body += `        ${prop}?: (event: EventOf<'${e.name}'>) => void;\n`;
    }
    body += '      },\n      {\n';
    for (const e of el.events) body += `        '${e.name}': EventOf<'${e.name}'>;\n`;
    body += '      }\n    >;\n';
  }
  return `${HEADER}//
// Vue 3: \`import type {} from 'plaudit/vue';\` once (and tell the compiler the tags
// are custom elements: \`compilerOptions.isCustomElement: (tag) => tag.startsWith('plaudit-')\`), then
//   <plaudit-claps max-claps="5" :articleId="id" @plaudit-clap="(e) => e.detail.count" />
// Vue sets a binding as a property when the element has one of that name, else as an attribute.
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
${HELPERS}
/**
 * Vue's recipe for an element not built with Vue ("Non-Vue Web Components and
 * TypeScript" in its guide): a constructor whose \`$props\` and \`$emit\` types
 * the template checker reads. Neither exists on the element.
 */
type VueElement<Element extends HTMLElement, Props, Events extends Record<string, Event>> = new () => Element & {
  /** @deprecated Types template bindings only: a custom element has no \`$props\`. */
  $props: HTMLAttributes & Props & PublicProps;
  /** @deprecated Types template listeners only: a custom element has no \`$emit\`. */
  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
${body}  }
}

export {};
`;
}

function svelte(elements) {
  let body = '';
  for (const el of elements) {
    body += doc(el.description, '    ');
    body += `    '${el.tag}': HTMLAttributes<El<'${el.tag}'>> & {\n`;
    body += valueMembers(el, '      ', ' | null');
    for (const e of el.events) {
      body += doc(eventDoc(e, 'Svelte 5 adds `on` + the event name as a listener'), '      ');
      body += `      'on${e.name}'?: ((event: EventOf<'${e.name}'> & { currentTarget: El<'${el.tag}'> }) => void) | null;\n`;
    }
    body += '    };\n';
  }
  return `${HEADER}//
// Svelte 5: \`import type {} from 'plaudit/svelte';\` once (in a .d.ts or a
// <script lang="ts">), then
//   <plaudit-claps max-claps="5" articleId={id} onplaudit-clap={(e) => e.detail.count} />
// Svelte sets a name the element has a setter for as a property, else an attribute.
// This augments svelte/elements' SvelteHTMLElements, which svelteHTML.IntrinsicElements
// (what svelte-check reads) extends.
import type { HTMLAttributes } from 'svelte/elements';
${HELPERS}
declare module 'svelte/elements' {
  export interface SvelteHTMLElements {
${body}  }
}

export {};
`;
}

// The files import ./index.js: tsc must have written dist/types first.
if (!existsSync(`${OUT}/index.d.ts`)) throw new Error(`${OUT}/index.d.ts is missing: run tsc -p tsconfig.build.json first`);
const elements = readElements(JSON.parse(readFileSync(MANIFEST, 'utf8')));
if (!elements.length) throw new Error(`${MANIFEST} lists no custom element`);
writeFileSync(`${OUT}/jsx.d.ts`, react(elements));
writeFileSync(`${OUT}/vue.d.ts`, vue(elements));
writeFileSync(`${OUT}/svelte.d.ts`, svelte(elements));
console.log(`Wrote ${OUT}/{jsx,vue,svelte}.d.ts for ${elements.map((e) => `<${e.tag}>`).join(', ')}`);
