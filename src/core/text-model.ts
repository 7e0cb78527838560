/**
 * The article's rendered text, as one string, with a map back to the DOM.
 *
 * Selectors are described and matched against this string, never against raw
 * `textContent`, so that re-indenting the HTML, adding a `<script>` or hiding a
 * block does not move anchors: whitespace runs collapse to one space, block
 * boundaries and `<br>` count as a space, and hidden or non-rendered content is
 * left out. The model is a snapshot: rebuild it after the article changes.
 * Building it never modifies the DOM.
 */
import { partitionPoint } from './bisect.js';

/** Elements whose content is never article text. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'CANVAS', 'SVG']);

/** Used when computed style is unavailable (a root that is not in a document). */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'CAPTION',
]);

/** What collapses: HTML's ASCII whitespace. A no-break space is text, as it renders. */
const WHITESPACE = /[ \t\n\r\f]+/g;

export interface TextModelOptions {
  /** Elements matching this selector are left out, with their content (e.g. the widget's own UI). */
  ignore?: string;
}

/**
 * `text` is made of segments that each map linearly onto one Text node; the
 * single spaces between segments are synthetic (collapsed whitespace, block
 * boundaries, `<br>`). Arrays are parallel, indexed by segment.
 */
export interface TextModel {
  readonly root: Element;
  readonly text: string;
  /** Text nodes that contribute to `text`, in document order. */
  readonly nodes: readonly Text[];
  /** Segments of node `i` are `nodeFirstSegment[i] .. nodeFirstSegment[i + 1] - 1`. */
  readonly nodeFirstSegment: readonly number[];
  readonly segmentStart: readonly number[];
  readonly segmentLength: readonly number[];
  readonly segmentNode: readonly number[];
  readonly segmentNodeOffset: readonly number[];
  readonly nodeIndex: ReadonlyMap<Text, number>;
  /** Offsets where a block's text begins (0 included), ascending: blocks move as units, so context across them is weaker evidence. */
  readonly blockStarts: readonly number[];
}

/** Whether `offset` begins a block's text (or the text). */
export function isBlockStart(model: TextModel, offset: number): boolean {
  const starts = model.blockStarts;
  return starts[partitionPoint(starts.length, (i) => starts[i] < offset)] === offset;
}

/** Whether `offset` ends a block's text (or the text): the next block begins after the one space between. */
export function isBlockEnd(model: TextModel, offset: number): boolean {
  return offset >= model.text.length || (model.text.charCodeAt(offset) === 32 && isBlockStart(model, offset + 1));
}

/** Builds the model in one TreeWalker pass over `root`. Call it again after the article changes. */
export function buildTextModel(root: Element, options: TextModelOptions = {}): TextModel {
  const doc = root.ownerDocument;
  const view = doc.defaultView;
  const styled = root.isConnected && view !== null;
  const ignore = options.ignore ?? '[data-plaudit-ignore]';
  const chunks: string[] = [];
  const nodes: Text[] = [];
  const nodeFirstSegment: number[] = [];
  const segmentStart: number[] = [];
  const segmentLength: number[] = [];
  const segmentNode: number[] = [];
  const segmentNodeOffset: number[] = [];
  const nodeIndex = new Map<Text, number>();
  const blockStarts: number[] = [0];
  // One entry per element being walked: is its text invisible, is it a block.
  const invisible: boolean[] = [];
  const block: boolean[] = [];
  let length = 0;
  let pendingSpace = false;
  let pendingBlock = false;

  /** Pushes the element's state and returns true when its content is article text. */
  const enterElement = (el: Element): boolean => {
    const tag = el.tagName.toUpperCase();
    if (tag === 'BR') {
      pendingSpace = true;
      return false;
    }
    // With styles, `hidden` is judged by what the page shows: a page may style
    // `[hidden]` back into view, and then its text is text the reader can select.
    if (SKIPPED_TAGS.has(tag) || (!styled && el.hasAttribute('hidden')) || el.matches(ignore)) return false;
    let display = '';
    let hidden = false;
    if (styled) {
      const style = view.getComputedStyle(el);
      display = style.display;
      if (display === 'none') return false;
      // Inherited, but a child may set it back to visible: so it is judged per text node.
      hidden = style.visibility === 'hidden' || style.visibility === 'collapse';
    }
    const isBlock = display === '' ? BLOCK_TAGS.has(tag) : !isInlineDisplay(display);
    if (isBlock) pendingSpace = pendingBlock = true;
    invisible.push(hidden);
    block.push(isBlock);
    return true;
  };
  const leaveElement = (): void => {
    invisible.pop();
    if (block.pop()) pendingSpace = pendingBlock = true;
  };

  const emit = (index: number, data: string, from: number, to: number): void => {
    if (pendingSpace && length > 0) {
      chunks.push(' ');
      length += 1;
      if (pendingBlock) blockStarts.push(length);
    }
    pendingSpace = pendingBlock = false;
    const last = segmentStart.length - 1;
    if (last >= 0 && segmentNode[last] === index && segmentStart[last] + segmentLength[last] === length &&
      segmentNodeOffset[last] + segmentLength[last] === from) {
      segmentLength[last] += to - from;
    } else {
      segmentStart.push(length);
      segmentLength.push(to - from);
      segmentNode.push(index);
      segmentNodeOffset.push(from);
    }
    chunks.push(from === 0 && to === data.length ? data : data.slice(from, to));
    length += to - from;
  };

  const visitText = (node: Text): void => {
    if (invisible.length > 0 && invisible[invisible.length - 1]) return;
    const data = node.data;
    const index = nodes.length;
    const segmentsBefore = segmentStart.length;
    let runStart = 0;
    WHITESPACE.lastIndex = 0;
    for (let m = WHITESPACE.exec(data); m !== null; m = WHITESPACE.exec(data)) {
      const wsStart = m.index;
      const wsEnd = wsStart + m[0].length;
      // A single interior space renders as itself: keep it inside the segment.
      if (wsEnd - wsStart === 1 && data.charCodeAt(wsStart) === 32 && wsStart > 0 && wsEnd < data.length) continue;
      if (wsStart > runStart) emit(index, data, runStart, wsStart);
      pendingSpace = true;
      runStart = wsEnd;
    }
    if (data.length > runStart) emit(index, data, runStart, data.length);
    if (segmentStart.length > segmentsBefore) {
      nodes.push(node);
      nodeFirstSegment.push(segmentsBefore);
      nodeIndex.set(node, index);
    }
  };

  // No NodeFilter: a filter runs again on ancestors while climbing, so skipping is done by not descending.
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let current: Node | null = walker.firstChild();
  while (current !== null) {
    let descend = false;
    if (current.nodeType === 3) visitText(current as Text);
    else descend = enterElement(current as Element);
    if (descend) {
      if (walker.firstChild() !== null) {
        current = walker.currentNode;
        continue;
      }
      leaveElement();
    }
    let next = walker.nextSibling();
    while (next === null) {
      const parent = walker.parentNode();
      if (parent === null || parent === root) break;
      leaveElement();
      next = walker.nextSibling();
    }
    current = next;
  }
  nodeFirstSegment.push(segmentStart.length);
  return {
    root, text: chunks.join(''), nodes, nodeFirstSegment, segmentStart, segmentLength, segmentNode,
    segmentNodeOffset, nodeIndex, blockStarts,
  };
}

function isInlineDisplay(display: string): boolean {
  return display.startsWith('inline') || display === 'contents' || display.startsWith('ruby');
}

/** Index of the last segment whose start is <= offset (or < offset when `strict`), or -1. */
function segmentAt(model: TextModel, offset: number, strict: boolean): number {
  const starts = model.segmentStart;
  return partitionPoint(starts.length, (i) => (strict ? starts[i] < offset : starts[i] <= offset)) - 1;
}

function segmentEnd(model: TextModel, k: number): number {
  return model.segmentStart[k] + model.segmentLength[k];
}

/** The model offset of a DOM boundary point; a point in skipped content snaps to the nearest text. */
function pointToOffset(model: TextModel, container: Node, offset: number, asEnd: boolean): number {
  const index = container.nodeType === 3 ? model.nodeIndex.get(container as Text) : undefined;
  if (index !== undefined) {
    const first = model.nodeFirstSegment[index];
    let k = first;
    for (let last = model.nodeFirstSegment[index + 1] - 1; last > first; last--) {
      if (model.segmentNodeOffset[last] <= offset) {
        k = last;
        break;
      }
    }
    const rel = offset - model.segmentNodeOffset[k];
    if (rel <= 0) return model.segmentStart[k];
    return model.segmentStart[k] + Math.min(rel, model.segmentLength[k]);
  }
  // The first model node at or after the point.
  const probe = container.ownerDocument!.createRange();
  probe.setStart(container, offset);
  const lo = partitionPoint(model.nodes.length, (i) => probe.comparePoint(model.nodes[i], 0) < 0);
  if (asEnd) {
    if (lo === 0) return 0;
    return segmentEnd(model, model.nodeFirstSegment[lo] - 1);
  }
  return lo < model.nodes.length ? model.segmentStart[model.nodeFirstSegment[lo]] : model.text.length;
}

/**
 * Model offsets of a Range, trimmed of surrounding spaces. Null when the range
 * reaches outside the model's root or holds no text but whitespace.
 */
export function rangeToOffsets(model: TextModel, range: AbstractRange): { start: number; end: number } | null {
  const { root } = model;
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const [start, end] = trimSpaces(
    model.text,
    pointToOffset(model, range.startContainer, range.startOffset, false),
    pointToOffset(model, range.endContainer, range.endOffset, true),
  );
  return start < end ? { start, end } : null;
}

/** `[start, end)` without the spaces at either end (an empty span stays empty). */
export function trimSpaces(text: string, start: number, end: number): [start: number, end: number] {
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return [start, end];
}

/** A live Range over model offsets `[start, end)`; synthetic spaces at either end are dropped. */
export function offsetsToRange(model: TextModel, start: number, end: number): Range {
  const range = model.root.ownerDocument.createRange();
  const count = model.segmentStart.length;
  if (count === 0) {
    range.selectNodeContents(model.root);
    range.collapse(true);
    return range;
  }
  const length = model.text.length;
  start = Math.max(0, Math.min(start, length));
  end = Math.max(start, Math.min(end, length));
  let s = Math.max(0, segmentAt(model, start, false));
  if (start >= segmentEnd(model, s) && s + 1 < count) s++;
  const sRel = Math.max(0, Math.min(start - model.segmentStart[s], model.segmentLength[s]));
  range.setStart(model.nodes[model.segmentNode[s]], model.segmentNodeOffset[s] + sRel);
  let e = segmentAt(model, end, true);
  if (e < s) e = s;
  const eRel = Math.max(0, Math.min(end - model.segmentStart[e], model.segmentLength[e]));
  const endNode = model.nodes[model.segmentNode[e]];
  const endOffset = model.segmentNodeOffset[e] + eRel;
  if (e === s && eRel < sRel) range.collapse(true);
  else range.setEnd(endNode, endOffset);
  return range;
}
