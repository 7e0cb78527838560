/**
 * Where a quote occurs in the text model, and how well its stored context
 * agrees at each place: the search behind the exact step (`anchor-exact.ts`).
 */
import type { TextModel } from './text-model.js';

/** Occurrences of a repeated quote that are compared; more is pathological (e.g. "the"). */
const MAX_CANDIDATES = 5000;
/** Occurrences kept for re-ranking when none has all its context. */
const MAX_KEPT = 64;

export interface Occurrence {
  start: number;
  end: number;
  /** Share of the stored context that agrees here (1 when none was stored). */
  agreement: number;
  /** Context characters that agree here. */
  matched: number;
}

export interface Found {
  /** The occurrences whose context agrees best, equally. */
  ties: Occurrence[];
  /** The first `MAX_KEPT` occurrences. */
  all: Occurrence[];
  /** Occurrences seen in the searched span. */
  count: number;
}

/** The occurrences of `exact` in `text[from, to)` whose context agrees best. */
export function bestOccurrences(
  text: string,
  exact: string,
  from: number,
  to: number,
  measure: (start: number, end: number) => Occurrence,
): Found | null {
  const span = from === 0 && to >= text.length ? text : text.slice(from, to);
  let found: Found | null = null;
  let count = 0;
  for (let i = span.indexOf(exact); i !== -1 && count < MAX_CANDIDATES; i = span.indexOf(exact, i + 1)) {
    count++;
    found = keepBest(found, measure(from + i, from + i + exact.length));
  }
  if (found !== null) found.count = count;
  return found;
}

function keepBest(found: Found | null, o: Occurrence): Found {
  const all = found?.all ?? [];
  if (all.length < MAX_KEPT) all.push(o);
  if (found === null || o.agreement > found.ties[0].agreement) return { ties: [o], all, count: 0 };
  if (o.agreement === found.ties[0].agreement) found.ties.push(o);
  return found;
}

interface CompactText {
  /** The model text without its spaces. */
  text: string;
  /** Model offset of each character of `text`. */
  offsets: Int32Array;
}

/** Built on first need, once per model (models are immutable snapshots). */
const compactTexts = new WeakMap<TextModel, CompactText>();

function compactTextOf(model: TextModel): CompactText {
  let compact = compactTexts.get(model);
  if (compact === undefined) {
    const { text } = model;
    const offsets = new Int32Array(text.length);
    let n = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 32) offsets[n++] = i;
    compact = { text: text.replace(/ /g, ''), offsets: offsets.subarray(0, n) };
    compactTexts.set(model, compact);
  }
  return compact;
}

/** `bestOccurrences` over the text without spaces; occurrences are in model offsets. */
export function bestCompactOccurrences(
  model: TextModel,
  exact: string,
  measure: (start: number, end: number) => Occurrence,
): Found | null {
  if (exact.length === 0) return null;
  const { text, offsets } = compactTextOf(model);
  let found: Found | null = null;
  let count = 0;
  for (let i = text.indexOf(exact); i !== -1 && count < MAX_CANDIDATES; i = text.indexOf(exact, i + 1)) {
    count++;
    found = keepBest(found, measure(offsets[i], offsets[i + exact.length - 1] + 1));
  }
  if (found !== null) found.count = count;
  return found;
}
