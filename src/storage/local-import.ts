/**
 * Importing annotations into this browser's own Plaudit database (the review
 * over local data): all or nothing, in one readwrite transaction. Nothing is
 * queued for sync: imported annotations are the editor's to look at here, not
 * the reader's to send.
 */
import type { Annotation } from '../core/annotation.js';
import { jsonEqual } from '../core/import-json.js';
import type { ImportResult } from '../core/review-types.js';
import { ANNOTATION_CHANNEL, toRecord, type AnnotationChannelMessage } from './annotation-store.js';
import type { PlauditDatabase } from './open-database.js';
import type { AnnotationRecord } from './schema.js';

/** Why nothing was imported; `index` is the annotation at fault when one was. */
export class LocalImportError extends Error {
  constructor(
    message: string,
    readonly index: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LocalImportError';
  }
}

/**
 * Stores the annotations (as `parseImport` accepted them) in one transaction:
 * an id stored with the same content is `unchanged`, with other content
 * `updated`, a new id `created`. A record the reader deleted on this device
 * and not yet synced (a tombstone) is left as it is and counted `unchanged`,
 * so an import never brings back what the reader deleted. On any failure (a
 * value that cannot be stored, a full disk, an aborted transaction) the store
 * is left exactly as it was and this rejects with a `LocalImportError`.
 * After the commit, open tabs are asked to reload each story that changed.
 */
export async function importIntoLocal(db: PlauditDatabase, annotations: readonly Annotation[]): Promise<ImportResult> {
  checkIds(annotations);
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, rejected: [] };
  const changed = new Set<string>();
  let tx: ReturnType<typeof openTransaction>;
  try {
    tx = openTransaction(db);
  } catch (error) {
    throw new LocalImportError(`Nothing was imported: the database could not be written (${describe(error)}).`, null, { cause: error });
  }
  const store = tx.store;
  // Every request is observed at once, so an abort part way leaves no unhandled rejection.
  const observe = <T>(request: Promise<T>): Promise<T> => (request.catch(() => undefined), request);
  let at: number | null = null;
  try {
    const reads: Array<Promise<AnnotationRecord | undefined>> = [];
    for (at = 0; at < annotations.length; at++) reads.push(observe(store.get(annotations[at]!.id)));
    at = null;
    const previous = await Promise.all(reads);
    const writes: Array<Promise<unknown>> = [];
    for (at = 0; at < annotations.length; at++) {
      const annotation = annotations[at]!;
      const before = previous[at];
      if (before && (before.deleted || jsonEqual(before.annotation, annotation))) {
        result.unchanged++;
        continue;
      }
      writes.push(observe(store.put(toRecord(annotation, before))));
      if (before) {
        result.updated++;
        changed.add(before.articleId);
      } else result.created++;
      changed.add(annotation.target.source);
    }
    at = null;
    await Promise.all(writes);
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted (a failed request aborts its transaction).
    }
    const txError = await tx.done.then(() => null, (e: unknown) => e);
    // A request aborted with its transaction says only AbortError; the transaction knows why (a full disk).
    const aborted = (error as { name?: unknown } | null)?.name === 'AbortError';
    throw failure(aborted && txError ? txError : error, at, annotations);
  }
  announce(changed);
  return result;
}

const openTransaction = (db: PlauditDatabase) => db.transaction('annotations', 'readwrite');

/** Refuses, before any write, a list that could not be imported as a whole. */
function checkIds(annotations: readonly Annotation[]): void {
  const seen = new Map<string, number>();
  annotations.forEach((annotation, index) => {
    const id = (annotation as Partial<Annotation> | null)?.id;
    if (typeof id !== 'string' || id === '' || typeof annotation.target?.source !== 'string') {
      throw new LocalImportError(`Nothing was imported: annotation #${index + 1} has no id or no story.`, index);
    }
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      throw new LocalImportError(`Nothing was imported: annotations #${earlier + 1} and #${index + 1} have the same id ${id}.`, index);
    }
    seen.set(id, index);
  });
}

function failure(error: unknown, at: number | null, annotations: readonly Annotation[]): LocalImportError {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') {
    return new LocalImportError(
      'Nothing was imported: the browser’s storage for this site is full (QuotaExceededError). Free some space or import fewer annotations.',
      at,
      { cause: error },
    );
  }
  const which = at === null ? '' : ` annotation #${at + 1} of ${annotations.length} (${annotations[at]?.id}) could not be stored:`;
  return new LocalImportError(`Nothing was imported:${which || ' the transaction failed:'} ${describe(error)}.`, at, { cause: error });
}

const describe = (error: unknown): string => {
  if (error instanceof Error || error instanceof DOMException) return `${error.name}: ${error.message}`;
  return String(error);
};

function announce(articleIds: ReadonlySet<string>): void {
  if (articleIds.size === 0 || typeof BroadcastChannel === 'undefined') return;
  // The import is committed: a tab that misses the news shows it on its next load.
  try {
    const channel = new BroadcastChannel(ANNOTATION_CHANNEL);
    for (const articleId of articleIds) channel.postMessage({ type: 'reload', articleId } satisfies AnnotationChannelMessage);
    channel.close();
  } catch {
    // No channel in this context (some sandboxed frames).
  }
}
