/** Why a whole import file was refused (a record's own problems are reported, not thrown). */
export const ImportErrorCode = {
  /** Larger than `LIMITS.maxImportBytes`; found before reading. */
  TooLarge: 'too-large',
  Empty: 'empty',
  Unreadable: 'unreadable',
  /** Not JSON, often a file cut off while downloading or copying. */
  InvalidJson: 'invalid-json',
  /** JSON, but not a collection, a page or a list of annotations. */
  NotAnnotations: 'not-annotations',
  /** A collection or page whose `first` / `next` is a link, not an embedded page. */
  PagesNotEmbedded: 'pages-not-embedded',
  /** More than `LIMITS.maxImportItems` annotations. */
  TooManyItems: 'too-many-items',
} as const;
export type ImportErrorCode = (typeof ImportErrorCode)[keyof typeof ImportErrorCode];

/**
 * Thrown by `parseImport` when the file as a whole cannot be imported; nothing
 * of it is accepted. `message` is a sentence an editor can act on.
 */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ImportError';
  }
}
