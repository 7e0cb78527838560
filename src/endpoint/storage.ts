/**
 * What the protocol handler (`handler.ts`) needs from a database. Two
 * implementations: the mock's IndexedDB storage (`demo/mock-endpoint`) and the
 * Node server's SQL storage (`src/server/sql-storage.ts`, PGlite or PostgreSQL).
 *
 * The handler has already checked every argument (ids, bodies, sizes) and the
 * caller's rights where they depend only on the request. Storage checks what
 * depends on stored state (owners, ETags, revisions) inside one transaction per
 * call, so concurrent requests behave as if they ran one after another.
 *
 * Tokens never reach storage in clear: `tokenHash` is the SHA-256 of the bearer
 * token, lower-case hex (`tokens.ts`).
 */
import type { Annotation } from '../core/annotation.js';
import type { ArticleRegistration, ClapTotals, ModerationStatus } from '../core/review-types.js';

/** `PUT .../claps/{readerId}`: the reader's absolute count and its revision. */
export interface ClapWrite {
  count: number;
  rev: number;
}

export interface StoredClaps {
  articleId: string;
  readerId: string;
  count: number;
  rev: number;
  /** ISO time of the accepted PUT. */
  updated: string;
}

/** One clap log entry: an accepted PUT that changed a reader's count, by `newCount - oldCount`. */
export interface StoredClapChange {
  articleId: string;
  readerId: string;
  /** ISO time. */
  at: string;
  delta: number;
}

export interface StoredAnnotation {
  /** Lower-case. */
  uuid: string;
  /** `annotation.target.source`. */
  articleId: string;
  annotation: Annotation;
  /** Strong ETag, `"..."`, unique over the database's life (never reused, even after a delete). */
  etag: string;
  /** The `tokenHash` that created it, or `IMPORT_OWNER`: only it may change or delete it. */
  owner: string;
}

export interface StoredArticle {
  id: string;
  registration: ArticleRegistration;
  /** ISO time of the last registration. */
  registered: string;
}

/** The owner of imported annotations: not a SHA-256 hex digest, so no reader's token hash. */
export const IMPORT_OWNER = 'import';

/** What a conditional annotation write came to, in HTTP terms; 403/412 carry the stored ETag where there is one. */
export type WriteResult =
  | { status: 200 | 201; stored: StoredAnnotation }
  | { status: 204; etag: string }
  | { status: 403 | 404 | 412 | 428; etag?: string };

/** What a moderation PATCH came to; a 412 carries the current version. */
export type ModerateResult =
  | { status: 200; stored: StoredAnnotation }
  | { status: 404 }
  | { status: 428 }
  | { status: 412; current: StoredAnnotation };

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** Everything the editor reads are computed from, read consistently (one transaction). */
export interface Snapshot {
  /** `version()` as of this snapshot. */
  version: string;
  readers: Array<{ readerId: string; tokenHash: string }>;
  claps: StoredClaps[];
  /** Oldest first. */
  clapLog: StoredClapChange[];
  articles: StoredArticle[];
  /** Oldest first: by `annotation.created`, then uuid. */
  annotations: StoredAnnotation[];
}

/** `GET {endpoint}/readers/{readerId}`: everything stored about one reader. */
export interface ReaderData {
  readerId: string;
  claps: Array<{ articleId: string; count: number; rev: number; updated: string }>;
  /** Annotations the reader's token created, or that name the reader as `creator`; oldest first. */
  annotations: Annotation[];
}

export interface ReaderDeletion {
  claps: number;
  annotations: number;
}

export interface EndpointStorage {
  /** The server's clock in ms (tests set a fixed one). */
  now(): number;

  /** The reader a token hash is bound to, if any. */
  readerForToken(tokenHash: string): Promise<string | null>;
  /** The token hash a reader id is bound to, if any. */
  tokenOfReader(readerId: string): Promise<string | null>;
  /**
   * Binds `readerId` to `tokenHash` on first sight; true when it is (or already
   * was) bound to it, false when another token holds the id or this token is
   * bound to another id (one token, one reader).
   */
  bindReader(readerId: string, tokenHash: string): Promise<boolean>;
  /** True when the hash is a live (not revoked) editor token. */
  isEditor(tokenHash: string): Promise<boolean>;

  /**
   * Keeps the write only if `rev` is higher than the stored one (any arrival
   * order ends with the highest), logs the change of count, and answers the
   * story's totals after it, `mine` being this reader's count.
   */
  putClaps(articleId: string, readerId: string, write: ClapWrite): Promise<ClapTotals>;
  /** `total` is the sum of stored counts; `clappers` counts readers above 0; `mine` is `readerId`'s (0 when null). */
  totals(articleId: string, readerId: string | null): Promise<ClapTotals>;
  readerClaps(articleId: string, readerId: string): Promise<StoredClaps | undefined>;

  /** Stores (or replaces) a registration; true when the article existed. */
  putArticle(id: string, registration: ArticleRegistration): Promise<boolean>;

  getAnnotation(uuid: string): Promise<StoredAnnotation | undefined>;
  /**
   * Annotations, oldest first (created, then uuid); of one article or all
   * (`articleId` null); of one owner or all (`owner` null); hidden ones
   * (`plaudit:status` = hidden) left out unless `includeHidden`.
   */
  listAnnotations(query: { articleId: string | null; owner: string | null; includeHidden: boolean }): Promise<StoredAnnotation[]>;
  /**
   * A conditional PUT by `owner`: 403 when someone else owns the id; with
   * `ifNoneMatch: '*'` creates (412 with the ETag when it exists), with
   * `ifMatch` (a list of ETags, or `*`) replaces (404 when missing, 412 when
   * no ETag matches), with neither 428. The stored `plaudit:status` is kept
   * (a reader cannot set it); a new version gets a new ETag.
   */
  putAnnotation(
    uuid: string,
    annotation: Annotation,
    owner: string,
    condition: { ifMatch: string | null; ifNoneMatch: string | null },
  ): Promise<WriteResult>;
  /** A conditional DELETE by `owner`: 404, 403, 428 without `ifMatch`, 412 when stale, else 204 with the deleted ETag. */
  deleteAnnotation(uuid: string, owner: string, ifMatch: string | null): Promise<WriteResult>;
  /** Sets `plaudit:status` if `ifMatch` matches; the same status again is a 200 with no new version. */
  moderate(uuid: string, status: ModerationStatus, ifMatch: string | null): Promise<ModerateResult>;
  /**
   * All in one transaction (a failure applies nothing): a new id is created
   * owned by `IMPORT_OWNER`; a stored one with the same content (canonical
   * JSON) is unchanged; other content replaces it with a new ETag, keeping
   * its owner. Ids are distinct and valid (the handler checked).
   */
  importAnnotations(items: readonly Annotation[]): Promise<ImportCounts>;

  /** A cheap validator of the whole state: it changes whenever anything the editor reads could change. */
  version(): Promise<string>;
  snapshot(): Promise<Snapshot>;
  /** A random secret, made once and kept, that keys reader pseudonyms. */
  reviewSecret(): Promise<string>;

  /**
   * Everything stored about a reader: claps by reader id; annotations owned by
   * `tokenHash` (anonymous highlights included) or whose `creator` is the
   * reader id (an editor's import of their notes).
   */
  readerData(readerId: string, tokenHash: string): Promise<ReaderData>;
  /** Deletes all of `readerData` (claps with their log entries, annotations) and the token binding, in one transaction. */
  deleteReader(readerId: string, tokenHash: string): Promise<ReaderDeletion>;
}
