/**
 * Steps (a) and (b) of re-anchoring (see `anchor.ts`): the quote found as
 * stored, or as stored but for whitespace, and chosen among its occurrences by
 * context, then by position. Context counts for the length actually stored:
 * other tools store less than Plaudit's 32 characters, or none.
 */
import { AnchorStatus, type TextQuoteSelector } from './annotation.js';
import { bestCompactOccurrences, bestOccurrences, type Found, type Occurrence } from './anchor-occurrences.js';
import { orphan, type AnchorResult } from './anchor-result.js';
import { combineScore, contextSimilarity, positionSimilarity, prefixMatch, suffixMatch } from './anchor-score.js';
import type { AnchorQuote } from './anchor-selectors.js';
import { CONTEXT_LENGTH } from './describe.js';
import { offsetsToRange, type TextModel } from './text-model.js';

/** Context agreement (0..1) needed to trust an exact match without looking elsewhere. */
const POSITION_CONTEXT_MIN = 0.5;
/** Matching context characters needed to take the stored position at its word without searching. */
const POSITION_CONTEXT_CHARS = 16;
/** Context agreement below which an exact match is not trusted (the fuzzy step decides). */
const EXACT_CONTEXT_MIN = 0.25;
/** ...and the matching characters it needs, unless less context than this was stored (then all of it). */
const EXACT_CONTEXT_CHARS = 8;
/** A quote at least this long that occurs once is trusted whatever its context. */
const DISTINCTIVE_QUOTE_LENGTH = 16;
/** How far around the old position exact search looks before searching everything. */
const NEAR = 8192;
const FAR_MIN = 2000;
const FAR_SHARE = 0.05;
/**
 * When context cannot choose between occurrences, the position picks the
 * nearest only if every other is at least this much farther: offsets counted
 * by other tools over raw `textContent` are off by tens or hundreds.
 */
export const HINT_MARGIN = 256;
/** Ties compared with a raw quote through the DOM; more would cost a Range each. */
const MAX_RAW_COMPARED = 64;

/**
 * What the exact step found: `certain` unless it rests on the position;
 * `full` when context was stored and all of it agrees.
 */
export type ExactOutcome =
  | { result: AnchorResult; certain: boolean; full: boolean }
  | { ties: Occurrence[] }
  | null;

export interface ExactOptions {
  /** The record is Plaudit's own (it has `plaudit:textHash`): its quote has the model's spaces. */
  ownQuote?: boolean;
  /**
   * `expected` was corrected by an annotation anchored near it, so it is good
   * to tens of characters: it may choose among plausible occurrences even when
   * one has all of a short stored context (another tool's minimal context
   * fits a copy as well once the passage's own context was edited).
   */
  calibrated?: boolean;
}

/**
 * An exact match this far from the old position may be an identical copy of a
 * passage that was edited in place (repeated sentences share their context too),
 * so the fuzzy step first looks near the old position. Unrelated edits rarely
 * shift text this far.
 */
export function farDistance(textLength: number): number {
  return Math.max(FAR_MIN, textLength * FAR_SHARE);
}

export function isFar(start: number, oldStart: number | null, textLength: number): boolean {
  return oldStart !== null && Math.abs(start - oldStart) > farDistance(textLength);
}

/**
 * Steps (a) and (b). `expected` is where the passage is thought to be now (the
 * old position, or better): the search starts there. Returns null when the quote
 * is not found exactly (or only where context disagrees), meaning the fuzzy step
 * should run; `ties` when only a position can choose (see `resolveTies`).
 */
export function findExact(
  model: TextModel,
  quote: AnchorQuote,
  oldStart: number | null,
  expected: number | null,
  { ownQuote = false, calibrated = false }: ExactOptions = {},
): ExactOutcome {
  const { text } = model;
  const { exact } = quote;
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const weight = prefix.length + suffix.length;
  const measure = (start: number, end: number): Occurrence => {
    const matched = prefixMatch(text, start, prefix) + suffixMatch(text, end, suffix);
    return { start, end, agreement: weight === 0 ? 1 : matched / weight, matched };
  };
  const found = (o: Occurrence, certain = true): ExactOutcome =>
    ({ result: scoreAt(text, quote, o, oldStart), certain, full: weight > 0 && o.agreement === 1 });

  // (a) The stored position, when enough context agrees there.
  if (oldStart !== null && weight > 0 && text.startsWith(exact, oldStart)) {
    const o = measure(oldStart, oldStart + exact.length);
    if (o.agreement >= POSITION_CONTEXT_MIN && o.matched >= Math.min(weight, POSITION_CONTEXT_CHARS)) return found(o);
  }
  const decide = (f: Found | null, exactLength: number, compact: boolean): ExactOutcome => {
    if (f === null) return null;
    const best = f.ties[0];
    if (weight === 0) {
      // No context: a long quote found once is itself the evidence; otherwise
      // the position must choose. A quote matched only without its spaces needs more.
      if (f.count === 1 && exactLength >= DISTINCTIVE_QUOTE_LENGTH) return found(best);
      return compact ? null : narrow(model, quote, f.ties, found);
    }
    const plausible = (o: Occurrence): boolean => o.agreement >= EXACT_CONTEXT_MIN && o.matched >= Math.min(weight, EXACT_CONTEXT_CHARS);
    if (!plausible(best) && !(f.count === 1 && exactLength >= DISTINCTIVE_QUOTE_LENGTH)) return null;
    if (best.agreement === 1 && !(calibrated && weight < CONTEXT_LENGTH && expected !== null)) {
      return f.ties.length > 1 ? narrow(model, quote, f.ties, found) : found(best);
    }
    // No occurrence has all its context (an edit beside the passage, or a copy
    // of the sentence around it), or only a short one does and the position is
    // calibrated: a decisive position chooses among the plausible ones, else
    // the one with all its context, else context compared by edit distance.
    const candidates = f.all.filter(plausible);
    const nearest = expected === null ? null : decisive(candidates, expected, text.length, false);
    if (nearest !== null) return found(nearest, false);
    if (best.agreement === 1) return f.ties.length > 1 ? narrow(model, quote, f.ties, found) : found(best);
    const ties = rerank(text, quote, candidates, f.ties);
    return ties.length > 1 ? narrow(model, quote, ties, found) : found(ties[0]);
  };
  // (b) Unrelated edits usually shift a passage a little: look around the
  // expected place first (a sliced string is a view, not a copy). A match there
  // whose context only partly agrees rests on the position, so it is not
  // certain; with no context, only the whole text can say a quote is unique.
  const verbatim = (from: number, to: number): Found | null => bestOccurrences(text, exact, from, to, measure);
  if (expected !== null && weight > 0) {
    const near = verbatim(Math.max(0, expected - NEAR), expected + exact.length + NEAR);
    if (near !== null && near.ties[0].agreement >= POSITION_CONTEXT_MIN) {
      const outcome = decide(near, exact.length, false);
      if (outcome !== null) return 'result' in outcome && near.ties[0].agreement < 1 ? { ...outcome, certain: false } : outcome;
    }
  }
  const everywhere = verbatim(0, text.length);
  if (everywhere !== null) return decide(everywhere, exact.length, false);
  // (b') Not even once as stored: other tools' quotes may lack the space the
  // model has where two blocks meet, or at a <br>. Compare without spaces
  // (not for a quote taken from a text model, `ownQuote`: it has those spaces).
  if (ownQuote) return null;
  const compactExact = exact.replace(/ /g, '');
  return decide(bestCompactOccurrences(model, compactExact, measure), compactExact.length, true);
}

/**
 * When no occurrence has all its context, the plausible ones compared by edit
 * distance: counting agreeing characters stops at the first difference, so
 * words inserted right beside a passage hide its context, and a copy of the
 * sentence around it would win.
 */
function rerank(text: string, quote: TextQuoteSelector, plausible: Occurrence[], ties: Occurrence[]): Occurrence[] {
  if (plausible.length < 2) return ties;
  let best: Occurrence[] = [];
  let bestScore = -1;
  for (const o of plausible) {
    const { prefix, suffix } = contextSimilarity(text, o.start, o.end, quote);
    const score = prefix + suffix;
    if (score > bestScore) {
      best = [o];
      bestScore = score;
    } else if (score === bestScore) best.push(o);
  }
  return best;
}

/**
 * Ties narrowed by the quote's raw whitespace, when another tool stored it: the
 * page's own text (line breaks and indentation included) may match it at only
 * one, as it did in the text that tool read.
 */
function narrow(model: TextModel, quote: AnchorQuote, ties: Occurrence[], found: (o: Occurrence) => ExactOutcome): ExactOutcome {
  if (ties.length < 2 || ties.length > MAX_RAW_COMPARED) return { ties };
  const same = ties.filter((o) => rawMatches(model, quote, o.start, o.end) === true);
  if (same.length === 1) return found(same[0]);
  return { ties: same.length > 1 ? same : ties };
}

/**
 * Whether the page's raw text of `[start, end)` is the quote as another tool
 * stored it (null when that says nothing: a quote in the model's own
 * whitespace, or a model built without a DOM, see `paragraph-model.ts`). A
 * quote with no context at all is another tool's, even without odd whitespace.
 */
export function rawMatches(model: TextModel, quote: AnchorQuote, start: number, end: number): boolean | null {
  const raw = quote.raw ?? (quote.prefix || quote.suffix ? undefined : quote.exact);
  if (raw === undefined || model.nodes.length === 0) return null;
  return offsetsToRange(model, start, end).toString() === raw;
}

/**
 * Chooses among occurrences that context cannot tell apart: the one nearest
 * `expected` (the old position, corrected by how far neighbouring annotations
 * moved when known), if it is within the far distance and every other is at
 * least `HINT_MARGIN` farther, or exactly at `expected`. With no position, only
 * a single occurrence is taken. Anything else is an orphan, never a guess.
 */
export function resolveTies(
  model: TextModel,
  quote: TextQuoteSelector,
  ties: readonly Occurrence[],
  oldStart: number | null,
  expected: number | null,
): AnchorResult {
  const { text } = model;
  if (expected === null) {
    return ties.length === 1 ? scoreAt(text, quote, ties[0], oldStart) :
      orphan(`the quote occurs ${ties.length} times and neither its context nor a position says which`);
  }
  const nearest = decisive(ties, expected, text.length, true);
  if (nearest !== null) return scoreAt(text, quote, nearest, oldStart);
  return orphan(ties.length === 1 ? 'the quote occurs once, far from its stored position, with no context to confirm it' :
    `the quote occurs ${ties.length} times and its position does not single one out`);
}

/**
 * The occurrence nearest `expected`, if it is within the far distance and every
 * other is at least `HINT_MARGIN` farther (or, when `exactHit`, it is at `expected`).
 */
function decisive(occurrences: readonly Occurrence[], expected: number, textLength: number, exactHit: boolean): Occurrence | null {
  if (occurrences.length === 0) return null;
  const distance = (o: Occurrence): number => Math.abs(o.start - expected);
  const sorted = [...occurrences].sort((a, b) => distance(a) - distance(b));
  const d1 = distance(sorted[0]);
  const d2 = sorted.length > 1 ? distance(sorted[1]) : Infinity;
  return d1 <= farDistance(textLength) && ((exactHit && d1 === 0) || d2 - d1 >= HINT_MARGIN) ? sorted[0] : null;
}

/**
 * 'anchored' at the stored position, or, with no stored position, where all
 * the stored context agrees (nothing says the passage changed); else 'moved'.
 */
function scoreAt(text: string, quote: TextQuoteSelector, o: Occurrence, oldStart: number | null): AnchorResult {
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const prefixScore = prefix.length === 0 ? 1 : prefixMatch(text, o.start, prefix) / prefix.length;
  const suffixScore = suffix.length === 0 ? 1 : suffixMatch(text, o.end, suffix) / suffix.length;
  const anchored = o.start === oldStart || (oldStart === null && o.agreement === 1);
  return {
    status: anchored ? AnchorStatus.Anchored : AnchorStatus.Moved,
    start: o.start,
    end: o.end,
    score: combineScore({
      quote: 1, prefix: prefixScore, suffix: suffixScore, position: positionSimilarity(o.start, oldStart, text.length),
    }),
  };
}
