import { expect, fixture, html } from '@open-wc/testing';
import type { Annotation, Selector } from '../../src/core/annotation.js';
import { describeOffsets } from '../../src/core/describe.js';
import {
  anchorInModel, anchorInParagraphs, contextAfter, contextBefore, paragraphTextModel, toModelOffset, toParagraphOffset,
} from '../../src/core/paragraph-model.js';
import { buildTextModel } from '../../src/core/text-model.js';

const PARAGRAPHS = ['The press is loud.', 'It is the type that clicks.', 'Nobody talks much. The type clicks.'];
const record = (selector: Selector[]): Pick<Annotation, 'target'> => ({ target: { source: 'a', selector } });

describe('paragraphTextModel', () => {
  it('joins the paragraphs with one space, each a block', () => {
    const model = paragraphTextModel(PARAGRAPHS);
    expect(model.text).to.equal('The press is loud. It is the type that clicks. Nobody talks much. The type clicks.');
    expect(model.paragraphStarts).to.deep.equal([0, 19, 47]);
    expect(model.blockStarts).to.deep.equal([0, 19, 47]);
    expect(model.nodes).to.deep.equal([]);
    expect(model.segmentStart).to.deep.equal([]);
  });

  it('builds the same text and blocks as the DOM text model over the same paragraphs', async () => {
    const el = await fixture(html`<article></article>`);
    el.innerHTML = `<p>The press\n   is loud.</p>\n  <p>It is the <em>type</em> that clicks.</p><p>  Nobody talks much. The type clicks.</p>`;
    const dom = buildTextModel(el);
    const model = paragraphTextModel(['The press\n   is loud.', 'It is the type that clicks.', '  Nobody talks much. The type clicks.']);
    expect(model.text).to.equal(dom.text);
    expect(model.blockStarts).to.deep.equal(dom.blockStarts);
  });

  it('maps model offsets to paragraph offsets and back, through collapsed whitespace and empty paragraphs', () => {
    // "a  b" collapses to "a b"; the empty and blank paragraphs add nothing.
    const model = paragraphTextModel(['a  b', '', '  ', 'cd']);
    expect(model.text).to.equal('a b cd');
    expect(model.paragraphStarts).to.deep.equal([0, 4, 4, 4]);
    expect(model.blockStarts).to.deep.equal([0, 4]);
    expect(toParagraphOffset(model, 0)).to.deep.equal({ paragraph: 0, offset: 0 });
    // Model offset 2 is "b": offset 3 in the registered "a  b".
    expect(toParagraphOffset(model, 2)).to.deep.equal({ paragraph: 0, offset: 3 });
    expect(toParagraphOffset(model, 3, true)).to.deep.equal({ paragraph: 0, offset: 4 });
    expect(toParagraphOffset(model, 4)).to.deep.equal({ paragraph: 3, offset: 0 });
    expect(toParagraphOffset(model, 6, true)).to.deep.equal({ paragraph: 3, offset: 2 });
    // An end at the start of a paragraph closes the one before.
    expect(toParagraphOffset(model, 4, true)).to.deep.equal({ paragraph: 0, offset: 4 });
    expect(toModelOffset(model, 0, 3)).to.equal(2);
    expect(toModelOffset(model, 0, 2)).to.equal(1);
    expect(toModelOffset(model, 3, 1)).to.equal(5);
    expect(toModelOffset(model, 3, 99)).to.equal(6);
  });
});

describe('anchorInParagraphs', () => {
  it('places a note written on the reader’s page, whose position counted text the registration lacks', async () => {
    // The reader's page had a 35-character byline before the story: every DOM
    // offset is 36 more, so the stored position of the first "clicks." is where
    // the second one is in the registered text. Quote and context must win.
    const el = await fixture(html`<article></article>`);
    el.innerHTML = `<div>Words and photographs by Ada Lovel.</div>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}`;
    const dom = buildTextModel(el);
    const at = dom.text.indexOf('clicks.');
    expect(at).to.equal(75);
    const anchor = await anchorInParagraphs(PARAGRAPHS, record(describeOffsets(dom, at, at + 7)));
    expect(anchor).to.deep.equal({ status: 'anchored', paragraph: 1, start: 20, end: 27, before: 'It is the type that ', after: '' });
  });

  it('uses the context to choose among repeats when the position is missing', async () => {
    const anchor = await anchorInParagraphs(PARAGRAPHS, record([
      { type: 'TextQuoteSelector', exact: 'clicks.', prefix: 'much. The type ', suffix: '' },
    ]));
    expect(anchor).to.deep.equal({
      status: 'anchored', paragraph: 2, start: 28, end: 35, before: 'Nobody talks much. The type ', after: '',
    });
  });

  it('says moved for an edited passage and orphan for one that is gone', async () => {
    const edited = ['The press is loud.', 'It is the metal type that clicks.', 'Nobody talks much.'];
    const moved = await anchorInParagraphs(edited, record([
      { type: 'TextQuoteSelector', exact: 'It is the type that clicks.', prefix: 'The press is loud. ', suffix: ' Nobody talks much.' },
    ]));
    expect(moved.status).to.equal('moved');
    expect(moved.paragraph).to.equal(1);
    expect(edited[1]!.slice(moved.start, moved.end)).to.equal('It is the metal type that clicks.');
    const gone = await anchorInParagraphs(PARAGRAPHS, record([{ type: 'TextQuoteSelector', exact: 'a sentence that was never written here' }]));
    expect(gone).to.deep.equal({ status: 'orphan', paragraph: -1, start: -1, end: -1, before: '', after: '' });
    expect((await anchorInParagraphs([], record([{ type: 'TextQuoteSelector', exact: 'loud' }]))).status).to.equal('orphan');
  });

  it('shows a passage across paragraphs in the one where it begins', async () => {
    const model = paragraphTextModel(PARAGRAPHS);
    const anchor = await anchorInModel(model, record([{ type: 'TextQuoteSelector', exact: 'is loud. It is', prefix: 'The press ', suffix: ' the type' }]));
    expect(anchor).to.deep.equal({ status: 'anchored', paragraph: 0, start: 10, end: 18, before: 'The press ', after: '' });
  });

  it('answers offsets in the registered strings when their whitespace was not collapsed', async () => {
    const anchor = await anchorInParagraphs(['The  press   is loud.'], record([{ type: 'TextQuoteSelector', exact: 'press is' }]));
    expect(anchor).to.deep.equal({ status: 'anchored', paragraph: 0, start: 5, end: 15, before: 'The  ', after: ' loud.' });
  });
});

describe('review context', () => {
  const text = 'Zero one two three four five six seven eight nine ten eleven twelve TARGET thirteen fourteen fifteen sixteen seventeen eighteen.';
  it('keeps up to 40 characters on each side, without a cut word', () => {
    const start = text.indexOf('TARGET');
    expect(contextBefore(text, start)).to.equal('six seven eight nine ten eleven twelve ');
    expect(contextAfter(text, start + 6)).to.equal(' thirteen fourteen fifteen sixteen');
    expect(contextBefore(text, 4)).to.equal('Zero');
    expect(contextAfter(text, text.length - 9)).to.equal('eighteen.');
  });
});
