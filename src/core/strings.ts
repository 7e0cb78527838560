import type { ARTICLE_EN } from './strings-en/article.js';
import type { CLAPS_EN } from './strings-en/claps.js';
import type { SYNC_EN } from './strings-en/sync.js';

/** A message with plural forms, chosen by `Intl.PluralRules` on the value `n`. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** One visible string or announcement: text with `{name}` placeholders, or plural forms. */
export type Message = string | PluralMessage;

/** The name of each string the reader widgets show or announce. */
export type StringKey = keyof typeof CLAPS_EN | keyof typeof ARTICLE_EN | keyof typeof SYNC_EN;

/** A language's strings; a missing one falls back to English. */
export type StringTable = { [K in StringKey]?: Message };

/** What fills a message's placeholders; numbers are formatted for the language. */
export type MessageValues = Record<string, string | number>;

const plurals = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();
const dates = new Map<string, Intl.DateTimeFormat>();

/** `Intl` objects are slow to make and a widget asks often: one of each per language. */
function cached<T>(map: Map<string, T>, lang: string, make: (lang: string) => T): T {
  let value = map.get(lang);
  if (!value) {
    try {
      value = make(lang);
    } catch {
      // A malformed language tag from the page: English rules rather than a thrown render.
      value = make('en');
    }
    map.set(lang, value);
  }
  return value;
}

// The first `Intl` object a page makes costs tens of milliseconds (ICU starting up),
// too much for a first paint or a click: English, the default, makes none for whole
// numbers and their plurals, which are all the widgets show, and German none for
// plurals and numbers under 1,000 (its rule for whole numbers is English's). Where
// English groups digits otherwise (en-IN's lakh, en-ZA's spaces), Intl formats them.
const oneIsOne = (lang: string) => /^(en|de)$/.test(primaryLanguage(lang));
const commaGrouped = /^en(-(us|gb|au|ca|nz|ie))?$/i;

/** Formats a number the way readers of `lang` write it (Arabic digits for `ar`, say). */
export const formatNumber = (lang: string, n: number): string =>
  Number.isInteger(n) && (commaGrouped.test(lang) || (oneIsOne(lang) && Math.abs(n) < 1000))
    ? String(n).replace(/\B(?=(\d{3})+$)/g, ',')
    : cached(numbers, lang, (l) => new Intl.NumberFormat(l)).format(n);

/** A date and time the way readers of `lang` write them ("Dec 1, 2026, 2:59 PM"), made once per language. */
export const dateFormat = (lang: string): Intl.DateTimeFormat =>
  cached(dates, lang, (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' }));

/** The plural form for `n` in `lang` (English and German: "one" for 1 only, as CLDR has it for whole numbers). */
const pluralOf = (lang: string, n: number): Intl.LDMLPluralRule =>
  oneIsOne(lang) && Number.isInteger(n) ? (n === 1 ? 'one' : 'other') : cached(plurals, lang, (l) => new Intl.PluralRules(l)).select(n);

/**
 * Fills `message` for `lang`: picks the plural form for `values.n`, then puts
 * each value in its `{name}`, numbers formatted for the language. The result is
 * text, to be rendered as text.
 */
export function formatMessage(lang: string, message: Message, values: MessageValues = {}): string {
  const text =
    typeof message === 'string'
      ? message
      : message[pluralOf(lang, Number(values.n))] ?? message.other;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return typeof value === 'number' ? formatNumber(lang, value) : value ?? whole;
  });
}

/** True for a message an author may supply: a string, or plural forms that are strings with an `other`. */
export function isMessage(value: unknown): value is Message {
  if (typeof value === 'string') return true;
  if (!value || typeof value !== 'object' || typeof (value as PluralMessage).other !== 'string') return false;
  return Object.values(value).every((form) => typeof form === 'string');
}

/**
 * Keeps the entries whose values are messages; says in the console what it
 * dropped, so an author's mistake is found rather than silently shown in English.
 */
export function cleanTable(table: unknown, where: string): StringTable {
  const clean: Record<string, Message> = {};
  if (!table || typeof table !== 'object' || Array.isArray(table)) {
    console.warn(`Plaudit: ${where} is not an object of strings; ignored.`);
    return clean;
  }
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(table)) {
    if (isMessage(value)) clean[key] = value;
    else dropped.push(key);
  }
  if (dropped.length) console.warn(`Plaudit: ${where}: ignored ${dropped.join(', ')} (not text).`);
  return clean;
}

/** Languages written right to left (primary subtags), whose UI is mirrored. */
const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** The primary subtag of a language tag, lower case: `de` for `de-AT`. */
export const primaryLanguage = (lang: string): string => lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/** The direction the widget's own UI takes for `lang`, whatever the text around it. */
export const directionOf = (lang: string): 'ltr' | 'rtl' => (RTL.has(primaryLanguage(lang)) ? 'rtl' : 'ltr');

