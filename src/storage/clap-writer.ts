import { clampCount } from '../core/clap-rules.js';
import { clapStoreStats } from './clap-store.js';
import type { PlauditDatabase } from './open-database.js';
import { enqueue } from './outbox-store.js';
import { getReaderIdentity } from './reader-identity.js';
import type { ClapRecord } from './schema.js';

export interface ClapWrite {
  articleId: string;
  max: number;
  /** Claps to add; ignored when `set` is given. */
  add?: number;
  /** An absolute count, for undo and repair. */
  set?: number;
  /** Also queue the change for the server, in the same transaction. */
  queue?: boolean;
}

/**
 * Applies a change in one read-write transaction: the read, the clamp and the
 * write cannot interleave with another tab's, so two tabs clapping at once
 * never store more than `max`.
 */
export async function writeClaps(db: PlauditDatabase, change: ClapWrite): Promise<ClapRecord> {
  const { articleId, max } = change;
  const readerId = (await getReaderIdentity(db)).id;
  clapStoreStats.writeTransactions++;
  const tx = db.transaction(change.queue ? ['claps', 'outbox'] : ['claps'], 'readwrite', { durability: 'relaxed' });
  const old = (await tx.objectStore('claps').get(articleId)) as Partial<ClapRecord> | undefined;
  const next: ClapRecord = {
    articleId,
    readerId,
    count: clampCount(change.set ?? clampCount(old?.count, max) + (change.add ?? 0), max),
    rev: (Number(old?.rev) || 0) + 1,
    updated: new Date().toISOString(),
  };
  await tx.objectStore('claps').put(next);
  if (change.queue) await enqueue(tx, { key: `claps:${articleId}`, kind: 'claps', articleId });
  await tx.done;
  return next;
}
