// TEMPORARY probe (delete before handing back).
import { highlightText } from '@apache-annotator/dom';
import { anchorAll } from '../../src/core/anchor.js';
import { describeOffsets } from '../../src/core/describe.js';
import { buildTextModel, offsetsToRange } from '../../src/core/text-model.js';
import { HighlightPainter } from '../../src/highlight/highlight-painter.js';
import { editArticle, generateArticle, passageSpan, render } from './article-generator.js';

const article = generateArticle(2024, 100_000, 1_000);
const original = render(article.blocks);
const edited = render(editArticle(article, 7, 0.1).blocks);
const raf = (): Promise<number> => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
const post = (): Promise<number> => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(performance.now()); c.port2.postMessage(0); });
const f = (n: number): string => n.toFixed(1);

function mount(markup: string): HTMLElement {
  const host = document.createElement('article');
  host.style.cssText = 'font: 16px/1.5 serif; width: 700px';
  host.innerHTML = markup;
  document.body.append(host);
  return host;
}

async function split(label: string, op: () => void): Promise<void> {
  await raf(); await raf();
  const t0 = performance.now();
  op();
  const t1 = performance.now();
  const r1 = await raf();
  const m1 = await post();
  const r2 = await raf();
  console.log(`[probe] ${label}: script ${f(t1 - t0)}, wait to rAF1 ${f(r1 - t1)}, rAF1->after-rendering msg ${f(m1 - r1)}, msg->rAF2 ${f(r2 - m1)}, total double rAF ${f(r2 - t0)}`);
}

describe('probe', () => {
  it('frames', async () => {
    const host = mount(original.html);
    const model0 = buildTextModel(host);
    const stored = article.passages.map((p) => { const [s, e] = passageSpan(original, p); const [quote, position] = describeOffsets(model0, s, e); return { target: { source: 'b', selector: [quote, position] } }; });
    host.remove();
    const ed = mount(edited.html);
    const model = buildTextModel(ed);
    const results = await anchorAll(model, stored);
    const ranges = results.map((r) => offsetsToRange(model, Math.max(r.start, 0), Math.max(r.end, 0)));
    const painter = new HighlightPainter();
    for (let i = 0; i < 3; i++) {
      await split('empty', () => {});
      await split('plaudit draw', () => ranges.forEach((r, k) => painter.set(`a${k}`, r, k % 3 === 0 ? 'note' : 'highlight')));
      await split('plaudit clear', () => painter.clear());
    }
    window.scrollTo(0, 5000);
    await split('plaudit draw scrolled', () => ranges.forEach((r, k) => painter.set(`a${k}`, r, k % 3 === 0 ? 'note' : 'highlight')));
    await split('plaudit clear scrolled', () => painter.clear());
    window.scrollTo(0, 0);
    painter.dispose();
    let cleanups: Array<() => void> = [];
    await split('peer draw', () => { cleanups = [...ranges].reverse().map((r) => highlightText(r)); });
    await split('peer clear', () => cleanups.forEach((c) => c()));
    ed.remove();
  });
});
