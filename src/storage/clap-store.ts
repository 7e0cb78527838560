import { applyClaps, sanitizeCount } from '../core/clap-rules.js';
import type { PlauditDatabase } from './open-database.js';
import { enqueue } from './outbox-store.js';
import type { ClapRecord } from './schema.js';

/**
 * Counts the write transactions this module opens, so a test can hold the
 * storage layer to its batching promise (a press-and-hold of 50 claps commits
 * at most two).
 */
export const clapStoreStats = { writeTransactions: 0 };

/** The reader's stored count for an article, and whether the stored record had to be repaired. */
export interface StoredClaps {
  count: number;
  rev: number;
  repaired: boolean;
}

/**
 * Reads the reader's claps. A corrupt record (count not a number, negative,
 * above the cap, or not a record at all) is clamped into range and written back,
 * with one console warning; it never throws for bad data.
 */
export async function readClaps(
  db: PlauditDatabase,
  articleId: string,
  max: number,
  readerId: string,
): Promise<StoredClaps> {
  const record: unknown = await db.get('claps', articleId);
  if (record === undefined) return { count: 0, rev: 0, repaired: false };
  const raw = typeof record === 'object' && record !== null ? (record as Partial<ClapRecord>) : {};
  const { count, repaired } = sanitizeCount(raw.count, max);
  const rev = typeof raw.rev === 'number' && Number.isFinite(raw.rev) ? raw.rev : 0;
  if (!repaired) return { count, rev, repaired: false };
  console.warn(
    `Plaudit: the stored claps for "${articleId}" were corrupt (${JSON.stringify(raw.count)}); repaired to ${count}.`,
  );
  const fixed = await writeClaps(db, { articleId, readerId, max, set: count, queue: false });
  return { count: fixed.count, rev: fixed.rev, repaired: true };
}

export interface ClapWrite {
  articleId: string;
  readerId: string;
  max: number;
  /** Claps to add (negative to remove); ignored when `set` is given. */
  add?: number;
  /** An absolute count, for undo and repair. */
  set?: number;
  /** Also queue the change for the server, in the same transaction. */
  queue: boolean;
}

/**
 * Applies a change in one read-write transaction: the read, the clamp and the
 * write cannot interleave with another tab's, so two tabs clapping at once
 * never store more than `max`.
 */
export async function writeClaps(db: PlauditDatabase, change: ClapWrite): Promise<ClapRecord> {
  clapStoreStats.writeTransactions++;
  const stores = change.queue ? (['claps', 'outbox'] as const) : (['claps'] as const);
  const tx = db.transaction([...stores], 'readwrite', { durability: 'relaxed' });
  const claps = tx.objectStore('claps');
  const previous: unknown = await claps.get(change.articleId);
  const old = typeof previous === 'object' && previous !== null ? (previous as Partial<ClapRecord>) : {};
  const current = sanitizeCount(old.count, change.max).count;
  const rev = typeof old.rev === 'number' && Number.isFinite(old.rev) ? old.rev : 0;
  const next: ClapRecord = {
    articleId: change.articleId,
    readerId: change.readerId,
    count: change.set ?? applyClaps(current, change.add ?? 0, change.max),
    rev: rev + 1,
    updated: new Date().toISOString(),
  };
  await claps.put(next);
  if (change.queue) {
    await enqueue(tx, { key: `claps:${change.articleId}`, kind: 'claps', articleId: change.articleId });
  }
  await tx.done;
  return next;
}
