import { cleanTable, directionOf, primaryLanguage, type StringTable } from '../../core/strings.js';

/** Loaders of the languages Plaudit ships besides English, by primary language (`built-in-languages.ts`). */
const BUILT_IN: Record<string, () => Promise<StringTable>> = {};

/** Makes built-in languages loadable; an author adds any other through the page's strings element. */
export function offerLanguages(loaders: Record<string, () => Promise<StringTable>>): void {
  Object.assign(BUILT_IN, loaders);
}

const loaded = new Map<string, StringTable>();
const loading = new Map<string, Promise<unknown>>();
const pageTables = new WeakMap<Document, { text: string; tables: Record<string, StringTable> }>();

/** What an element renders its strings with. */
export interface Locale {
  /** The language tag in use, as the page wrote it (`de-AT`). */
  lang: string;
  /** The UI's direction, from the language. */
  dir: 'ltr' | 'rtl';
  /** Tables to look a string up in, first match wins; English is the caller's fallback. */
  tables: StringTable[];
}

/**
 * The page's own tables: `<script type="application/json" data-plaudit-strings>`
 * holding `{ "<language>": { "<name>": "<text>" } }`. Parsed again only when
 * their text changes. Malformed JSON or entries are reported in the console and ignored.
 */
function pageStrings(doc: Document): Record<string, StringTable> {
  // `document.scripts`, a collection the browser keeps, not a search of the whole page on every render.
  const scripts = [...doc.scripts].filter((s) => s.hasAttribute('data-plaudit-strings'));
  const text = scripts.map((s) => s.textContent).join('\0');
  const cached = pageTables.get(doc);
  if (cached?.text === text) return cached.tables;
  const tables: Record<string, StringTable> = {};
  for (const script of scripts) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      console.warn('Plaudit: a data-plaudit-strings element does not hold valid JSON; ignored.');
      continue;
    }
    for (const [lang, table] of Object.entries(parsed && typeof parsed === 'object' ? parsed : {})) {
      const key = lang.toLowerCase();
      tables[key] = { ...tables[key], ...cleanTable(table, `data-plaudit-strings "${lang}"`) };
    }
  }
  pageTables.set(doc, { text, tables });
  return tables;
}

/**
 * The locale of `el`: its language (the nearest `lang` attribute, looking out
 * through shadow roots to the page; English when there is none, or it is empty),
 * the direction, and the tables to look in, nearest first: the `strings` of the
 * element and of the elements around it (`stringsOf`), then the page's table for
 * the exact tag and for its language, then Plaudit's own. One walk outward finds
 * both. Resolves at once unless Plaudit's table for the language is still loading.
 */
export function localeOf(el: Element, stringsOf: (node: Node) => StringTable | null | undefined): Locale | Promise<Locale> {
  const overrides: StringTable[] = [];
  let found: string | undefined;
  for (let node: Node | null = el; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    const table = stringsOf(node);
    if (table) overrides.push(table);
    found ??= (node as Element).getAttribute?.('lang')?.trim();
  }
  const lang = found || 'en';
  const primary = primaryLanguage(lang);
  const make = (): Locale => {
    const page = pageStrings(el.ownerDocument);
    const tables = [...overrides, page[lang.toLowerCase()], page[primary], loaded.get(primary)].filter(
      (t): t is StringTable => !!t,
    );
    return { lang, dir: directionOf(lang), tables };
  };
  const load = BUILT_IN[primary];
  if (!load || loaded.has(primary)) return make();
  let pending = loading.get(primary);
  if (!pending) {
    pending = load().then(
      (table) => void loaded.set(primary, table),
      (error) => {
        // Offline, or the chunk is gone: English, rather than no widget.
        console.warn(`Plaudit: the "${primary}" strings could not load; showing English.`, error);
        loaded.set(primary, {});
      },
    );
    loading.set(primary, pending);
  }
  return pending.then(make);
}
