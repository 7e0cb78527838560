/**
 * How well a candidate place in the text fits a stored quote: one score in
 * [0, 1] shared by exact and fuzzy anchoring, so both stages rank and reject
 * candidates the same way. Weights follow Hypothesis's anchoring: the quote
 * dominates, context on both sides chooses among repeats, position breaks ties.
 */
import type { TextQuoteSelector } from './annotation.js';
import { CONTEXT_LENGTH } from './describe.js';

export const SCORE_WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

/** Below this an annotation is an orphan rather than drawn on text that may be wrong. */
export const ORPHAN_THRESHOLD = 0.75;

const SPACE = 32;

const TOTAL = SCORE_WEIGHTS.quote + SCORE_WEIGHTS.prefix + SCORE_WEIGHTS.suffix + SCORE_WEIGHTS.position;

export interface Similarities {
  quote: number;
  /** Null: this side's context says nothing here (see `blockAwareScore`), and is left out of the score. */
  prefix: number | null;
  suffix: number | null;
  position: number;
}

export function combineScore(s: Similarities): number {
  const w = SCORE_WEIGHTS;
  const total = TOTAL - (s.prefix === null ? w.prefix : 0) - (s.suffix === null ? w.suffix : 0);
  return (w.quote * s.quote + w.prefix * (s.prefix ?? 0) + w.suffix * (s.suffix ?? 0) + w.position * s.position) / total;
}

/**
 * The score of a candidate, where context across a block edge may be left out.
 * Blocks move as units: a paragraph moved elsewhere keeps its own text but not
 * its neighbours, so for a candidate that begins (ends) a block, a prefix
 * (suffix) that disagrees is no evidence against it. Only one side may be left
 * out: some context must still agree.
 */
export function blockAwareScore(s: Similarities, startsBlock: boolean, endsBlock: boolean): number {
  let score = combineScore(s);
  if (startsBlock) score = Math.max(score, combineScore({ ...s, prefix: null }));
  if (endsBlock) score = Math.max(score, combineScore({ ...s, suffix: null }));
  return score;
}

/** 1 at the old position, falling linearly to 0 at a text length away. */
export function positionSimilarity(start: number, oldStart: number | null, textLength: number): number {
  if (oldStart === null || textLength === 0) return 1;
  return 1 - Math.min(1, Math.abs(start - oldStart) / textLength);
}

/**
 * How many characters of the stored prefix the text just before `start`
 * repeats, read backwards. Cheap. A space on one side only is skipped, not
 * counted: other tools read raw `textContent`, which has no space where two
 * blocks touch in the HTML or at a `<br>` (the model has one), and may keep
 * whitespace the model drops.
 */
export function prefixMatch(text: string, start: number, prefix: string): number {
  let n = 0;
  for (let i = start - 1, j = prefix.length - 1; i >= 0 && j >= 0;) {
    const a = text.charCodeAt(i);
    const b = prefix.charCodeAt(j);
    if (a === b) {
      n++;
      i--;
      j--;
    } else if (a === SPACE) i--;
    else if (b === SPACE) j--;
    else break;
  }
  return n;
}

/** How many characters of the stored suffix the text just after `end` repeats (spaces as in `prefixMatch`). */
export function suffixMatch(text: string, end: number, suffix: string): number {
  let n = 0;
  for (let i = end, j = 0; i < text.length && j < suffix.length;) {
    const a = text.charCodeAt(i);
    const b = suffix.charCodeAt(j);
    if (a === b) {
      n++;
      i++;
      j++;
    } else if (a === SPACE) i++;
    else if (b === SPACE) j++;
    else break;
  }
  return n;
}

/** Share of the stored prefix that the text just before `start` repeats (1 for no prefix). */
export function prefixAgreement(text: string, start: number, prefix: string): number {
  return prefix.length === 0 ? 1 : prefixMatch(text, start, prefix) / prefix.length;
}

/** Share of the stored suffix that the text just after `end` repeats (1 for no suffix). */
export function suffixAgreement(text: string, end: number, suffix: string): number {
  return suffix.length === 0 ? 1 : suffixMatch(text, end, suffix) / suffix.length;
}

/** 1 - (Levenshtein distance / length of `a`), floored at 0. For short strings (context). */
export function editSimilarity(a: string, b: string): number {
  if (a.length === 0) return 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return Math.max(0, 1 - prev[b.length] / a.length);
}

/**
 * Context similarity of a fuzzy candidate: edit distance against the text
 * around it. A stored context shorter than `CONTEXT_LENGTH` means the quote
 * was that close to the start (or end) of the text, so it is compared with the
 * full context length there: text that grew before the quote counts against it.
 */
export function contextSimilarity(text: string, start: number, end: number, quote: TextQuoteSelector): {
  prefix: number;
  suffix: number;
} {
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const before = prefix.length < CONTEXT_LENGTH ? CONTEXT_LENGTH : prefix.length;
  const after = suffix.length < CONTEXT_LENGTH ? CONTEXT_LENGTH : suffix.length;
  return {
    prefix: edgeSimilarity(prefix, text.slice(Math.max(0, start - before), start), true),
    suffix: edgeSimilarity(suffix, text.slice(end, end + after), false),
  };
}

function edgeSimilarity(stored: string, actual: string, isPrefix: boolean): number {
  if (stored.length >= CONTEXT_LENGTH || stored.length >= actual.length) return editSimilarity(stored, actual);
  // Only the part next to the quote can agree; the rest is text that was not there.
  const near = isPrefix ? actual.slice(actual.length - stored.length) : actual.slice(0, stored.length);
  return stored.length === 0 ? 0 : editSimilarity(stored, near) * stored.length / actual.length;
}
