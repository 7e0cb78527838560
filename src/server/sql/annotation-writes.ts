/**
 * The statements that lock, number and write annotation versions, inside the
 * caller's transaction (`sql-storage.ts`).
 */
import type { Annotation } from '../../core/annotation.js';
import { etagOf } from '../../endpoint/etags.js';
import type { StoredAnnotation } from '../../endpoint/storage.js';
import { RetryTransaction, type SqlClient } from './sql-client.js';
import { ANNOTATION_COLUMNS, toAnnotation, type AnnotationRow } from './sql-rows.js';

/** Annotation rows from a `json_to_recordset` parameter: many in one statement. */
const RECORDS = 'json_to_recordset($1::json) AS r(uuid uuid, article_id text, owner text, annotation json, etag text, created text)';

/** The stored version, locked until the transaction ends so no one else changes it between check and write. */
export async function lockAnnotation(tx: SqlClient, uuid: string): Promise<StoredAnnotation | undefined> {
  const [row] = await tx.query<AnnotationRow>(`SELECT ${ANNOTATION_COLUMNS} FROM plaudit_annotations WHERE uuid = $1 FOR UPDATE`, [uuid]);
  return row && toAnnotation(row);
}

/** The stored versions of these ids, locked in id order (so two imports cannot deadlock). */
export async function lockAnnotations(tx: SqlClient, uuids: readonly string[]): Promise<Map<string, StoredAnnotation>> {
  const rows = await tx.query<AnnotationRow>(
    `SELECT ${ANNOTATION_COLUMNS} FROM plaudit_annotations WHERE uuid = ANY($1::uuid[]) ORDER BY uuid FOR UPDATE`, [uuids]);
  return new Map(rows.map((r) => [r.uuid, toAnnotation(r)]));
}

/** `n` new ETags, in increasing order: from a sequence, so none is issued twice, even after a delete. */
export async function nextEtags(tx: SqlClient, n: number): Promise<string[]> {
  if (n === 0) return [];
  const rows = await tx.query<{ n: number | string }>(`SELECT nextval('plaudit_etag_seq') AS n FROM generate_series(1, $1::int)`, [n]);
  return rows.map((r) => Number(r.n)).sort((a, b) => a - b).map(etagOf);
}

export const nextEtag = async (tx: SqlClient): Promise<string> => (await nextEtags(tx, 1))[0]!;

/** Creates them; when a concurrent create took one of the ids first, the transaction runs again and finds it. */
export async function insertAnnotations(tx: SqlClient, annotations: readonly StoredAnnotation[]): Promise<void> {
  if (annotations.length === 0) return;
  const inserted = await tx.query(
    `INSERT INTO plaudit_annotations (uuid, article_id, owner, annotation, etag, created)
     SELECT uuid, article_id, owner, annotation, etag, created FROM ${RECORDS} ON CONFLICT (uuid) DO NOTHING RETURNING uuid`,
    [records([...annotations].sort((a, b) => (a.uuid < b.uuid ? -1 : 1)))]);
  if (inserted.length < annotations.length) throw new RetryTransaction('an annotation id was created concurrently');
}

/** Replaces stored versions (locked by the caller); the owner stays. */
export async function updateAnnotations(tx: SqlClient, annotations: readonly StoredAnnotation[]): Promise<void> {
  if (annotations.length === 0) return;
  await tx.query(
    `UPDATE plaudit_annotations AS a SET article_id = r.article_id, annotation = r.annotation, etag = r.etag, created = r.created
     FROM ${RECORDS} WHERE a.uuid = r.uuid`,
    [records(annotations)]);
}

/** A reader's new version keeps the stored moderation status: a reader cannot set it. */
export function withStatusOf(annotation: Annotation, previous: StoredAnnotation | null): Annotation {
  const kept: Annotation = { ...annotation };
  delete kept['plaudit:status'];
  const status = previous?.annotation['plaudit:status'];
  if (status) kept['plaudit:status'] = status;
  return kept;
}

const records = (annotations: readonly StoredAnnotation[]): string => JSON.stringify(annotations.map((a) => ({
  uuid: a.uuid, article_id: a.articleId, owner: a.owner, annotation: a.annotation, etag: a.etag, created: a.annotation.created,
})));
