import type { TextQuoteSelector } from '../../core/annotation.js';
import { CONTEXT_LENGTH } from '../../core/describe.js';
import { blockOf } from '../../controllers/reading-cursor-controller.js';

const squash = (text: string): string => text.replace(/[ \t\n\r\f]+/g, ' ');

/**
 * A quote whose prefix and suffix stay inside the blocks the passage starts and
 * ends in. Browsers match each text-fragment term within one block, so context
 * taken across a paragraph boundary would make the link match nothing.
 */
export function blockLocalQuote(quote: TextQuoteSelector, range: Range, root: Element): TextQuoteSelector {
  const doc = root.ownerDocument;
  const before = doc.createRange();
  before.selectNodeContents(blockOf(range.startContainer, root));
  before.setEnd(range.startContainer, range.startOffset);
  const after = doc.createRange();
  after.selectNodeContents(blockOf(range.endContainer, root));
  after.setStart(range.endContainer, range.endOffset);
  const prefix = squash(before.toString()).slice(-CONTEXT_LENGTH);
  const suffix = squash(after.toString()).slice(0, CONTEXT_LENGTH);
  // A context that is the whole rest of its block was not cut: mark that with the block edge.
  return {
    ...quote,
    prefix: prefix.length < CONTEXT_LENGTH ? ` ${prefix}` : prefix,
    suffix: suffix.length < CONTEXT_LENGTH ? `${suffix} ` : suffix,
  };
}
