/**
 * The sync protocol between the widget and a Plaudit server: the payload types
 * and the paths, shared by the client (`src/sync`) and the one endpoint
 * implementation (`src/endpoint`). The spec is `src/endpoint/openapi.json`.
 *
 * Every request carries `Authorization: Bearer <token>`. A reader's token is bound
 * to the reader id by the first write that names it (one token, one reader);
 * editor tokens are issued by the server's operator.
 */
import type { Annotation } from '../core/annotation.js';
import type { ModerationStatus } from '../core/review-types.js';

export type * from '../core/review-types.js';
export { PERIODS } from '../core/review-types.js';
export { ARTICLE_ID, LIMITS, UUID } from '../core/protocol-limits.js';

/** `PUT {endpoint}/articles/{articleId}/claps/{readerId}`: the reader's absolute count. */
export interface ClapPut {
  /** 0 .. `LIMITS.maxClapsPerReader`. */
  count: number;
  /** Positive integer; the server keeps the count with the highest revision. */
  rev: number;
}


/** `POST {endpoint}/review/import` (editor token): a body of up to `LIMITS.maxImportBytes`, `{ items: Annotation[] }`. */
export interface ImportRequest {
  items: Annotation[];
}


/** A W3C AnnotationPage: `GET {endpoint}/annotations/?article={id}&page={n}`. */
export interface AnnotationPage {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'AnnotationPage';
  partOf: { id: string; type: 'AnnotationCollection'; total: number; label?: string };
  startIndex: number;
  items: Annotation[];
  next?: string;
  prev?: string;
}

/** The body of every 4xx/5xx answer. `reason` is shown to the reader. */
export interface ErrorBody {
  error: string;
  reason: string;
}

/**
 * `PATCH {endpoint}/annotations/{uuid}` (editor token, `application/json`):
 * moderation, with `If-Match: <ETag>` (428 without, 412 when stale; the 412
 * carries the current annotation and its ETag). Answers the annotation.
 */
export interface ModerationPatch {
  'plaudit:status': ModerationStatus;
}

/** The media types. Annotations use JSON-LD with the W3C profile. */
export const MediaType = {
  Json: 'application/json',
  Annotation: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
} as const;



/** `urn:uuid:x` -> `x`. */
export function annotationUuid(id: string): string {
  return id.startsWith('urn:uuid:') ? id.slice('urn:uuid:'.length) : id;
}

const enc = encodeURIComponent;

/** `{base}/articles/{articleId}`; `base` is an endpoint such as `/api/plaudit` (no trailing slash). */
export const articlePath = (base: string, articleId: string): string => `${base}/articles/${enc(articleId)}`;
/** `{base}/articles/{articleId}/claps`. */
export const clapsPath = (base: string, articleId: string): string => `${articlePath(base, articleId)}/claps`;
/** `{base}/articles/{articleId}/claps/{readerId}`. */
export const readerClapsPath = (base: string, articleId: string, readerId: string): string =>
  `${clapsPath(base, articleId)}/${enc(readerId)}`;
/** `{base}/annotations/{uuid}`; accepts `urn:uuid:x` or `x`. */
export const annotationPath = (base: string, id: string): string => `${base}/annotations/${enc(annotationUuid(id))}`;

/**
 * Every path under an endpoint base, in one object. The client imports the
 * single functions above, so the reader's bundle carries only those.
 */
export const paths = {
  articles: (base: string) => `${base}/articles`,
  article: articlePath,
  claps: clapsPath,
  readerClaps: readerClapsPath,
  /** The W3C annotation container (trailing slash). */
  annotations: (base: string) => `${base}/annotations/`,
  annotationPage: (base: string, articleId: string | null, page: number) =>
    `${base}/annotations/?${articleId === null ? '' : `article=${enc(articleId)}&`}page=${page}`,
  annotation: annotationPath,
  /** Editor: the filtered annotation list (`ReviewPage`). */
  review: (base: string) => `${base}/review/annotations`,
  /** Editor: the all-or-nothing import (`ImportResult`). */
  import: (base: string) => `${base}/review/import`,
} as const;
