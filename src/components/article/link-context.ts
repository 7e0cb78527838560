import type { TextQuoteSelector } from '../../core/annotation.js';
import { CONTEXT_LENGTH } from '../../core/describe.js';
import { rangeToOffsets, type TextModel } from '../../core/text-model.js';
import { blockOf } from '../../controllers/reading-cursor-controller.js';

/** The model offsets of the block (paragraph, cell, list item) holding `node`. */
function blockOffsets(model: TextModel, node: Node, root: Element): { start: number; end: number } | null {
  const range = root.ownerDocument.createRange();
  range.selectNodeContents(blockOf(node, root));
  return rangeToOffsets(model, range);
}

/**
 * The quote of model offsets `start`-`end` (`range` is where they are in the
 * page), with a prefix and suffix that stay inside the blocks the passage starts
 * and ends in. Browsers match each text-fragment term within one block, so
 * context taken across a paragraph boundary would make the link match nothing.
 * All of it comes from the text model, like the stored quote, so text the
 * reader cannot see (an icon's SVG label, say) never gets into the link.
 */
export function blockLocalQuote(model: TextModel, start: number, end: number, range: Range, root: Element): TextQuoteSelector {
  const { text } = model;
  const first = blockOffsets(model, range.startContainer, root);
  const last = blockOffsets(model, range.endContainer, root);
  const prefix = text.slice(first ? Math.min(first.start, start) : start, start).trimStart().slice(-CONTEXT_LENGTH);
  const suffix = text.slice(end, last ? Math.max(last.end, end) : end).trimEnd().slice(0, CONTEXT_LENGTH);
  // A context that is the whole rest of its block was not cut: mark that with the block edge.
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: prefix.length < CONTEXT_LENGTH ? ` ${prefix}` : prefix,
    suffix: suffix.length < CONTEXT_LENGTH ? `${suffix} ` : suffix,
  };
}
