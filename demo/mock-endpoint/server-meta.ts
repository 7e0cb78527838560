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

/** The ETag of annotation version `n`. */
export const etagOf = (n: number): string => `"a${n.toString(36)}"`;

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

/** `If-None-Match` (a list, or `*`) against a weak ETag: weak comparison, as RFC 9110 asks for GET. */
export function noneMatch(header: string | null, etag: string): boolean {
  if (header === null) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(etag));
}

/** `If-Match` may list several ETags, or `*`; weak ETags never match strongly. */
export function etagMatches(header: string, etag: string): boolean {
  return header.split(',').some((t) => t.trim() === '*' || t.trim() === etag);
}
