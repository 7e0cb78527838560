import type { Annotation } from '../core/annotation.js';
import { openPlauditDatabase, type PlauditDatabase } from './open-database.js';
import { enqueue } from './outbox-store.js';
import { getReaderIdentity } from './reader-identity.js';
import { OutboxKind, type AnnotationRecord } from './schema.js';

/**
 * Whether a failed write failed because the browser's storage for the site is
 * full: `QuotaExceededError` from a request or an aborted transaction (older
 * Firefox named it `NS_ERROR_DOM_QUOTA_REACHED`).
 */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/**
 * Runs the writes of one read-write transaction and resolves when it commits.
 * If a write throws or the transaction aborts (a full quota aborts it only at
 * commit), it rejects with that error once the transaction has ended: nothing
 * is half-written (the outbox entry goes with the record or not at all), and
 * the transaction's own `done` promise is always observed, so no rejection
 * reaches the page unhandled.
 */
async function writeIn(tx: { done: Promise<void>; abort(): void }, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted or finished.
    }
    await tx.done.catch(() => undefined);
    throw error;
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

class IdbAnnotationStore implements AnnotationStore {
  readonly persistent = true;
  constructor(private readonly db: PlauditDatabase) {}

  async readerId(): Promise<string> {
    return (await getReaderIdentity(this.db)).id;
  }

  async list(articleId: string): Promise<AnnotationRecord[]> {
    const all = await this.db.getAllFromIndex('annotations', 'by-article', articleId);
    return all.filter((r) => !r.deleted);
  }

  async get(id: string): Promise<AnnotationRecord | undefined> {
    const record = await this.db.get('annotations', id);
    return record?.deleted ? undefined : record;
  }

  async put(annotation: Annotation, { sync }: WriteOptions): Promise<void> {
    const tx = this.db.transaction(['annotations', 'outbox'], 'readwrite');
    const store = tx.objectStore('annotations');
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
    });
  }

  async remove(id: string, articleId: string, { sync }: WriteOptions): Promise<void> {
    const tx = this.db.transaction(['annotations', 'outbox'], 'readwrite');
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
    return new IdbAnnotationStore(await openPlauditDatabase());
  } catch {
    return (memoryStore ??= new MemoryAnnotationStore());
  }
}
