import { clampCount } from '../core/clap-rules.js';
import type { PlauditDatabase } from './open-database.js';
import type { ClapRecord } from './schema.js';

/**
 * Counts the write transactions `clap-writer.ts` opens, so a test can hold the
 * storage layer to its batching promise (a press-and-hold of 50 claps commits
 * at most two).
 */
export const clapStoreStats = { writeTransactions: 0 };

/**
 * Reads the reader's stored claps. `corrupt` is set when the record is not a
 * valid count for this cap (not a number, negative, above the cap, not a
 * record at all); `count` is then the clamped value the caller should write back.
 */
export async function readClaps(db: PlauditDatabase, articleId: string, max: number) {
  const record = (await db.get('claps', articleId)) as Partial<ClapRecord> | undefined;
  const count = clampCount(record?.count, max);
  return { count, rev: Number(record?.rev) || 0, corrupt: record !== undefined && count !== record?.count };
}
