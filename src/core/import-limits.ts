import { LIMITS } from './protocol-limits.js';

/**
 * What an import accepts. The file-level limits are the server's
 * (`LIMITS.maxImportBytes`, `LIMITS.maxImportItems`), so a file that passes here
 * is one the server's import endpoint takes by size; the per-record limits
 * mirror the server's annotation checks (`src/endpoint/validation.ts`).
 */
export const IMPORT_LIMITS = {
  /** The file, in bytes, checked before it is read. */
  maxBytes: LIMITS.maxImportBytes,
  /** Annotations in the file, across all its pages. */
  maxItems: LIMITS.maxImportItems,
  /** A note's text, in UTF-16 code units. */
  maxNoteLength: LIMITS.maxNoteLength,
  /** Any other string or key anywhere in a record. */
  maxStringLength: 10_000,
  /** A TextQuoteSelector's `exact`, as the server checks it. */
  maxExactLength: 5_000,
  /** Selectors per target, as the server checks them. */
  maxSelectors: 8,
  /** Objects and arrays nested in one record. */
  maxDepth: 32,
  /** One normalised annotation as UTF-8 JSON, as the server checks it. */
  maxAnnotationBytes: LIMITS.maxAnnotationBytes,
  /** Records checked between two yields to the main thread. */
  chunkSize: 500,
} as const;

/**
 * Keys that reach an object's prototype when code copies them with `[[Set]]`
 * (`Object.assign`, `target[key] = value`). A record holding one anywhere is
 * rejected rather than cleaned, since a file that carries them is hostile.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
