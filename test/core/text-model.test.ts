import { expect, fixture, html } from '@open-wc/testing';
import { buildTextModel, offsetsToRange, rangeToOffsets } from '../../src/core/text-model.js';

function rangeOver(node: Node, start: number, endNode: Node, end: number): Range {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(endNode, end);
  return range;
}

describe('text model', () => {
  it('collapses whitespace runs and ignores indentation', async () => {
    const a = await fixture(html`<div><p>  One   two\n\tthree  </p></div>`);
    const b = await fixture(html`<div>
        <p>
          One two
          three
        </p>
      </div>`);
    expect(buildTextModel(a).text).to.equal('One two three');
    expect(buildTextModel(b).text).to.equal('One two three');
  });

  it('treats block boundaries and <br> as one space, inline markup as nothing', async () => {
    const el = await fixture(html`<div><h2>Title</h2><p>a<em>b</em>c<br>d</p><ul><li>x</li><li>y</li></ul></div>`);
    expect(buildTextModel(el).text).to.equal('Title abc d x y');
  });

  it('decides blocks by computed display', async () => {
    const el = await fixture(html`<div><span style="display:block">one</span><span>two</span><div style="display:inline">three</div></div>`);
    expect(buildTextModel(el).text).to.equal('one twothree');
  });

  it('skips script, style, template, noscript, hidden and invisible content', async () => {
    const el = await fixture(html`<div>
      <p>kept</p><script>var x = 1;</script><style>p { color: red }</style>
      <template>tpl</template><noscript>ns</noscript><p hidden>hidden</p>
      <p style="display:none">none</p><p style="visibility:hidden">invisible <span style="visibility:visible">shown</span></p>
      <p data-plaudit-ignore>widget</p><p>end</p></div>`);
    expect(buildTextModel(el).text).to.equal('kept shown end');
  });

  it('keeps no-break spaces, curly quotes, em dashes and right-to-left text as they are', async () => {
    const el = await fixture(html`<div><p>“Quoted”\u00a0— it’s</p><p dir="rtl">שלום עולם</p></div>`);
    expect(buildTextModel(el).text).to.equal('“Quoted”\u00a0— it’s שלום עולם');
  });

  it('converts a range to offsets and back to the same text', async () => {
    const el = await fixture(html`<div><p>Hello <a href="#">big   wide</a> world.</p><p>Next one.</p></div>`);
    const model = buildTextModel(el);
    expect(model.text).to.equal('Hello big wide world. Next one.');
    const a = el.querySelector('a')!.firstChild!;
    const next = el.querySelectorAll('p')[1].firstChild!;
    const offsets = rangeToOffsets(model, rangeOver(a, 4, next, 4));
    expect(offsets).to.not.equal(null);
    expect(model.text.slice(offsets!.start, offsets!.end)).to.equal('wide world. Next');
    const range = offsetsToRange(model, offsets!.start, offsets!.end);
    // The DOM has no space between the paragraphs; the model does.
    expect(range.toString()).to.equal('wide world.Next');
    expect(rangeToOffsets(model, range)).to.deep.equal(offsets);
  });

  it('returns null for whitespace-only ranges and ranges outside the root', async () => {
    const wrapper = await fixture(html`<section><p id="out">outside</p><div id="root"><p>one</p>   <p>two</p></div></section>`);
    const root = wrapper.querySelector('#root')!;
    const model = buildTextModel(root);
    const gap = root.childNodes[1];
    expect(gap.nodeType).to.equal(Node.TEXT_NODE);
    expect(rangeToOffsets(model, rangeOver(gap, 0, gap, 3))).to.equal(null);
    const out = wrapper.querySelector('#out')!.firstChild!;
    expect(rangeToOffsets(model, rangeOver(out, 0, root.querySelector('p')!.firstChild!, 2))).to.equal(null);
  });

  it('maps element boundary points and points in skipped content to the nearest text', async () => {
    const el = await fixture(html`<div><p>alpha</p><script>skip()</script><p>beta</p></div>`);
    const model = buildTextModel(el);
    const range = document.createRange();
    range.setStart(el, 1);
    range.setEnd(el.querySelector('script')!.firstChild!, 3);
    expect(rangeToOffsets(model, range)).to.equal(null);
    range.setEnd(el, 3);
    expect(rangeToOffsets(model, range)).to.deep.equal({ start: 6, end: 10 });
    range.setStart(el, 0);
    expect(rangeToOffsets(model, range)).to.deep.equal({ start: 0, end: 10 });
  });

  it('never modifies the DOM', async () => {
    const el = await fixture(html`<div><p>One <b>two</b>   three</p><p hidden>x</p><br><p>four</p></div>`);
    const before = el.innerHTML;
    const model = buildTextModel(el);
    offsetsToRange(model, 2, 12);
    expect(el.innerHTML).to.equal(before);
  });

  it('works on a detached tree, deciding blocks by tag', () => {
    const el = document.createElement('div');
    el.innerHTML = '<p>one</p><p>two <i>three</i></p>';
    expect(buildTextModel(el).text).to.equal('one two three');
  });
});
