import { expect } from '@open-wc/testing';
import type { Annotation } from '../../src/core/annotation.js';
import { MemoryAnnotationStore, openAnnotationStore } from '../../src/storage/annotation-store.js';
import { openPlauditDatabase } from '../../src/storage/open-database.js';
import { listOutbox } from '../../src/storage/outbox-store.js';

function annotation(articleId: string): Annotation {
  const now = new Date().toISOString();
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld', id: `urn:uuid:${crypto.randomUUID()}`, type: 'Annotation',
    motivation: 'highlighting', created: now, modified: now, creator: 'reader',
    target: { source: articleId, selector: [{ type: 'TextQuoteSelector', exact: 'x' }] },
  };
}

describe('annotation store', () => {
  it('stores by article, and queues outbox entries in the same transaction when syncing', async () => {
    const store = await openAnnotationStore();
    expect(store.persistent).to.equal(true);
    const articleId = `store-${crypto.randomUUID()}`;
    const a = annotation(articleId);
    await store.put(a, { sync: false });
    await store.put(annotation(`other-${articleId}`), { sync: false });
    expect((await store.list(articleId)).map((r) => r.id)).to.deep.equal([a.id]);
    const db = await openPlauditDatabase();
    const mine = async () => (await listOutbox(db)).filter((e) => e.articleId === articleId);
    expect(await mine()).to.have.length(0);

    await store.put({ ...a, modified: new Date().toISOString() }, { sync: true });
    await store.put(a, { sync: true });
    let entries = await mine();
    expect(entries).to.have.length(1);
    expect(entries[0]).to.include({ key: `annotation:${a.id}`, kind: 'annotation-put', targetId: a.id });

    await store.remove(a.id, articleId, { sync: true });
    entries = await mine();
    expect(entries).to.have.length(1);
    expect(entries[0]!.kind).to.equal('annotation-delete');
    expect(await store.list(articleId)).to.have.length(0);
    expect((await db.get('annotations', a.id))?.deleted).to.equal(true);
  });

  it('deletes outright without sync; memory store works without IndexedDB', async () => {
    const store = await openAnnotationStore();
    const articleId = `store-${crypto.randomUUID()}`;
    const a = annotation(articleId);
    await store.put(a, { sync: false });
    await store.remove(a.id, articleId, { sync: false });
    const db = await openPlauditDatabase();
    expect(await db.get('annotations', a.id)).to.equal(undefined);

    const memory = new MemoryAnnotationStore();
    expect(memory.persistent).to.equal(false);
    await memory.put(a);
    expect(await memory.list(articleId)).to.have.length(1);
    expect(await memory.readerId()).to.be.a('string');
  });
});
