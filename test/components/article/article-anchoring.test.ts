import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { openPlauditDatabase } from '../../../src/storage/open-database.js';
import {
  buttonNamed, clickText, deepActive, highlightSelection, makeArticle, shadow, uniqueId,
} from './helpers.js';

describe('<plaudit-article> anchoring', () => {
  afterEach(() => document.getSelection()?.removeAllRanges());

  it('clicking highlighted text opens it; overlapping highlights show a chooser', async () => {
    const el = await makeArticle();
    await highlightSelection(el, 'Quicksort picks a pivot');
    clickText(el, 'pivot');
    await waitUntil(() => deepActive()?.classList.contains('card'), 'card not opened');
    expect(deepActive()!.getAttribute('aria-label')).to.equal('Highlight: “Quicksort picks a pivot”');
    buttonNamed(shadow(el).querySelector('.card')!, 'Close').click();
    await el.updateComplete;

    await highlightSelection(el, 'picks a');
    clickText(el, 'picks');
    await waitUntil(() => shadow(el).querySelector('.chooser'), 'chooser not shown');
    const options = [...shadow(el).querySelectorAll('.chooser button')].map((b) => b.textContent?.trim());
    expect(options).to.deep.equal(['Highlight: “Quicksort picks a pivot”', 'Highlight: “picks a”']);
    (shadow(el).querySelector('.chooser button:nth-of-type(1)') as HTMLButtonElement).click();
    (shadow(el).querySelectorAll('.chooser button')[1] as HTMLButtonElement).click();
    await waitUntil(() => deepActive()?.getAttribute('aria-label') === 'Highlight: “picks a”');
  });

  it('a corrupt record is an orphan with one warning; the others still anchor', async () => {
    const id = uniqueId();
    const db = await openPlauditDatabase();
    const now = new Date().toISOString();
    const bad = { id: 'urn:uuid:bad-record', articleId: id, modified: now, annotation: { id: 'urn:uuid:bad-record', target: { source: id } } };
    await db.put('annotations', bad as never);
    const first = await makeArticle(id);
    await highlightSelection(first, 'Stable sorts');
    first.parentElement!.remove();

    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await makeArticle(id);
      await el.updateComplete;
      expect(el.annotations.map((a) => a.status)).to.deep.equal(['anchored', 'orphan']);
      el.openNotes();
      await el.updateComplete;
      const panel = shadow(el).querySelector('plaudit-notes-panel')!;
      await panel.updateComplete;
      expect(panel.shadowRoot!.querySelectorAll('ul > li')).to.have.length(1);
    } finally {
      console.warn = original;
    }
    expect(warnings.filter((w) => String(w[0]).includes('urn:uuid:bad-record'))).to.have.length(1);
  });

  it('re-anchors when the article text changes', async () => {
    const el = await makeArticle();
    await highlightSelection(el, 'Stable sorts keep equal items');
    const p = document.createElement('p');
    p.textContent = 'A new opening paragraph pushes everything along.';
    el.querySelector('article')!.prepend(p);
    await waitUntil(() => el.annotations[0]?.status === 'moved', 'did not re-anchor', { timeout: 3000 });
    const view = el.layer!.store.views[0]!;
    expect(view.range!.toString()).to.equal('Stable sorts keep equal items');
    const target = [...el.querySelectorAll('p')].find((x) => x.textContent!.startsWith('Stable'))!;
    target.textContent = 'Something else entirely now.';
    await waitUntil(() => el.annotations[0]?.status === 'orphan', 'did not become an orphan', { timeout: 3000 });
    expect(el.annotations).to.have.length(1);
  });

  it('two elements on one article stay in step (BroadcastChannel)', async () => {
    const id = uniqueId();
    const a = await makeArticle(id);
    const b = await makeArticle(id);
    await highlightSelection(a, 'Merge sort');
    await waitUntil(() => b.annotations.length === 1, 'b did not receive the new highlight');
    await a.layer!.actions.remove(a.annotations[0]!.annotation.id);
    await waitUntil(() => b.annotations.length === 0, 'b did not receive the deletion');
  });
});
