/**
 * The sync protocol between the widget and a Plaudit server: the payload types
 * and the paths, shared by the client (`src/sync`) and the mock endpoint
 * (`demo/mock-endpoint`). The README documents it for real backends.
 *
 * Every request carries `Authorization: Bearer <token>`. A reader's token is bound
 * to the reader id on first sight; the editor token is separate.
 */
import type { Annotation } from '../core/annotation.js';

/** `PUT {endpoint}/articles/{articleId}/claps/{readerId}`: the reader's absolute count. */
export interface ClapPut {
  /** 0 .. `LIMITS.maxClapsPerReader`. */
  count: number;
  /** Positive integer; the server keeps the count with the highest revision. */
  rev: number;
}

/** What the clap PUT and `GET {endpoint}/articles/{articleId}/claps` answer. */
export interface ClapTotals {
  /** All readers' claps, the caller's stored count included. */
  total: number;
  /** How many readers clapped at least once. */
  clappers: number;
  /** The caller's stored count (0 when the token belongs to no reader yet). */
  mine: number;
}

/** `PUT {endpoint}/articles/{articleId}`: sent on first sync and whenever `textHash` changes. */
export interface ArticleRegistration {
  title: string;
  /** The canonical URL. */
  url: string;
  textHash: string;
  paragraphs: string[];
}

/** `GET {endpoint}/articles` (editor token): one row per registered article. */
export interface ArticleSummary extends ClapTotals {
  id: string;
  title: string;
  url: string;
  annotations: number;
}

/** `GET {endpoint}/articles/{articleId}` (editor token). */
export interface ArticleDetail {
  id: string;
  registration: ArticleRegistration | null;
  totals: ClapTotals;
  /** `distribution[n]` = how many readers gave exactly n claps (n >= 1). */
  distribution: number[];
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

/** `PATCH {endpoint}/annotations/{uuid}` (editor token): moderation. */
export interface ModerationPatch {
  'plaudit:status': 'visible' | 'hidden';
}

/** The media types. Annotations use JSON-LD with the W3C profile. */
export const MediaType = {
  Json: 'application/json',
  Annotation: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
} as const;

/** What the server accepts; larger or malformed requests get 4xx. */
export const LIMITS = {
  maxClapsPerReader: 50,
  maxNoteLength: 10_000,
  maxAnnotationBytes: 64 * 1024,
  maxRegistrationBytes: 1024 * 1024,
  maxParagraphs: 2_000,
  pageSize: 50,
} as const;

/** Article ids: URL-safe, 1-128 characters. */
export const ARTICLE_ID = /^[A-Za-z0-9._~-]{1,128}$/;
/** Reader ids and annotation ids are UUIDs. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
} as const;
