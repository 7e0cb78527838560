import { expect } from '@open-wc/testing';
import type { PlauditDatabase } from '../../src/storage/open-database.js';
import { getReaderIdentity } from '../../src/storage/reader-identity.js';
import { acquireSyncEngine, createSyncEngine, type SyncEngine } from '../../src/sync/sync-engine.js';
import { SyncState } from '../../src/sync/sync-status.js';
import { MediaType, type ClapTotals } from '../../src/sync/protocol.js';
import { ANNOTATION_CHANNEL, type AnnotationChannelMessage } from '../../src/storage/annotation-store.js';
import { EDITOR_TOKEN } from '../../demo/mock-endpoint/handlers.js';
import {
  BASE,
  deleteAnnotation,
  freshClientDb,
  makeAnnotation,
  startTestMock,
  tick,
  waitUntil,
  writeAnnotation,
  writeClaps,
  type TestMock,
} from './helpers.js';

/** These tests go through msw's service worker, as the demo does. */
describe('sync engine (through the msw worker)', () => {
  let mock: TestMock;
  let db: PlauditDatabase;
  let engine: SyncEngine;
  let reader: { id: string; token: string };

  before(async () => {
    mock = await startTestMock({ worker: true });
  });
  after(() => mock.stop());

  beforeEach(async () => {
    await mock.reset();
    db = await freshClientDb();
    reader = await getReaderIdentity(db);
    engine = createSyncEngine(BASE, { debounceMs: 5, backoff: { baseMs: 5, capMs: 40 } });
  });
  afterEach(() => engine.release());

  const outboxEmpty = async () => (await db.count('outbox')) === 0;

  it('sends a burst of claps as one absolute count and stores the totals', async () => {
    await engine.flushNow();
    mock.log.clear();
    for (const count of [1, 2, 3, 4, 5]) await writeClaps(db, 'letterpress-revival', count);
    engine.notifyChanged();
    await waitUntil(outboxEmpty, 'the outbox is empty');
    const puts = mock.log.entries.filter((e) => e.method === 'PUT');
    expect(puts).to.have.length(1);
    expect(puts[0]!.url).to.contain(`/articles/letterpress-revival/claps/${reader.id}`);
    expect(JSON.parse(puts[0]!.body)).to.deep.equal({ count: 5, rev: 5 });
    expect(puts[0]!.headers.authorization).to.equal(`Bearer ${reader.token}`);
    expect(await db.get('totals', 'letterpress-revival')).to.include({ total: 5, clappers: 1, mine: 5 });
    await waitUntil(() => engine.status.state === SyncState.Synced, 'synced');
  });

  it('reports totals to subscribers, cached first and then from the server', async () => {
    await db.put('totals', { articleId: 'a1', total: 7, clappers: 2, mine: 0, fetched: new Date().toISOString() });
    const seen: ClapTotals[] = [];
    const off = engine.subscribeTotals('a1', (t) => seen.push(t));
    await waitUntil(() => seen.length >= 2, 'two totals');
    off();
    expect(seen[0]).to.deep.equal({ total: 7, clappers: 2, mine: 0 });
    expect(seen[1]).to.deep.equal({ total: 0, clappers: 0, mine: 0 });
  });

  it('creates, updates and deletes a shared note with ETags', async () => {
    const note = makeAnnotation({ creator: reader.id, note: 'First thought', visibility: 'shared' });
    await writeAnnotation(db, note);
    engine.notifyChanged();
    await waitUntil(outboxEmpty, 'created');
    const created = mock.log.entries.find((e) => e.method === 'PUT')!;
    expect(created.headers['if-none-match']).to.equal('*');
    expect(created.headers['content-type']).to.contain('application/ld+json');
    const etag1 = (await db.get('annotations', note.id))!.etag!;
    expect(etag1).to.match(/^"/);

    await writeAnnotation(db, { ...note, modified: tick(), body: { ...note.body!, value: 'Second thought' } });
    engine.notifyChanged();
    await waitUntil(async () => (await outboxEmpty()) && (await db.get('annotations', note.id))!.etag !== etag1, 'updated');
    const update = mock.log.entries.filter((e) => e.method === 'PUT')[1]!;
    expect(update.headers['if-match']).to.equal(etag1);
    const uuid = note.id.slice('urn:uuid:'.length);
    expect((await mock.store.getAnnotation(uuid))!.annotation.body!.value).to.equal('Second thought');

    await deleteAnnotation(db, note.id);
    engine.notifyChanged();
    await waitUntil(outboxEmpty, 'deleted');
    expect(await mock.store.getAnnotation(uuid)).to.equal(undefined);
    expect(await db.get('annotations', note.id)).to.equal(undefined);
  });

  it('shares a highlight without a note anonymously', async () => {
    const highlight = makeAnnotation({ creator: reader.id });
    await writeAnnotation(db, highlight);
    engine.notifyChanged();
    await waitUntil(outboxEmpty, 'sent');
    const sent = JSON.parse(mock.log.entries.find((e) => e.method === 'PUT')!.body);
    expect(sent).not.to.have.property('creator');
    expect(sent.motivation).to.equal('highlighting');
  });

  it('never sends a private note, and withdraws a note that becomes private', async () => {
    const secret = 'my private thought 7f3a';
    const privateNote = makeAnnotation({ creator: reader.id, note: secret, visibility: 'private' });
    const unmarked = makeAnnotation({ creator: reader.id, note: `${secret} without visibility` });
    await writeAnnotation(db, privateNote);
    await writeAnnotation(db, unmarked);
    const shared = makeAnnotation({ creator: reader.id, note: 'shared then private', visibility: 'shared' });
    await writeAnnotation(db, shared);
    engine.notifyChanged();
    await waitUntil(outboxEmpty, 'flushed');
    await writeAnnotation(db, { ...shared, modified: tick(), body: { ...shared.body!, value: secret }, 'plaudit:visibility': 'private' });
    engine.notifyChanged();
    await waitUntil(outboxEmpty, 'withdrawn');
    const uuid = shared.id.slice('urn:uuid:'.length);
    expect(await mock.store.getAnnotation(uuid)).to.equal(undefined);
    expect(mock.log.entries.some((e) => e.method === 'DELETE')).to.equal(true);
    for (const entry of mock.log.entries) expect(entry.body).not.to.contain(secret);
    expect((await db.get('annotations', shared.id))!.etag).to.equal(undefined);
  });

  it('marks a refused change failed without blocking the others; retry and discard', async () => {
    await db.put('claps', { articleId: 'too-many', readerId: reader.id, count: 9999, rev: 1, updated: new Date().toISOString() });
    const tx = db.transaction('outbox', 'readwrite');
    await tx.store.add({ key: 'claps:too-many', kind: 'claps', articleId: 'too-many', queuedAt: '', attempts: 0, state: 'pending' });
    await tx.done;
    await writeClaps(db, 'letterpress-revival', 3);
    engine.notifyChanged();
    await waitUntil(() => engine.status.state === SyncState.Error && engine.status.pending === 0, 'error with nothing pending');
    expect(engine.status.failed).to.have.length(1);
    expect(engine.status.failed[0]!.reason).to.contain('from 0 to 50');
    expect((await mock.store.readerClaps('letterpress-revival', reader.id))!.count).to.equal(3);

    await db.put('claps', { articleId: 'too-many', readerId: reader.id, count: 50, rev: 2, updated: new Date().toISOString() });
    await engine.retry(engine.status.failed[0]!.seq);
    await waitUntil(() => engine.status.state === SyncState.Synced, 'synced after retry');
    expect((await mock.store.readerClaps('too-many', reader.id))!.count).to.equal(50);

    await db.put('claps', { articleId: 'too-many', readerId: reader.id, count: 51, rev: 3, updated: new Date().toISOString() });
    const tx2 = db.transaction('outbox', 'readwrite');
    await tx2.store.add({ key: 'claps:too-many', kind: 'claps', articleId: 'too-many', queuedAt: '', attempts: 0, state: 'pending' });
    await tx2.done;
    engine.notifyChanged();
    await waitUntil(() => engine.status.failed.length === 1, 'failed again');
    await engine.discard(engine.status.failed[0]!.seq);
    await waitUntil(() => engine.status.state === SyncState.Synced, 'synced after discard');
  });

  it('merges after a 412: the reader text wins when later, the moderation status stays the server’s', async () => {
    const heard: AnnotationChannelMessage[] = [];
    const pages = new BroadcastChannel(ANNOTATION_CHANNEL);
    pages.onmessage = (event: MessageEvent<AnnotationChannelMessage>) => heard.push(event.data);
    const note = makeAnnotation({ creator: reader.id, note: 'v1', visibility: 'shared' });
    await writeAnnotation(db, note);
    engine.notifyChanged();
    await waitUntil(outboxEmpty, 'created');
    const uuid = note.id.slice('urn:uuid:'.length);
    const patch = await fetch(`${BASE}/annotations/${uuid}`, {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${EDITOR_TOKEN}`,
        'Content-Type': 'application/json',
        'If-Match': (await mock.store.getAnnotation(uuid))!.etag,
      },
      body: JSON.stringify({ 'plaudit:status': 'hidden' }),
    });
    expect(patch.status).to.equal(200);
    await writeAnnotation(db, { ...note, modified: tick(), body: { ...note.body!, value: 'v2 by the reader' } });
    engine.notifyChanged();
    await waitUntil(outboxEmpty, 'merged');
    const server = (await mock.store.getAnnotation(uuid))!;
    expect(server.annotation.body!.value).to.equal('v2 by the reader');
    expect(server.annotation['plaudit:status']).to.equal('hidden');
    expect(mock.log.entries.some((e) => e.outcome === 412)).to.equal(true);
    const local = (await db.get('annotations', note.id))!;
    expect(local.etag).to.equal(server.etag);
    expect(local.annotation['plaudit:status']).to.equal('hidden');
    await waitUntil(() => heard.some((m) => m.type === 'reload' && m.articleId === note.target.source), 'a reload for the moderated note');
    pages.close();
  });

  it('tells open pages to re-read a note after a server answer changed it, and not before', async () => {
    const heard: AnnotationChannelMessage[] = [];
    const pages = new BroadcastChannel(ANNOTATION_CHANNEL);
    pages.onmessage = (event: MessageEvent<AnnotationChannelMessage>) => heard.push(event.data);
    try {
      const note = makeAnnotation({ creator: reader.id, note: 'first draft', visibility: 'shared' });
      await writeAnnotation(db, note);
      engine.notifyChanged();
      await waitUntil(outboxEmpty, 'created');
      const uuid = note.id.slice('urn:uuid:'.length);
      // The reader's other device edits the note later than this one will.
      const phone = await fetch(`${BASE}/annotations/${uuid}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${reader.token}`, 'Content-Type': MediaType.Annotation, 'If-Match': (await db.get('annotations', note.id))!.etag! },
        body: JSON.stringify({ ...note, modified: '2099-01-01T00:00:00.000Z', body: { ...note.body!, value: 'edited on the phone' } }),
      });
      expect(phone.status).to.equal(200);
      expect(heard, 'a plain create changes nothing the reader sees').to.deep.equal([]);

      await writeAnnotation(db, { ...note, modified: tick(), body: { ...note.body!, value: 'edited here, earlier' } });
      engine.notifyChanged();
      await waitUntil(() => heard.length > 0, 'a reload message');
      expect(heard).to.deep.equal([{ type: 'reload', articleId: note.target.source }]);
      // By the time pages hear it, the store holds the merged (server's) text and its ETag.
      const local = (await db.get('annotations', note.id))!;
      expect(local.annotation.body!.value).to.equal('edited on the phone');
      expect(local.etag).to.equal((await mock.store.getAnnotation(uuid))!.etag);
      expect(await db.count('outbox')).to.equal(0);
    } finally {
      pages.close();
    }
  });

  it('honours Retry-After on 429', async () => {
    mock.faults.set({ retryAfterSeconds: 1 });
    mock.faults.burst(1);
    await writeClaps(db, 'letterpress-revival', 2);
    engine.notifyChanged();
    await waitUntil(outboxEmpty, 'sent after the burst');
    const puts = mock.log.entries.filter((e) => e.method === 'PUT');
    expect(puts.map((e) => e.outcome)).to.deep.equal([429, 200]);
    expect(puts[1]!.at - puts[0]!.at).to.be.at.least(990);
  });

  it('registers an article once per text hash', async () => {
    const info = { articleId: 'letterpress-revival', title: 'The Weight of a Letter', url: 'https://blog.example.com/x', textHash: 'h1h1', paragraphs: ['One.', 'Two.'] };
    expect(await engine.registerArticle(db, info)).to.equal(true);
    expect(await engine.registerArticle(db, info)).to.equal(false);
    await waitUntil(outboxEmpty, 'registered');
    expect((await mock.store.getArticle('letterpress-revival'))!.registration.paragraphs).to.deep.equal(['One.', 'Two.']);
    expect(await engine.registerArticle(db, { ...info, textHash: 'h2h2' })).to.equal(true);
    await waitUntil(outboxEmpty, 'registered again');
    expect((await mock.store.getArticle('letterpress-revival'))!.registration.textHash).to.equal('h2h2');
  });

  it('shares one engine per endpoint per page and stops it with the last release', () => {
    const a = acquireSyncEngine('/api/elsewhere', { debounceMs: 5 });
    const b = acquireSyncEngine('/api/elsewhere/');
    expect(a).to.equal(b);
    a.release();
    const c = acquireSyncEngine('/api/elsewhere');
    expect(c).to.equal(a);
    b.release();
    c.release();
    const d = acquireSyncEngine('/api/elsewhere');
    expect(d).not.to.equal(a);
    d.release();
  });
});
