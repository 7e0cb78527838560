import { expect } from '@open-wc/testing';
import { anchorAll } from '../../src/core/anchor.js';
import { describeOffsets } from '../../src/core/describe.js';
import { buildTextModel } from '../../src/core/text-model.js';
import { editArticle, generateArticle, passageSpan, render } from '../bench/article-generator.js';

/** The benchmark's accuracy goal, on a smaller generated article so it runs with the tests. */
describe('anchoring accuracy on a generated, edited article', () => {
  it('re-anchors ≥97% of changed passages, every unchanged one exactly, and none on wrong text', async () => {
    const article = generateArticle(99, 20_000, 300);
    const original = render(article.blocks);
    const edit = editArticle(article, 3, 0.25);
    const edited = render(edit.blocks);
    const host = document.createElement('article');
    document.body.append(host);
    try {
      host.innerHTML = original.html;
      const model = buildTextModel(host);
      expect(model.text).to.equal(original.text);
      const records = article.passages.map((p) => {
        const [start, end] = passageSpan(original, p);
        return { target: { selector: describeOffsets(model, start, end) } };
      });
      host.innerHTML = edited.html;
      const results = await anchorAll(buildTextModel(host), records);
      let correct = 0;
      results.forEach((r, i) => {
        const [s, e] = passageSpan(edited, article.passages[i]);
        const iou = r.status === 'orphan' ? 0 :
          Math.max(0, Math.min(r.end, e) - Math.max(r.start, s)) / (Math.max(r.end, e) - Math.min(r.start, s));
        if (!edit.changed.has(i)) {
          expect([r.start, r.end], `unchanged passage ${i}`).to.deep.equal([s, e]);
          return;
        }
        if (iou >= 0.9) correct++;
        else expect(r.status, `changed passage ${i} (${edit.changed.get(i)}) placed on other text`).to.equal('orphan');
      });
      expect(correct / edit.changed.size).to.be.at.least(0.97);
    } finally {
      host.remove();
    }
  });
});
