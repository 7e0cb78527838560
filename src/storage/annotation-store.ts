import type { Annotation } from '../core/annotation.js';
import { openPlauditDatabase } from './open-database.js';
import { enqueue } from './outbox-store.js';
import { getReaderIdentity } from './reader-identity.js';
import { OutboxKind, type AnnotationRecord } from './schema.js';

/**
 * Whether a failed write failed because the browser's storage for the site is
 * full: `QuotaExceededError` from a request or an aborted transaction. (Old
 * Firefox's `NS_ERROR_DOM_QUOTA_REACHED` came from localStorage, never IndexedDB.)
 */
export function isQuotaError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'QuotaExceededError';
}

/**
 * Runs the writes of one read-write transaction and resolves when it commits.
 * If a write throws or the transaction aborts (a full quota aborts it only at
 * commit), it rejects with that error once the transaction has ended: nothing
 * is half-written (the outbox entry goes with the record or not at all), and
 * the transaction's own `done` promise is always observed, so no rejection
 * reaches the page unhandled.
 */
async function writeIn(
  tx: { done: Promise<void>; abort(): void; error: DOMException | null },
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted or finished.
    }
    await tx.done.catch(() => undefined);
    // When the transaction aborted (a full quota), its reason explains the request it made fail.
    throw tx.error ?? error;
  }
  await tx.done;
}

/** Options for a write: `sync` queues the change for the server in the same transaction. */
export interface WriteOptions {
  sync: boolean;
}

/**
 * The reader's annotations on this device. Two implementations: IndexedDB, and
 * memory for browsers where IndexedDB is unavailable (`persistent` is false).
 * `list` returns stored records as they are, even malformed ones: the caller
 * decides what is valid, so one bad record never hides the others.
 */
export interface AnnotationStore {
  readonly persistent: boolean;
  /** The reader's id on this device, the `creator` of their annotations. */
  readerId(): Promise<string>;
  list(articleId: string): Promise<AnnotationRecord[]>;
  get(id: string): Promise<AnnotationRecord | undefined>;
  put(annotation: Annotation, options: WriteOptions): Promise<void>;
  /** With `sync`, the record stays as a tombstone (`deleted`) until the server acknowledges. */
  remove(id: string, articleId: string, options: WriteOptions): Promise<void>;
}

/**
 * The BroadcastChannel on which tabs (and elements) tell each other about
 * annotation changes. Messages carry the annotation so that tabs without
 * IndexedDB stay in step too; `reload` asks listeners to read the store again
 * (for writers such as sync that change many records).
 */
export const ANNOTATION_CHANNEL = 'plaudit:annotations';

export type AnnotationChannelMessage =
  | { type: 'put'; articleId: string; annotation: Annotation }
  | { type: 'delete'; articleId: string; id: string }
  | { type: 'reload'; articleId: string };

/** The outbox key for an annotation's changes: later changes replace earlier ones. */
export const annotationOutboxKey = (id: string): string => `annotation:${id}`;

/** The stored record of an annotation (the ETag of the version the server last acknowledged is kept). */
export function toRecord(annotation: Annotation, previous?: AnnotationRecord): AnnotationRecord {
  const record: AnnotationRecord = {
    id: annotation.id,
    articleId: annotation.target.source,
    modified: annotation.modified,
    annotation,
  };
  if (previous?.etag !== undefined) record.etag = previous.etag;
  return record;
}

/** The `meta` key recording that persistent storage was asked for (once ever, with the first note). */
const PERSIST_ASKED = 'persist-asked';

/**
 * Each call takes the page's connection as it is now: after the database was
 * deleted, or closed for a newer version, the next write opens a fresh one.
 */
class IdbAnnotationStore implements AnnotationStore {
  readonly persistent = true;

  async readerId(): Promise<string> {
    return (await getReaderIdentity(await openPlauditDatabase())).id;
  }

  async list(articleId: string): Promise<AnnotationRecord[]> {
    const all = await (await openPlauditDatabase()).getAllFromIndex('annotations', 'by-article', articleId);
    return all.filter((r) => !r.deleted);
  }

  async get(id: string): Promise<AnnotationRecord | undefined> {
    const record = await (await openPlauditDatabase()).get('annotations', id);
    return record?.deleted ? undefined : record;
  }

  async put(annotation: Annotation, { sync }: WriteOptions): Promise<void> {
    const tx = (await openPlauditDatabase()).transaction(['annotations', 'outbox', 'meta'], 'readwrite');
    const store = tx.objectStore('annotations');
    const meta = tx.objectStore('meta');
    let ask: unknown;
    await writeIn(tx, async () => {
      const previous = await store.get(annotation.id);
      await store.put(toRecord(annotation, previous));
      if (sync) {
        await enqueue(tx, {
          key: annotationOutboxKey(annotation.id),
          kind: OutboxKind.AnnotationPut,
          articleId: annotation.target.source,
          targetId: annotation.id,
        });
      }
      // A first note is worth keeping: ask once, remembered across visits, that the browser not evict it.
      if (annotation.body && !(await meta.get(PERSIST_ASKED))) ask = await meta.put('1', PERSIST_ASKED);
    });
    // Feature-detected; a refusal changes nothing.
    if (ask) navigator.storage?.persist?.().catch(() => undefined);
  }

  async remove(id: string, articleId: string, { sync }: WriteOptions): Promise<void> {
    const tx = (await openPlauditDatabase()).transaction(['annotations', 'outbox'], 'readwrite');
    const store = tx.objectStore('annotations');
    await writeIn(tx, async () => {
      if (sync) {
        const previous = await store.get(id);
        if (previous) await store.put({ ...previous, deleted: true });
        await enqueue(tx, {
          key: annotationOutboxKey(id),
          kind: OutboxKind.AnnotationDelete,
          articleId,
          targetId: id,
        });
      } else {
        await store.delete(id);
      }
    });
  }
}

/** Keeps annotations for the page's life only; nothing is queued for the server. */
export class MemoryAnnotationStore implements AnnotationStore {
  readonly persistent = false;
  private readonly records = new Map<string, AnnotationRecord>();

  async readerId(): Promise<string> {
    return (await getReaderIdentity(null)).id;
  }

  async list(articleId: string): Promise<AnnotationRecord[]> {
    return [...this.records.values()].filter((r) => r.articleId === articleId);
  }

  async get(id: string): Promise<AnnotationRecord | undefined> {
    return this.records.get(id);
  }

  async put(annotation: Annotation): Promise<void> {
    this.records.set(annotation.id, toRecord(annotation, this.records.get(annotation.id)));
  }

  async remove(id: string): Promise<void> {
    this.records.delete(id);
  }
}

let memoryStore: MemoryAnnotationStore | null = null;

/**
 * The IndexedDB store, or, where IndexedDB cannot be opened (some private modes),
 * one memory store shared by the page's elements.
 */
export async function openAnnotationStore(): Promise<AnnotationStore> {
  try {
    await openPlauditDatabase();
    return new IdbAnnotationStore();
  } catch {
    return (memoryStore ??= new MemoryAnnotationStore());
  }
}
