import { expect } from '@open-wc/testing';
import { findRange, makeArticle, select, toolbar } from './helpers.js';

/** Where the toolbar sits relative to the selected passage. */
async function placement(pointerType: string): Promise<{ toolbar: DOMRect; passage: DOMRect }> {
  const el = await makeArticle();
  const range = findRange(el, 'picks a pivot');
  // Move the passage well below the top, so the toolbar has room above it too.
  el.style.display = 'block';
  el.style.marginTop = '240px';
  const target = range.startContainer.parentElement!;
  target.dispatchEvent(new PointerEvent('pointerdown', { pointerType, bubbles: true, composed: true }));
  select(range);
  target.dispatchEvent(new PointerEvent('pointerup', { pointerType, bubbles: true, composed: true }));
  const bar = await toolbar(el);
  return { toolbar: bar.getBoundingClientRect(), passage: range.getBoundingClientRect() };
}

describe('<plaudit-article> selection toolbar placement', () => {
  it('goes below a touch selection, where the platform menu (shown above) cannot cover it', async () => {
    const { toolbar: box, passage } = await placement('touch');
    expect(box.top).to.be.at.least(passage.bottom);
  });

  it('goes above a mouse selection', async () => {
    const { toolbar: box, passage } = await placement('mouse');
    expect(box.bottom).to.be.at.most(passage.top);
  });
});
