/**
 * Step (c) of re-anchoring (see `anchor.ts`): approximate search for a quote
 * whose text was edited. Kept in its own module so bundles load it only when
 * exact anchoring fails: `const { anchorFuzzy } = await import('./fuzzy-anchor.js')`.
 *
 * Uses Myers' bit-parallel matcher (approx-string-match, as Hypothesis does).
 * It searches a window around the old position first and widens it only when
 * nothing good enough is found there, so the common edit (a few words changed
 * in place) costs a search over a few hundred characters, not the whole article.
 */
import search from 'approx-string-match';
import { AnchorStatus, type TextQuoteSelector } from './annotation.js';
import {
  blockAwareScore, contextSimilarity, editSimilarity, ORPHAN_THRESHOLD, positionSimilarity,
} from './anchor-score.js';
import { orphan, type AnchorResult } from './anchor-result.js';
import { isBlockEnd, isBlockStart, trimSpaces, type TextModel } from './text-model.js';

/** Most edits a quote may have had, as a share of its length. */
const MAX_ERROR_RATIO = 0.3;
/** Quote similarity below which a candidate is never accepted, whatever its context. */
const MIN_QUOTE_SIMILARITY = 0.7;
/**
 * The lower floor for a candidate whose stored prefix and suffix both still
 * surround it almost unchanged: that is the same place in the text, however
 * much was written inside the passage. The combined score still has to reach
 * `ORPHAN_THRESHOLD`, which with perfect context needs a quote similarity of
 * about 0.56.
 */
const MIN_SANDWICHED_SIMILARITY = 0.5;
const SANDWICH_CONTEXT = 0.9;
/** Each window is this many times wider than the one before. */
const WIDEN_FACTOR = 16;
/** Longer quotes are not refined: edit distance is quadratic in their length. */
const MAX_REFINED_LENGTH = 400;
/** Context shorter than this says too little to place a boundary. */
const MIN_CONTEXT_FOR_REFINING = 8;
/** Candidates of equal error count that are scored; the matcher may report many on repetitive text. */
const MAX_SCORED = 64;

export interface FuzzyOptions {
  /** Search no farther than this from the expected position. */
  within?: number;
  /**
   * Where the quote is expected now, if known better than `oldStart` (e.g.
   * `oldStart` plus the shift of annotations anchored near it). Windows are
   * centred here and position similarity is measured from here.
   */
  expectedStart?: number;
  /**
   * A span not to search: an exact match found there, when the question is
   * whether an edited passage elsewhere fits the quote better (it would hide
   * every worse match, since the matcher reports only the fewest-error ones).
   */
  exclude?: readonly [start: number, end: number];
}

/** Finds an edited quote (no farther than `within` from `oldStart`, if given); 'moved' with its score, or 'orphan' when nothing reaches `ORPHAN_THRESHOLD`. */
export function anchorFuzzy(
  model: TextModel,
  quote: TextQuoteSelector,
  oldStart: number | null,
  options: FuzzyOptions = {},
): AnchorResult {
  const { text } = model;
  const { exact } = quote;
  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATIO);
  if (maxErrors === 0 || text.length === 0) return orphan('quote not found and too short to match approximately', 0);
  let best: AnchorResult | null = null;
  const expected = options.expectedStart ?? oldStart;
  const limit = options.within ?? text.length;
  let radius = Math.min(limit, expected === null ? text.length : exact.length * 2 + 256);
  for (;;) {
    const center = expected ?? 0;
    const from = Math.max(0, center - radius);
    const to = Math.min(text.length, center + exact.length + radius);
    for (const [f, t] of withoutExcluded(from, to, options.exclude)) {
      const candidate = bestInWindow(model, quote, expected, f, t, maxErrors);
      if (candidate !== null && (best === null || candidate.score > best.score)) best = candidate;
    }
    if (best !== null && best.score >= ORPHAN_THRESHOLD) break;
    if ((from === 0 && to === text.length) || radius >= limit) break;
    radius = Math.min(limit, radius * WIDEN_FACTOR);
  }
  if (best === null) return orphan('quote not found, even approximately', 0);
  if (best.score < ORPHAN_THRESHOLD) return orphan('best approximate match scored below the threshold', best.score);
  return best;
}

/** `[from, to)` without the excluded span, as up to two windows. */
function withoutExcluded(from: number, to: number, exclude: FuzzyOptions['exclude']): Array<[number, number]> {
  if (exclude === undefined || exclude[1] <= from || exclude[0] >= to) return [[from, to]];
  return ([[from, exclude[0]], [exclude[1], to]] as Array<[number, number]>).filter(([f, t]) => t > f);
}

/** The best quote similarity (1 - errors / length) within `radius` of `center`, outside `exclude`; 0 if none. */
export function quoteSimilarityNear(
  model: TextModel,
  exact: string,
  center: number,
  radius: number,
  exclude?: readonly [number, number],
): number {
  const { text } = model;
  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATIO);
  let best = 0;
  const from = Math.max(0, center - radius);
  const to = Math.min(text.length, center + exact.length + radius);
  for (const [f, t] of withoutExcluded(from, to, exclude)) {
    for (const m of search(text.slice(f, t), exact, maxErrors)) best = Math.max(best, 1 - m.errors / exact.length);
  }
  return best;
}

/** The fuzzy step's score of the passage `[start, end)`, as `anchorFuzzy` would rank it. */
export function scorePassage(model: TextModel, quote: TextQuoteSelector, start: number, end: number, oldStart: number | null): number {
  const { text } = model;
  const context = contextSimilarity(text, start, end, quote);
  return blockAwareScore({
    quote: editSimilarity(quote.exact, text.slice(start, end)),
    prefix: context.prefix,
    suffix: context.suffix,
    position: positionSimilarity(start, oldStart, text.length),
  }, isBlockStart(model, start), isBlockEnd(model, end));
}

function bestInWindow(
  model: TextModel,
  quote: TextQuoteSelector,
  oldStart: number | null,
  from: number,
  to: number,
  maxErrors: number,
): AnchorResult | null {
  const { text } = model;
  const matches = search(text.slice(from, to), quote.exact, maxErrors);
  let best: AnchorResult | null = null;
  for (let i = 0; i < matches.length && i < MAX_SCORED; i++) {
    const m = matches[i];
    if (1 - m.errors / quote.exact.length < MIN_QUOTE_SIMILARITY) continue;
    for (const [rawStart, rawEnd] of boundaryCandidates(text, quote, from + m.start, from + m.end, maxErrors)) {
      // A match may begin or end on a space the quote did not have; drop it.
      const [start, end] = trimSpaces(text, rawStart, rawEnd);
      if (end <= start) continue;
      const quoteSimilarity = rawStart === from + m.start && rawEnd === from + m.end
        ? 1 - m.errors / quote.exact.length
        : editSimilarity(quote.exact, text.slice(start, end));
      if (quoteSimilarity < MIN_SANDWICHED_SIMILARITY) continue;
      const context = contextSimilarity(text, start, end, quote);
      const sandwiched = context.prefix >= SANDWICH_CONTEXT && context.suffix >= SANDWICH_CONTEXT;
      if (quoteSimilarity < MIN_QUOTE_SIMILARITY && !sandwiched) continue;
      const score = blockAwareScore({
        quote: quoteSimilarity,
        prefix: context.prefix,
        suffix: context.suffix,
        position: positionSimilarity(start, oldStart, text.length),
      }, isBlockStart(model, start), isBlockEnd(model, end));
      if (best === null || score > best.score) best = { status: AnchorStatus.Moved, start, end, score };
    }
  }
  return best;
}

/**
 * The matcher minimises edits, so when words were inserted at a quote's edge it
 * prefers dropping the quote's first or last word over spanning the insertion.
 * Where the stored prefix ends and the suffix begins are better boundaries:
 * offer those too, and let the combined score choose.
 */
function boundaryCandidates(
  text: string,
  quote: TextQuoteSelector,
  start: number,
  end: number,
  maxErrors: number,
): Array<[number, number]> {
  const starts = [start];
  const ends = [end];
  if (quote.exact.length <= MAX_REFINED_LENGTH) {
    const slack = maxErrors + 8;
    const prefix = quote.prefix ?? '';
    if (prefix.length >= MIN_CONTEXT_FOR_REFINING) {
      const from = Math.max(0, start - prefix.length - slack);
      const closest = nearest(search(text.slice(from, start + slack), prefix, Math.floor(prefix.length * 0.4)).map((m) => from + m.end), start);
      if (closest !== null && closest !== start && closest < end) starts.push(closest);
    } else if (prefix.length === 0 && start > 0 && start <= slack * 2) {
      starts.push(0); // The quote began the text.
    }
    const suffix = quote.suffix ?? '';
    if (suffix.length >= MIN_CONTEXT_FOR_REFINING) {
      const from = Math.max(0, end - slack);
      const closest = nearest(search(text.slice(from, end + suffix.length + slack), suffix, Math.floor(suffix.length * 0.4)).map((m) => from + m.start), end);
      if (closest !== null && closest !== end && closest > start) ends.push(closest);
    } else if (suffix.length === 0 && end < text.length && text.length - end <= slack * 2) {
      ends.push(text.length); // The quote ended the text.
    }
  }
  return starts.flatMap((s) => ends.map((e): [number, number] => [s, e]));
}

function nearest(offsets: number[], to: number): number | null {
  let best: number | null = null;
  for (const o of offsets) if (best === null || Math.abs(o - to) < Math.abs(best - to)) best = o;
  return best;
}
