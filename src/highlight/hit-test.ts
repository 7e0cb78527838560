/**
 * Which annotations are under a point (a click or tap on the article). Drawn
 * highlights are not elements, so they cannot be event targets: the point is
 * turned into a character of the article (caretPositionFromPoint, or WebKit's
 * caretRangeFromPoint) and compared with the stored ranges. The character's own
 * box must contain the point, so a click in the margin beside a line hits nothing.
 */

export interface CaretPoint {
  node: Node;
  offset: number;
}

/** The caret position at a viewport point, with whichever API the browser has. */
export function caretFromPoint(doc: Document, x: number, y: number): CaretPoint | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position === null ? null : { node: position.offsetNode, offset: position.offset };
  }
  const legacy = doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof legacy.caretRangeFromPoint === 'function') {
    const range = legacy.caretRangeFromPoint(x, y);
    return range === null ? null : { node: range.startContainer, offset: range.startOffset };
  }
  return null;
}

/** The Text node and index of the character drawn at the point, or null over no text. */
export function characterFromPoint(doc: Document, x: number, y: number): CaretPoint | null {
  const caret = caretFromPoint(doc, x, y);
  if (caret === null || caret.node.nodeType !== Node.TEXT_NODE) return null;
  const text = caret.node as Text;
  const probe = doc.createRange();
  for (const index of [caret.offset, caret.offset - 1]) {
    if (index < 0 || index >= text.length) continue;
    probe.setStart(text, index);
    probe.setEnd(text, index + 1);
    for (const rect of probe.getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return { node: text, offset: index };
    }
  }
  return null;
}

/** Ids of the ranges covering the character at the point, in the map's order. */
export function annotationsAtPoint(
  doc: Document,
  x: number,
  y: number,
  ranges: ReadonlyMap<string, Range>,
): string[] {
  const character = characterFromPoint(doc, x, y);
  if (character === null) return [];
  const { node, offset } = character;
  const hits: string[] = [];
  for (const [id, range] of ranges) {
    if (range.collapsed || !range.intersectsNode(node)) continue;
    if (range.comparePoint(node, offset) === 0 && range.comparePoint(node, offset + 1) === 0) hits.push(id);
  }
  return hits;
}
