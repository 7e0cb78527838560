/** The protocol's limits and id patterns, which the server, the mock and the importer all check. */

/** What the server accepts; larger or malformed requests get 4xx. */
export const LIMITS = {
  maxClapsPerReader: 50,
  maxNoteLength: 10_000,
  maxAnnotationBytes: 64 * 1024,
  maxRegistrationBytes: 1024 * 1024,
  /** A clap PUT's or a moderation PATCH's body. */
  maxSmallBodyBytes: 1024,
  maxParagraphs: 2_000,
  pageSize: 50,
  /** Editor reads: the largest `limit` of a review page. */
  maxReviewPage: 500,
  /** An import's body, and how many annotations it may hold. */
  maxImportBytes: 20 * 1024 * 1024,
  maxImportItems: 50_000,
} as const;

/** Article ids: URL-safe, 1-128 characters. */
export const ARTICLE_ID = /^[A-Za-z0-9._~-]{1,128}$/;
/** Reader ids and annotation ids are UUIDs. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
