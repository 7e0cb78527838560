import { expect, fixture, html } from '@open-wc/testing';
import { buildTextModel, offsetsToRange } from '../../src/core/text-model.js';
import { annotationsAtPoint, characterFromPoint } from '../../src/highlight/hit-test.js';

function centre(range: Range): { x: number; y: number } {
  const rect = range.getClientRects()[0];
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

describe('hit-test', () => {
  let el: Element;
  let ranges: Map<string, Range>;
  let charRange: (quote: string) => Range;

  beforeEach(async () => {
    el = await fixture(html`<article style="font: 20px/1.5 sans-serif; width: 600px">
      <p>Alpha beta gamma delta epsilon.</p><p>Zeta <em>eta</em> theta iota.</p></article>`);
    const model = buildTextModel(el);
    const at = (quote: string): Range => {
      const start = model.text.indexOf(quote);
      return offsetsToRange(model, start, start + quote.length);
    };
    charRange = at;
    ranges = new Map([['ab', at('Alpha beta')], ['bg', at('beta gamma')], ['eta', at('eta theta')]]);
  });

  it('returns the ids of every range under the point', () => {
    const { x, y } = centre(charRange('et'));
    expect(annotationsAtPoint(document, x, y, ranges)).to.deep.equal(['ab', 'bg']);
    const g = centre(charRange('amm'));
    expect(annotationsAtPoint(document, g.x, g.y, ranges)).to.deep.equal(['bg']);
  });

  it('finds ranges across inline markup', () => {
    const { x, y } = centre(charRange('th'));
    expect(annotationsAtPoint(document, x, y, ranges)).to.deep.equal(['eta']);
  });

  it('returns nothing outside highlighted text or beside a line', () => {
    const d = centre(charRange('delta'));
    expect(annotationsAtPoint(document, d.x, d.y, ranges)).to.deep.equal([]);
    const line = charRange('Alpha beta gamma delta epsilon.').getClientRects()[0];
    expect(annotationsAtPoint(document, line.right + 50, line.top + line.height / 2, ranges)).to.deep.equal([]);
  });

  it('locates the character under the point', () => {
    const { x, y } = centre(charRange('G'.toLowerCase() + 'amma'));
    const character = characterFromPoint(document, x, y)!;
    expect((character.node as Text).data[character.offset]).to.be.oneOf(['m']);
  });
});
