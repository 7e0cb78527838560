/**
 * A text model built from a story's registered paragraphs (plain strings, no
 * DOM), so the widget's own anchoring can place a stored annotation in the
 * text an editor reviews: on a server, in a worker, or in the review element
 * when no article is on the page.
 *
 * Anchoring reads only `text` and `blockStarts` (see `anchor.ts`,
 * `anchor-score.ts`, `fuzzy-anchor.ts`), so the node and segment arrays are
 * empty and `root` is absent. The text is built as the DOM text model builds
 * it: each paragraph's runs of ASCII whitespace collapse to one space, its
 * ends are trimmed, and paragraphs are joined by one space, each a block.
 */
import { AnchorStatus } from './annotation.js';
import { anchor } from './anchor.js';
import { parseSelectors } from './anchor-selectors.js';
import type { TextModel } from './text-model.js';
import type { ReviewAnchor } from './review-types.js';

/** A `TextModel` over registered paragraphs, with the way back to them. */
export interface ParagraphTextModel extends TextModel {
  /** The model offset where each paragraph's text begins (an empty paragraph: where the next would). */
  readonly paragraphStarts: number[];
  /** The paragraphs as given; offsets handed out by the helpers below are offsets in these strings. */
  readonly paragraphs: readonly string[];
  /**
   * Per paragraph, the offset in the given string of each character of its
   * collapsed text (one more entry: the end), or null where collapsing changed
   * nothing, so offsets are the same in both.
   */
  readonly rawOffsets: ReadonlyArray<readonly number[] | null>;
}

/** Where a model offset falls in the paragraphs. */
export interface ParagraphOffset {
  paragraph: number;
  offset: number;
}

/** Characters of context shown before and after a quote in the review. */
export const REVIEW_CONTEXT_LENGTH = 40;

/** HTML's ASCII whitespace, as the DOM text model collapses it. */
const WHITESPACE = /[ \t\n\r\f]/;

/** Builds the model; pure and synchronous. */
export function paragraphTextModel(paragraphs: readonly string[]): ParagraphTextModel {
  const collapsed = paragraphs.map(collapse);
  const chunks: string[] = [];
  const paragraphStarts: number[] = new Array(paragraphs.length);
  const blockStarts: number[] = [0];
  let length = 0;
  for (let i = 0; i < collapsed.length; i++) {
    const { text } = collapsed[i]!;
    if (text.length === 0) continue;
    if (length > 0) {
      chunks.push(' ');
      length += 1;
      blockStarts.push(length);
    }
    paragraphStarts[i] = length;
    chunks.push(text);
    length += text.length;
  }
  // An empty paragraph starts where the next non-empty one does (or at the end).
  let next = length;
  for (let i = collapsed.length - 1; i >= 0; i--) {
    if (collapsed[i]!.text.length === 0) paragraphStarts[i] = next;
    else next = paragraphStarts[i]!;
  }
  return {
    root: null as unknown as Element,
    text: chunks.join(''),
    nodes: [],
    nodeFirstSegment: [],
    segmentStart: [],
    segmentLength: [],
    segmentNode: [],
    segmentNodeOffset: [],
    nodeIndex: new Map(),
    blockStarts,
    paragraphStarts,
    paragraphs,
    rawOffsets: collapsed.map((c) => c.offsets),
  };
}

function collapse(raw: string): { text: string; offsets: number[] | null } {
  let text = '';
  const offsets: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (WHITESPACE.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0 && text.length > 0) {
      text += ' ';
      offsets.push(pendingSpace);
    }
    pendingSpace = -1;
    text += ch;
    offsets.push(i);
  }
  const last = offsets.length === 0 ? 0 : offsets[offsets.length - 1]! + 1;
  offsets.push(last);
  return { text, offsets: text === raw ? null : offsets };
}

function collapsedLength(rawOffsets: ReadonlyArray<readonly number[] | null>, paragraphs: readonly string[], i: number): number {
  const offsets = rawOffsets[i];
  return offsets === null || offsets === undefined ? paragraphs[i]!.length : offsets.length - 1;
}

/**
 * The paragraph a model offset is in, and the offset in that paragraph's
 * string. An end offset (`asEnd`) belongs to the paragraph it closes. Offsets
 * on a separator space go to the paragraph before it.
 */
export function toParagraphOffset(model: ParagraphTextModel, offset: number, asEnd = false): ParagraphOffset {
  const { paragraphStarts, paragraphs, rawOffsets } = model;
  if (paragraphs.length === 0) return { paragraph: -1, offset: 0 };
  let lo = 0;
  let hi = paragraphStarts.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (asEnd ? paragraphStarts[mid]! < offset : paragraphStarts[mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  while (found > 0 && collapsedLength(rawOffsets, paragraphs, found) === 0) found--;
  const local = Math.max(0, Math.min(offset - paragraphStarts[found]!, collapsedLength(rawOffsets, paragraphs, found)));
  const map = rawOffsets[found];
  if (map === null || map === undefined) return { paragraph: found, offset: local };
  // An end maps to just after the character before it, so a quote never takes in a collapsed run.
  return { paragraph: found, offset: asEnd && local > 0 ? map[local - 1]! + 1 : map[local]! };
}

/** The model offset of an offset in paragraph `paragraph`'s string (clamped to the paragraph). */
export function toModelOffset(model: ParagraphTextModel, paragraph: number, offset: number): number {
  const start = model.paragraphStarts[paragraph];
  if (start === undefined) return paragraph < 0 ? 0 : model.text.length;
  const map = model.rawOffsets[paragraph];
  const length = collapsedLength(model.rawOffsets, model.paragraphs, paragraph);
  if (map === null || map === undefined) return start + Math.max(0, Math.min(offset, length));
  // The collapsed character at or before the raw offset.
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return start + lo;
}

/** The review's orphan anchor. */
export const ORPHAN_ANCHOR: ReviewAnchor = Object.freeze({
  status: AnchorStatus.Orphan, paragraph: -1, start: -1, end: -1, before: '', after: '',
});

/**
 * Anchors a stored annotation in the model with the widget's own `anchor()`.
 * Its TextPositionSelector counts over the reader's DOM text model, which
 * holds more than the registered blocks, so it is only a hint here: the quote
 * and its context decide. `anchored` means the quote was found word for word,
 * `moved` that it was found only approximately (the passage was edited).
 * An annotation that spans paragraphs is shown in the one where it begins, to
 * that paragraph's end.
 */
export async function anchorInModel(model: ParagraphTextModel, annotation: unknown): Promise<ReviewAnchor> {
  const result = await anchor(model, annotation);
  if (result.status === AnchorStatus.Orphan || result.start < 0) return ORPHAN_ANCHOR;
  const parsed = parseSelectors(annotation);
  const exact = typeof parsed === 'string' ? null : parsed.quote?.exact ?? null;
  const verbatim = exact === null ? result.status === AnchorStatus.Anchored : model.text.slice(result.start, result.end) === exact;
  const from = toParagraphOffset(model, result.start);
  const to = toParagraphOffset(model, result.end, true);
  const text = model.paragraphs[from.paragraph]!;
  const end = to.paragraph === from.paragraph ? to.offset : text.length;
  return {
    status: verbatim ? AnchorStatus.Anchored : AnchorStatus.Moved,
    paragraph: from.paragraph,
    start: from.offset,
    end: Math.max(from.offset, end),
    before: contextBefore(text, from.offset),
    after: contextAfter(text, end),
  };
}

/** `anchorInModel` over a model built from `paragraphs` (build the model once when anchoring many). */
export function anchorInParagraphs(paragraphs: readonly string[], annotation: unknown): Promise<ReviewAnchor> {
  return anchorInModel(paragraphTextModel(paragraphs), annotation);
}

/** Up to 40 characters before `start`, not beginning in the middle of a word. */
export function contextBefore(text: string, start: number): string {
  const from = Math.max(0, start - REVIEW_CONTEXT_LENGTH);
  let slice = text.slice(from, start);
  if (from > 0 && !WHITESPACE.test(text[from - 1]!)) {
    const space = slice.search(/[ \t\n\r\f]/);
    if (space >= 0) slice = slice.slice(space + 1);
  }
  return slice;
}

/** Up to 40 characters after `end`, not ending in the middle of a word. */
export function contextAfter(text: string, end: number): string {
  const to = Math.min(text.length, end + REVIEW_CONTEXT_LENGTH);
  let slice = text.slice(end, to);
  if (to < text.length && !WHITESPACE.test(text[to]!)) {
    const space = Math.max(slice.lastIndexOf(' '), slice.lastIndexOf('\n'), slice.lastIndexOf('\t'));
    if (space >= 0) slice = slice.slice(0, space);
  }
  return slice;
}
