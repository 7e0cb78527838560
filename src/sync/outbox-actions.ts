import type { PlauditDatabase } from '../storage/open-database.js';
import { enqueue } from '../storage/outbox-store.js';
import type { ArticleRegistration } from './protocol.js';

/**
 * Queues an article's registration for `endpoint` when its text hash differs
 * from the one last queued there (first sync included). Resolves with whether
 * it queued.
 */
export async function queueRegistration(
  db: PlauditDatabase,
  endpoint: string,
  articleId: string,
  registration: ArticleRegistration,
): Promise<boolean> {
  const key = `sync:${endpoint}:article-hash:${articleId}`;
  const tx = db.transaction(['meta', 'outbox'], 'readwrite');
  const meta = tx.objectStore('meta');
  const changed = (await meta.get(key)) !== registration.textHash;
  if (changed) {
    await meta.put(registration.textHash, key);
    await enqueue(tx, { key: `article:${articleId}`, kind: 'article', articleId, payload: registration });
  }
  await tx.done;
  return changed;
}

/** Makes refused changes pending again: the one with `seq`, or all of them. */
export async function requeueFailed(db: PlauditDatabase, seq?: number): Promise<void> {
  const tx = db.transaction('outbox', 'readwrite');
  for (const { error: _error, ...entry } of await tx.store.getAll()) {
    if (entry.state === 'failed' && (seq ?? entry.seq) === entry.seq) await tx.store.put({ ...entry, state: 'pending' });
  }
  await tx.done;
}

/** Drops a refused change (a pending one with that seq stays). */
export async function dropFailed(db: PlauditDatabase, seq: number): Promise<void> {
  const tx = db.transaction('outbox', 'readwrite');
  if ((await tx.store.get(seq))?.state === 'failed') await tx.store.delete(seq);
  await tx.done;
}
