import { expect } from '@open-wc/testing';
import { openDB, deleteDB } from 'idb';
import { openPlauditDatabase, resetPlauditDatabase } from '../../src/storage/open-database.js';
import { DB_NAME, DB_VERSION } from '../../src/storage/schema.js';
import { getReaderIdentity } from '../../src/storage/reader-identity.js';

describe('Plaudit database', () => {
  const name = `plaudit-migration-${Date.now()}`;
  after(() => deleteDB(name));

  it('migrates a version 1 database, keeping its claps', async () => {
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('meta');
        db.createObjectStore('claps', { keyPath: 'articleId' });
      },
    });
    await v1.put('claps', { articleId: 'old-story', readerId: 'r', count: 9, rev: 2, updated: '2026-01-01' });
    v1.close();
    const db = await openPlauditDatabase(name);
    expect(db.version).to.equal(DB_VERSION);
    expect([...db.objectStoreNames]).to.include.members(['annotations', 'outbox', 'totals', 'claps', 'meta']);
    expect((await db.get('claps', 'old-story'))?.count).to.equal(9);
    expect([...db.transaction('annotations').store.indexNames]).to.include.members(['by-article', 'by-modified']);
    db.close();
  });

  it('closes itself instead of blocking a newer version opened elsewhere', async () => {
    const db = await openPlauditDatabase(name);
    let blocked = false;
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, DB_VERSION + 1);
      request.onblocked = () => (blocked = true);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect(blocked).to.equal(false);
    expect(newer.version).to.equal(DB_VERSION + 1);
    newer.close();
    expect(() => db.transaction('claps')).to.throw();
  });

  it('rejects, not hangs, when an older connection that does not close blocks the upgrade', async () => {
    const blockedName = `plaudit-blocked-${Date.now()}`;
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(blockedName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('claps', { keyPath: 'articleId' }).put({ articleId: 'kept', count: 3 });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    let error: unknown;
    await openPlauditDatabase(blockedName).catch((e: unknown) => (error = e));
    expect(String(error)).to.contain('old tab');
    old.close();
    const db = await openPlauditDatabase(blockedName);
    expect(db.version).to.equal(DB_VERSION);
    expect((await db.get('claps', 'kept'))?.count).to.equal(3);
    db.close();
    await deleteDB(blockedName);
  });

  it('gives the reader one random id and token, kept across calls', async () => {
    // A new device: whatever reader an earlier test file left is gone.
    resetPlauditDatabase();
    await deleteDB(DB_NAME);
    const db = await openPlauditDatabase();
    const first = await getReaderIdentity(db);
    const second = await getReaderIdentity(db);
    expect(first.id).to.match(/^[0-9a-f-]{36}$/);
    expect(first.token).to.have.length(64);
    expect(second).to.deep.equal(first);
  });

  it('keeps the same reader when the browser deletes the database under the page', async () => {
    const before = await getReaderIdentity(await openPlauditDatabase());
    // Eviction: the database deleted while this page holds it (our connection closes itself).
    await deleteDB(DB_NAME);
    const fresh = await openPlauditDatabase();
    expect(await fresh.get('meta', 'readerId')).to.equal(undefined);
    // Written back as the same reader, so sync goes on under the id the server knows.
    expect(await getReaderIdentity(fresh)).to.deep.equal(before);
    expect(await fresh.get('meta', 'readerId')).to.equal(before.id);
    expect(await fresh.get('meta', 'readerToken')).to.equal(before.token);
  });
});
