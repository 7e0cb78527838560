import type { PlauditDatabase } from './open-database.js';

/** The reader as the device knows them: a random id and a secret token for the server. */
export interface ReaderIdentity {
  id: string;
  token: string;
}

let memory: ReaderIdentity | undefined;
/** The identity this page last read or wrote. */
let known: ReaderIdentity | undefined;

/** Forgets the identity this page knows, so a fresh database gets a new reader (`resetPlauditDatabase`). */
export function forgetReaderIdentity(): void {
  known = undefined;
}
const random = () => crypto.randomUUID();

/**
 * Returns the reader's id and token (64 hex digits), creating both on first use.
 * Two tabs racing here agree: the read and the write share one transaction.
 * Without a database (`null`), one identity lives in memory for the page's life.
 */
export async function getReaderIdentity(db: PlauditDatabase | null): Promise<ReaderIdentity> {
  const token = () => (random() + random()).replace(/-/g, '');
  if (!db) return (memory ??= { id: random(), token: token() });
  const store = db.transaction('meta', 'readwrite').store;
  const found = { id: await store.get('readerId'), token: await store.get('readerToken') };
  if (found.id && found.token) return (known = found as ReaderIdentity);
  // The browser deleted the database under this page (eviction): the page still
  // knows the reader, and writes them back with their notes, so that sync goes on
  // as the same reader instead of one the server has never seen.
  const fresh = known ?? { id: random(), token: token() };
  await store.put(fresh.id, 'readerId');
  await store.put(fresh.token, 'readerToken');
  return (known = fresh);
}
