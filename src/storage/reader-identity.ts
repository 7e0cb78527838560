import type { PlauditDatabase } from './open-database.js';

/** The reader as the device knows them: a random id and a secret token for the server. */
export interface ReaderIdentity {
  id: string;
  token: string;
}

let memoryIdentity: ReaderIdentity | null = null;

/**
 * Returns the reader's id and token, creating both on first use. Two tabs racing
 * here agree: the read and the write share one transaction.
 * Without a database, an identity lives in memory for the page's life.
 */
export async function getReaderIdentity(db: PlauditDatabase | null): Promise<ReaderIdentity> {
  if (!db) return (memoryIdentity ??= createIdentity());
  const tx = db.transaction('meta', 'readwrite');
  const store = tx.objectStore('meta');
  const [id, token] = await Promise.all([store.get('readerId'), store.get('readerToken')]);
  if (id && token) {
    await tx.done;
    return { id, token };
  }
  const fresh = createIdentity();
  await Promise.all([store.put(fresh.id, 'readerId'), store.put(fresh.token, 'readerToken')]);
  await tx.done;
  return fresh;
}

function createIdentity(): ReaderIdentity {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const token = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return { id: crypto.randomUUID(), token };
}
