import { etagOf } from '../../src/endpoint/etags.js';

/**
 * The counters in the mock server's `meta` store, used inside the transaction
 * of each write: annotation ETags, and the store-wide write counter the editor
 * reads' ETags are built from.
 */

/** The part of a `meta` object store these helpers use. */
export type MetaStore = {
  get(key: string): Promise<number | string | undefined>;
  put(value: number | string, key: string): Promise<unknown>;
};

/** A new annotation ETag, unique within the database. */
export async function nextEtag(meta: MetaStore): Promise<string> {
  const n = Number((await meta.get('etag-counter')) ?? 0) + 1;
  await meta.put(n, 'etag-counter');
  return etagOf(n);
}

/** Counts one more write; every write calls it in its own transaction. */
export async function bumpWrites(meta: MetaStore): Promise<void> {
  await meta.put(Number((await meta.get('writes')) ?? 0) + 1, 'writes');
}
