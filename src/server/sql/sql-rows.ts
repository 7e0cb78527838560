/**
 * The rows the storage's queries select, and their conversion to the storage
 * interface's records. Drivers differ in what they hand back: `pg` gives
 * bigints as strings and PGlite as numbers; both give `timestamptz` as a Date
 * and `json` parsed.
 */
import type { Annotation } from '../../core/annotation.js';
import type { ArticleRegistration, ClapTotals } from '../../core/review-types.js';
import type { StoredAnnotation, StoredArticle, StoredClapChange, StoredClaps } from '../../endpoint/storage.js';

type Int = number | string;
type Time = Date | string;

export const iso = (time: Time): string => new Date(time).toISOString();

export const ANNOTATION_COLUMNS = 'uuid, article_id, owner, annotation, etag';
export interface AnnotationRow {
  uuid: string;
  article_id: string;
  owner: string;
  annotation: Annotation;
  etag: string;
}
export const toAnnotation = (r: AnnotationRow): StoredAnnotation =>
  ({ uuid: r.uuid, articleId: r.article_id, annotation: r.annotation, etag: r.etag, owner: r.owner });

export const CLAPS_COLUMNS = 'article_id, reader_id, count, rev, updated';
export interface ClapsRow {
  article_id: string;
  reader_id: string;
  count: Int;
  rev: Int;
  updated: Time;
}
export const toClaps = (r: ClapsRow): StoredClaps =>
  ({ articleId: r.article_id, readerId: r.reader_id, count: Number(r.count), rev: Number(r.rev), updated: iso(r.updated) });

export const CLAP_CHANGE_COLUMNS = 'article_id, reader_id, at, delta';
export interface ClapChangeRow {
  article_id: string;
  reader_id: string;
  at: Time;
  delta: Int;
}
export const toClapChange = (r: ClapChangeRow): StoredClapChange =>
  ({ articleId: r.article_id, readerId: r.reader_id, at: iso(r.at), delta: Number(r.delta) });

export const ARTICLE_COLUMNS = 'id, registration, registered';
export interface ArticleRow {
  id: string;
  registration: ArticleRegistration;
  registered: Time;
}
export const toArticle = (r: ArticleRow): StoredArticle =>
  ({ id: r.id, registration: r.registration, registered: iso(r.registered) });

export interface TotalsRow {
  total: Int;
  clappers: Int;
  mine: Int;
}
export const toTotals = (r: TotalsRow): ClapTotals => ({ total: Number(r.total), clappers: Number(r.clappers), mine: Number(r.mine) });
