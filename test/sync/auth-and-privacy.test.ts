import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { SyncController } from '../../src/controllers/sync-controller.js';
import type { PlauditSyncStatusEvent } from '../../src/events/plaudit-sync-status.js';
import { getReaderIdentity } from '../../src/storage/reader-identity.js';
import { createSyncEngine } from '../../src/sync/sync-engine.js';
import { SyncState } from '../../src/sync/sync-status.js';
import { BASE, freshClientDb, makeAnnotation, startTestMock, waitUntil, writeAnnotation, writeClaps, type TestMock } from './helpers.js';

/** A host like the widgets: an `endpoint` property and a SyncController. */
class SyncHost extends LitElement {
  static override properties = { endpoint: {} };
  declare endpoint: string | null;
  readonly sync = new SyncController(this, { endpoint: () => this.endpoint });
  constructor() {
    super();
    this.endpoint = null;
  }
}
customElements.get('test-sync-host') ?? customElements.define('test-sync-host', SyncHost);

describe('authorisation and privacy', () => {
  let mock: TestMock;
  before(async () => {
    mock = await startTestMock({ worker: true });
  });
  after(() => mock.stop());
  beforeEach(() => mock.reset());

  it('makes no request at all without an endpoint', async () => {
    const db = await freshClientDb();
    const before = performance.getEntriesByType('resource').length;
    const host = await fixture<SyncHost>(html`<test-sync-host></test-sync-host>`);
    await writeClaps(db, 'letterpress-revival', 3);
    await writeAnnotation(db, makeAnnotation({ creator: (await getReaderIdentity(db)).id, note: 'n', visibility: 'shared' }));
    await new Promise((r) => setTimeout(r, 600)); // longer than the default debounce
    expect(host.sync.engine).to.equal(null);
    expect(host.sync.status.state).to.equal(SyncState.Local);
    expect(mock.log.entries).to.have.length(0);
    const api = performance.getEntriesByType('resource').slice(before).filter((e) => e.name.includes('/api/'));
    expect(api).to.have.length(0);
  });

  it('acquires the engine with an endpoint and dispatches plaudit-sync-status', async () => {
    await freshClientDb();
    const host = await fixture<SyncHost>(html`<test-sync-host></test-sync-host>`);
    const events: PlauditSyncStatusEvent[] = [];
    host.addEventListener('plaudit-sync-status', (e) => events.push(e));
    host.endpoint = BASE;
    await host.updateComplete;
    expect(host.sync.engine).not.to.equal(null);
    await waitUntil(() => events.some((e) => e.detail.status.state === SyncState.Synced), 'a Synced event');
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
    expect(events[0]!.detail.endpoint).to.equal(BASE);
    host.remove();
    expect(host.sync.engine).to.equal(null);
  });

  it("answers 403 to another reader's token, for writes and reads", async () => {
    const db = await freshClientDb();
    const reader = await getReaderIdentity(db);
    const engine = createSyncEngine(BASE, { debounceMs: 5 });
    const note = makeAnnotation({ creator: reader.id, note: 'mine', visibility: 'shared' });
    await writeClaps(db, 'letterpress-revival', 4);
    await writeAnnotation(db, note);
    await engine.flushNow();
    engine.release();
    expect(await db.count('outbox')).to.equal(0);

    const thief = { Authorization: `Bearer ${'f'.repeat(64)}`, 'Content-Type': 'application/json' };
    const uuid = note.id.slice('urn:uuid:'.length);
    const claps = await fetch(`${BASE}/articles/letterpress-revival/claps/${reader.id}`, { method: 'PUT', headers: thief, body: JSON.stringify({ count: 50, rev: 99 }) });
    expect(claps.status).to.equal(403);
    expect((await claps.json()).error).to.equal('forbidden');
    expect((await fetch(`${BASE}/articles/letterpress-revival/claps/${reader.id}`, { headers: thief })).status).to.equal(403);
    expect((await fetch(`${BASE}/annotations/${uuid}`, { headers: thief })).status).to.equal(403);
    const overwrite = await fetch(`${BASE}/annotations/${uuid}`, {
      method: 'PUT',
      headers: { ...thief, 'Content-Type': 'application/ld+json', 'If-Match': '*' },
      body: JSON.stringify({ ...note, body: { ...note.body, value: 'stolen' } }),
    });
    expect(overwrite.status).to.equal(403);
    expect((await fetch(`${BASE}/annotations/${uuid}`, { method: 'DELETE', headers: { ...thief, 'If-Match': '*' } })).status).to.equal(403);
    const owned = await fetch(`${BASE}/annotations/`, { headers: thief });
    expect((await owned.json()).items).to.have.length(0);
    expect((await mock.store.totals('letterpress-revival', reader.id)).mine).to.equal(4);
  });

  it('shows "Couldn\'t sync" with the server\'s reason when it refuses a change as another reader\'s', async () => {
    const db = await freshClientDb();
    const reader = await getReaderIdentity(db);
    await mock.store.bindReader(reader.id, 'someone-else-token-0000');
    const engine = createSyncEngine(BASE, { debounceMs: 5, backoff: { baseMs: 50, capMs: 100 } });
    await writeClaps(db, 'letterpress-revival', 1);
    engine.notifyChanged();
    await waitUntil(() => engine.status.state === SyncState.Error, 'the error');
    expect(engine.status.failed.map((f) => f.reason)).to.deep.equal(["this is another reader's data"]);
    expect(engine.status.pending).to.equal(0);
    engine.release();
  });

  it('a 403 on one change marks only that change failed: the reader\'s other changes still reach the server', async () => {
    const db = await freshClientDb();
    const reader = await getReaderIdentity(db);
    await mock.store.bindReader(reader.id, 'someone-else-token-0000');
    const engine = createSyncEngine(BASE, { debounceMs: 5, backoff: { baseMs: 50, capMs: 100 } });
    await writeClaps(db, 'letterpress-revival', 2);
    const highlight = makeAnnotation({ creator: reader.id });
    await writeAnnotation(db, highlight);
    engine.notifyChanged();
    await waitUntil(async () => (await mock.store.annotationsOf(null)).length === 1, 'the highlight did not get through');
    await waitUntil(() => engine.status.failed.length === 1, 'the clap change is not marked failed');
    expect(engine.status.failed[0]!.reason).to.equal("this is another reader's data");
    engine.release();
  });

  it('sends a highlight an older version stored as private, anonymously and without the visibility', async () => {
    const db = await freshClientDb();
    const reader = await getReaderIdentity(db);
    const engine = createSyncEngine(BASE, { debounceMs: 5 });
    await writeAnnotation(db, { ...makeAnnotation({ creator: reader.id }), 'plaudit:visibility': 'private' });
    await engine.flushNow();
    engine.release();
    const [stored] = await mock.store.annotationsOf(null);
    expect(stored, 'the highlight reached the server').to.not.equal(undefined);
    expect(stored!.annotation['plaudit:visibility']).to.equal(undefined);
    expect(stored!.annotation.creator).to.equal(undefined);
  });

  it('never puts a private note in any request the mock sees', async () => {
    const db = await freshClientDb();
    const reader = await getReaderIdentity(db);
    const engine = createSyncEngine(BASE, { debounceMs: 5 });
    const secrets = ['secret-alpha-1', 'secret-beta-2', 'secret-gamma-3'];
    for (const secret of secrets) await writeAnnotation(db, makeAnnotation({ creator: reader.id, note: secret, visibility: 'private' }));
    await writeAnnotation(db, makeAnnotation({ creator: reader.id, note: 'public words', visibility: 'shared' }));
    await writeAnnotation(db, makeAnnotation({ creator: reader.id }));
    await engine.flushNow();
    engine.release();
    expect(mock.log.entries.length).to.be.greaterThan(0);
    for (const entry of mock.log.entries) {
      const seen = entry.url + JSON.stringify(entry.headers) + entry.body;
      for (const secret of secrets) expect(seen).not.to.contain(secret);
    }
    expect((await mock.store.annotationsOf(null)).length).to.equal(2);
  });
});
