import { expect } from '@open-wc/testing';
import { openAnnotationStore } from '../../../src/storage/annotation-store.js';
import { openPlauditDatabase } from '../../../src/storage/open-database.js';
import { waitUntil } from '../../helpers/wait.js';
import { annotation, notesList, reviewFixture, root, storiesTable } from './helpers.js';

/** This browser's own feedback on a story of its own (the reader's device, no server). */
async function seedLocal(story: string) {
  const store = await openAnnotationStore();
  const highlight = { ...annotation(0, 'a local passage', null, 20), target: { source: story, selector: [{ type: 'TextQuoteSelector' as const, exact: 'a local passage' }] } };
  const note = { ...annotation(0, 'a local passage', 'My own <i>note</i>', 10), target: { source: story, selector: [{ type: 'TextQuoteSelector' as const, exact: 'a local passage' }] } };
  await store.put(highlight, { sync: false });
  await store.put(note, { sync: false });
  const db = await openPlauditDatabase();
  await db.put('claps', { articleId: story, readerId: 'me', count: 12, rev: 3, updated: new Date().toISOString() });
  return { highlight, note };
}

describe('<plaudit-review> without an endpoint', () => {
  it('shows this browser\'s own claps and annotations, says so, and makes no request', async () => {
    const story = `local-story-${crypto.randomUUID().slice(0, 8)}`;
    await seedLocal(story);
    // A corrupt record (an older bug, a hand edit) is left out, never fatal.
    const db = await openPlauditDatabase();
    await db.put('annotations', { id: `urn:uuid:${crypto.randomUUID()}`, articleId: story, modified: 'x', annotation: { nonsense: true } } as never);
    await db.put('claps', { articleId: `${story}-corrupt`, count: 'many' } as never);
    const original = window.fetch;
    const calls: unknown[] = [];
    window.fetch = (...args: Parameters<typeof fetch>) => (calls.push(args[0]), original(...args));
    try {
      const el = await reviewFixture({ endpoint: null });
      expect(root(el).querySelector('.source')!.textContent).to.contain("This browser's own claps and annotations");
      expect(root(el).querySelector('form.sign-in'), 'no token needed').to.equal(null);
      const table = await storiesTable(el);
      await waitUntil(() => [...table.tBodies[0]!.rows].some((r) => r.textContent!.includes(story)));
      const row = [...table.tBodies[0]!.rows].find((r) => r.textContent!.includes(story))!;
      const cells = [...row.querySelectorAll('td')].map((c) => c.textContent!.trim());
      // Claps, fans, claps per fan, weighted √12 = 3.5, highlights, notes, new notes.
      expect(cells.slice(0, 7)).to.deep.equal(['12', '1', '12', '3.5', '1', '1', '1']);
      await expect(el).to.be.accessible();
      el.openStory(story);
      const list = await notesList(el);
      expect(root(el).textContent).to.contain('not registered here');
      await waitUntil(() => list.shadowRoot!.querySelector('.note-text'));
      expect(list.shadowRoot!.querySelector('.note-text')!.textContent).to.equal('My own <i>note</i>');
      await list.moderate('reviewed');
      expect(list.itemAt(0)!.status).to.equal('reviewed');
      const stored = await (await openAnnotationStore()).get(list.itemAt(0)!.annotation.id);
      expect(stored!.annotation['plaudit:status']).to.equal('reviewed');
      await expect(el).to.be.accessible();
    } finally {
      window.fetch = original;
    }
    expect(calls).to.deep.equal([]);
  });

  it('imports into this browser\'s data, all or nothing, twice without duplicates', async () => {
    const story = `local-import-${crypto.randomUUID().slice(0, 8)}`;
    const { note } = await seedLocal(story);
    const el = await reviewFixture({ endpoint: null });
    await storiesTable(el);
    el.openStory(story);
    const list = await notesList(el);
    const source = el.source!;
    const fresh = { ...note, id: `urn:uuid:${crypto.randomUUID()}` };
    const first = await source.importAnnotations([note, fresh]);
    expect(first).to.include({ created: 1, unchanged: 1, updated: 0 });
    const again = await source.importAnnotations([note, fresh]);
    expect(again).to.include({ created: 0, unchanged: 2 });
    await list.refresh();
    await waitUntil(() => list.total === 3);
    // Another tool's annotation (an array of targets, the quote refining a RangeSelector) shows its quote.
    const { parseImport } = await import('../../../src/core/annotation-import.js');
    const report = await parseImport(JSON.stringify([{
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://annotations.example/a/42',
      type: 'Annotation',
      created: '2026-11-30T10:00:00Z',
      bodyValue: 'From another tool',
      target: [{ source: story, selector: { type: 'RangeSelector', startSelector: { type: 'XPathSelector', value: '/p[1]' },
        refinedBy: { type: 'TextQuoteSelector', exact: 'a local passage', prefix: 'before ' } } }],
    }]), { stories: (s) => (s === story ? story : null) });
    expect(report.rejected).to.deep.equal([]);
    await source.importAnnotations(report.accepted);
    await list.refresh();
    await waitUntil(() => list.total === 4);
    const rows = [...list.shadowRoot!.querySelectorAll('.row')];
    const foreign = rows.find((r) => r.textContent!.includes('From another tool'))!;
    expect(foreign.querySelector('.row-quote')!.textContent).to.equal('a local passage');
  });
});
