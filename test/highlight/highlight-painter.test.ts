import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { supportsCssHighlights } from '../../src/highlight/css-highlight-backend.js';
import { HighlightPainter } from '../../src/highlight/highlight-painter.js';
import { buildTextModel, offsetsToRange } from '../../src/core/text-model.js';
import { highlightSheetCount } from '../helpers/highlight-sheets.js';

async function article(): Promise<{ el: Element; ranges: Range[] }> {
  const el = await fixture(html`<article><h2>Heading</h2><p>First <em>paragraph</em> of text.</p><p>Second paragraph here.</p></article>`);
  const model = buildTextModel(el);
  const at = (quote: string): Range => {
    const start = model.text.indexOf(quote);
    return offsetsToRange(model, start, start + quote.length);
  };
  return { el, ranges: [at('First paragraph'), at('of text. Second'), at('here')] };
}


describe('HighlightPainter with the CSS Custom Highlight API', () => {
  before(function () {
    if (!supportsCssHighlights()) this.skip();
  });

  it('puts each kind in one shared Highlight and focuses one', async () => {
    const { ranges } = await article();
    const painter = new HighlightPainter();
    expect(painter.mode).to.equal('css');
    painter.set('a', ranges[0], 'highlight');
    painter.set('b', ranges[1], 'note');
    painter.set('c', ranges[2], 'highlight');
    expect(CSS.highlights.get('plaudit-highlight')!.size).to.equal(2);
    expect(CSS.highlights.get('plaudit-note')!.has(ranges[1])).to.equal(true);
    painter.setFocused('b');
    expect([...CSS.highlights.get('plaudit-focus')!]).to.deep.equal([ranges[1]]);
    painter.set('b', ranges[1], 'highlight');
    expect(CSS.highlights.get('plaudit-note')!.size).to.equal(0);
    expect(CSS.highlights.get('plaudit-focus')!.has(ranges[1])).to.equal(true);
    painter.delete('b');
    expect(CSS.highlights.get('plaudit-focus')!.size).to.equal(0);
    expect([...painter.ranges.keys()]).to.deep.equal(['a', 'c']);
    painter.clear();
    expect(CSS.highlights.get('plaudit-highlight')!.size).to.equal(0);
    painter.dispose();
    expect(CSS.highlights.has('plaudit-highlight')).to.equal(false);
  });

  it('adds one document stylesheet for several painters and removes it with the last', async () => {
    const first = new HighlightPainter();
    const second = new HighlightPainter();
    expect(highlightSheetCount()).to.equal(1);
    first.dispose();
    expect(highlightSheetCount()).to.equal(1);
    second.dispose();
    expect(highlightSheetCount()).to.equal(0);
  });

  it('uses custom properties with defaults, and underlines notes', () => {
    const painter = new HighlightPainter();
    const css = document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
    painter.dispose();
    expect(css).to.include('--plaudit-highlight-color');
    expect(css).to.include('--plaudit-note-color');
    expect(css).to.include('--plaudit-focus-color');
    expect(css).to.match(/plaudit-note[^}]*underline/);
  });

  it('one painter clearing leaves the other painter\'s highlights', async () => {
    const { ranges } = await article();
    const first = new HighlightPainter();
    const second = new HighlightPainter();
    first.set('a', ranges[0], 'highlight');
    second.set('b', ranges[1], 'highlight');
    first.clear();
    expect([...CSS.highlights.get('plaudit-highlight')!]).to.deep.equal([ranges[1]]);
    first.dispose();
    second.dispose();
  });
});

describe('HighlightPainter', () => {
  for (const mode of ['auto', 'overlay'] as const) {
    it(`never changes the article (${mode})`, async () => {
      const { el, ranges } = await article();
      const host = await fixture(html`<div></div>`);
      const shadow = host.attachShadow({ mode: 'open' });
      const before = el.innerHTML;
      const painter = new HighlightPainter({ mode, overlayContainer: shadow });
      ranges.forEach((r, i) => painter.set(`id${i}`, r, i % 2 ? 'note' : 'highlight'));
      painter.setFocused('id0');
      await nextFrame();
      await nextFrame();
      expect(el.innerHTML).to.equal(before);
      painter.clear();
      await nextFrame();
      expect(el.innerHTML).to.equal(before);
      painter.dispose();
      expect(el.innerHTML).to.equal(before);
    });
  }

  it('draws overlay boxes in the container from the ranges\' client rects, and removes them', async () => {
    const { ranges } = await article();
    const host = await fixture(html`<div></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const painter = new HighlightPainter({ mode: 'overlay', overlayContainer: shadow });
    expect(painter.mode).to.equal('overlay');
    painter.set('a', ranges[0], 'highlight');
    painter.set('b', ranges[1], 'note');
    await nextFrame();
    await nextFrame();
    const boxes = shadow.querySelectorAll('.plaudit-overlay > div');
    const expected = [ranges[0], ranges[1]].reduce((n, r) => n + [...r.getClientRects()].filter((b) => b.width > 0).length, 0);
    expect(boxes.length).to.equal(expected);
    expect(shadow.querySelectorAll('.plaudit-overlay > .note').length).to.be.greaterThan(0);
    const box = boxes[0].getBoundingClientRect();
    const rect = ranges[0].getClientRects()[0];
    expect(Math.abs(box.left - rect.left)).to.be.lessThan(1);
    expect(Math.abs(box.top - rect.top)).to.be.lessThan(1);
    painter.clear();
    await nextFrame();
    await nextFrame();
    expect(shadow.querySelectorAll('.plaudit-overlay > div').length).to.equal(0);
    painter.dispose();
    expect(shadow.childNodes.length).to.equal(0);
  });

  it('without an overlay container or the API it only tracks ranges', async () => {
    const { ranges } = await article();
    const painter = new HighlightPainter({ mode: 'overlay' });
    expect(painter.mode).to.equal('none');
    painter.set('a', ranges[0], 'highlight');
    expect(painter.ranges.get('a')).to.equal(ranges[0]);
    painter.dispose();
  });
});
