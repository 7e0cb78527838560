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
