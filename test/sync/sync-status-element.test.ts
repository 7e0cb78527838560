import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/sync-status/sync-status.js';
import type { PlauditSyncStatusElement } from '../../src/components/sync-status/sync-status.component.js';
import { getReaderIdentity } from '../../src/storage/reader-identity.js';
import type { PlauditDatabase } from '../../src/storage/open-database.js';
import { acquireSyncEngine } from '../../src/sync/sync-engine.js';
import { BASE, freshClientDb, startTestMock, waitUntil, writeClaps, type TestMock } from './helpers.js';

const text = (el: PlauditSyncStatusElement) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();

describe('<plaudit-sync-status>', () => {
  let mock: TestMock;
  let db: PlauditDatabase;

  before(async () => {
    mock = await startTestMock({ worker: true });
  });
  after(() => mock.stop());
  beforeEach(async () => {
    await mock.reset();
    db = await freshClientDb();
  });

  it('is accessible', async () => {
    const el = await fixture<PlauditSyncStatusElement>(html`<plaudit-sync-status></plaudit-sync-status>`);
    await expect(el).to.be.accessible();
  });

  it('says "Saved on this device" without an endpoint, in a polite live region', async () => {
    const el = await fixture<PlauditSyncStatusElement>(html`<plaudit-sync-status></plaudit-sync-status>`);
    const region = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(text(el)).to.equal('Saved on this device');
  });

  it('goes to "Synced", and shows a refused change with Retry and Discard (accessible too)', async () => {
    // Keep the engine alive across the element's life so its options apply.
    const engine = acquireSyncEngine(BASE, { debounceMs: 5, backoff: { baseMs: 5, capMs: 20 } });
    try {
      const el = await fixture<PlauditSyncStatusElement>(html`<plaudit-sync-status endpoint=${BASE}></plaudit-sync-status>`);
      await writeClaps(db, 'letterpress-revival', 2);
      engine.notifyChanged();
      await waitUntil(() => text(el) === 'Synced', 'Synced');

      const reader = await getReaderIdentity(db);
      await db.put('claps', { articleId: 'bad', readerId: reader.id, count: 500, rev: 1, updated: '' });
      await db.add('outbox', { key: 'claps:bad', kind: 'claps', articleId: 'bad', queuedAt: '', attempts: 0, state: 'pending' });
      engine.notifyChanged();
      await waitUntil(() => text(el).startsWith("Couldn't sync:"), 'the error');
      await el.updateComplete;
      const buttons = [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());
      expect(buttons).to.deep.equal(['Retry', 'Retry', 'Discard']);
      await expect(el).to.be.accessible();

      el.shadowRoot!.querySelectorAll('button')[2]!.click();
      await waitUntil(() => text(el) === 'Synced', 'Synced after discard');
    } finally {
      engine.release();
    }
  });
});
