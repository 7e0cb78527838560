import type { Annotation } from '../../src/core/annotation.js';
import { bumpWrites, etagOf } from './server-meta.js';
import type { ServerAnnotation, ServerArticle, ServerClapChange, ServerClaps } from './server-schema.js';
import { IMPORT_OWNER, type ServerStore } from './server-store.js';

/** The mock server's writes and reads for the editor that span every store. */

const RELAXED = { durability: 'relaxed' } as const;

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** Everything the editor reads are computed from, read in one transaction. */
export interface ServerSnapshot {
  /** The store-wide write counter when the snapshot was read. */
  writes: number;
  readers: Array<{ readerId: string; token: string }>;
  claps: ServerClaps[];
  clapLog: ServerClapChange[];
  articles: ServerArticle[];
  /** Oldest first. */
  annotations: ServerAnnotation[];
}

/**
 * The editor's import, all in one transaction: a new id is created (owned by
 * `IMPORT_OWNER`), a stored one with the same content is left alone, one with
 * other content is replaced with a new ETag and keeps its owner. The items
 * must be valid and their ids distinct (`checkImport`); a failed transaction
 * applies nothing.
 */
export async function importAnnotations(store: ServerStore, items: readonly Annotation[]): Promise<ImportCounts> {
  const tx = store.db.transaction(['annotations', 'meta'], 'readwrite', RELAXED);
  const annotations = tx.objectStore('annotations');
  const meta = tx.objectStore('meta');
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  let etags = Number((await meta.get('etag-counter')) ?? 0);
  const stored = await Promise.all(items.map((a) => annotations.get(uuidOf(a))));
  for (let i = 0; i < items.length; i++) {
    const annotation = items[i]!;
    const previous = stored[i];
    if (previous && canonicalJson(previous.annotation) === canonicalJson(annotation)) {
      counts.unchanged++;
      continue;
    }
    if (previous) counts.updated++;
    else counts.created++;
    etags++;
    void annotations.put({
      uuid: uuidOf(annotation),
      articleId: annotation.target.source,
      annotation,
      etag: etagOf(etags),
      owner: previous?.owner ?? IMPORT_OWNER,
    });
  }
  if (counts.created + counts.updated > 0) {
    await meta.put(etags, 'etag-counter');
    await bumpWrites(meta);
  }
  await tx.done;
  return counts;
}

/** Everything, consistently: one read-only transaction. */
export async function readSnapshot(store: ServerStore): Promise<ServerSnapshot> {
  const tx = store.db.transaction(['readers', 'claps', 'clapLog', 'articles', 'annotations', 'meta'], 'readonly');
  const [writes, readers, claps, clapLog, articles, annotations] = await Promise.all([
    tx.objectStore('meta').get('writes'),
    tx.objectStore('readers').getAll(),
    tx.objectStore('claps').getAll(),
    tx.objectStore('clapLog').getAll(),
    tx.objectStore('articles').getAll(),
    tx.objectStore('annotations').getAll(),
  ]);
  await tx.done;
  annotations.sort((a, b) => a.annotation.created.localeCompare(b.annotation.created) || a.uuid.localeCompare(b.uuid));
  return { writes: Number(writes ?? 0), readers, claps, clapLog, articles, annotations };
}

const uuidOf = (annotation: Annotation): string => annotation.id.slice('urn:uuid:'.length).toLowerCase();

/** JSON with keys sorted at every depth: equal content, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v);
}
