import type { IDBPTransaction, StoreNames } from 'idb';
import type { PlauditDatabase } from './open-database.js';
import type { OutboxEntry, PlauditSchema } from './schema.js';

type TxWithOutbox = IDBPTransaction<PlauditSchema, StoreNames<PlauditSchema>[], 'readwrite'>;

/**
 * Queues a change inside the caller's transaction, so the local write and the
 * queued change commit together or not at all. An entry with the same key that
 * is still pending is replaced: the outbox keeps only the latest state.
 */
export async function enqueue(
  tx: TxWithOutbox,
  entry: Omit<OutboxEntry, 'seq' | 'queuedAt' | 'attempts' | 'state'>,
): Promise<void> {
  const outbox = tx.objectStore('outbox');
  const existing = await outbox.index('by-key').getAll(entry.key);
  for (const old of existing) if (old.seq !== undefined) await outbox.delete(old.seq);
  await outbox.add({ ...entry, queuedAt: new Date().toISOString(), attempts: 0, state: 'pending' });
}

/** Every queued change in order. */
export function listOutbox(db: PlauditDatabase): Promise<OutboxEntry[]> {
  return db.getAll('outbox');
}

/** The `meta` key holding the time before which nothing may be sent to `endpoint`. */
const retryAtKey = (endpoint: string) => `sync:retry-at:${endpoint}`;

/**
 * The time (ms since the epoch) the server at `endpoint` asked the outbox to
 * wait for with `Retry-After`, kept in `meta` so a reloaded page waits too; 0 when none.
 */
export async function readRetryAt(db: PlauditDatabase, endpoint: string): Promise<number> {
  const stored = Number(await db.get('meta', retryAtKey(endpoint)));
  return stored > 0 ? stored : 0;
}

/** Keeps (or, with 0, forgets) the time the outbox for `endpoint` may send again. */
export async function writeRetryAt(db: PlauditDatabase, endpoint: string, at: number): Promise<void> {
  if (at > 0) await db.put('meta', String(Math.round(at)), retryAtKey(endpoint));
  else await db.delete('meta', retryAtKey(endpoint));
}
