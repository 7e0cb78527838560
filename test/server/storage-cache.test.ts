// The endpoint's short-lived caches (src/endpoint/storage-cache.ts) over the real
// SQL storage: what they promise about revocation and erasure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withCaches } from '../../src/endpoint/storage-cache.js';
import { hashToken } from '../../src/endpoint/tokens.js';
import { memoryStorageForSuite } from './sql-backends.js';
import { newReader } from './sql-fixtures.js';

describe('storage caches', () => {
  const storage = memoryStorageForSuite();

  it('a revoked editor token stops working once the cache entry is older than its time to live, not before', async () => {
    let now = 0;
    const cached = withCaches(storage.current.storage, 10_000, () => now);
    const { token } = await storage.current.storage.createEditorToken('cache-test');
    const hash = await hashToken(token);
    assert.equal(await cached.isEditor(hash), true);
    await storage.current.storage.revokeEditorToken('cache-test');
    now = 9_999;
    assert.equal(await cached.isEditor(hash), true, 'still cached');
    now = 10_001;
    assert.equal(await cached.isEditor(hash), false, 'revoked');
  });

  it('forgets a binding when the reader erases their data, so the id can be taken by another token at once', async () => {
    const cached = withCaches(storage.current.storage, 60_000, () => 0);
    const [me, newcomer] = await Promise.all([newReader(), newReader()]);
    assert.equal(await cached.bindReader(me.id, me.hash), true);
    assert.equal(await cached.bindReader(me.id, newcomer.hash), false, 'the id is taken');
    await cached.deleteReader(me.id, me.hash);
    assert.equal(await cached.bindReader(me.id, newcomer.hash), true, 'free again');
    assert.equal(await cached.bindReader(me.id, me.hash), false, 'and no longer mine, cache or not');
    assert.equal(await cached.tokenOfReader(me.id), newcomer.hash, 'other methods reach the storage');
  });
});
