/**
 * The review's JSON-LD export: a W3C AnnotationCollection in one
 * self-contained file, its pages embedded (`first`, then each page's `next`),
 * so the file needs no server to be read again (`parseImport` takes it back).
 * https://www.w3.org/TR/annotation-model/#collections
 */
import { ANNOTATION_CONTEXT, type Annotation } from './annotation.js';

/** A page embedded in an exported collection. */
export interface EmbeddedAnnotationPage {
  id: string;
  type: 'AnnotationPage';
  /** The collection's id. */
  partOf: string;
  /** The 0-based position of the page's first item in the collection. */
  startIndex: number;
  items: Annotation[];
  /** The following page, embedded; absent on the last page. */
  next?: EmbeddedAnnotationPage;
}

export interface AnnotationCollectionDocument {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  /** Always present, with no items when the collection is empty. */
  first: EmbeddedAnnotationPage;
}

export interface CollectionOptions {
  /** A human-readable title ("Feedback on 'The river', 3 May 2025"). */
  label: string;
  /** The collection's IRI; a fresh `urn:uuid:` when absent. */
  id?: string;
  /** Annotations per page, a whole number from 1 (default 1000). Pages nest, so keep it large. */
  pageSize?: number;
}

/**
 * The annotations as one collection, in the order given. Items are the given
 * objects themselves (not copies): serialise the result with `JSON.stringify`.
 * Page ids are the collection id with `?page=N` (or `&page=N`), N from 0.
 */
export function toAnnotationCollection(
  annotations: readonly Annotation[],
  { label, id = `urn:uuid:${crypto.randomUUID()}`, pageSize = 1000 }: CollectionOptions,
): AnnotationCollectionDocument {
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a whole number from 1, not ${pageSize}`);
  const pageCount = Math.max(1, Math.ceil(annotations.length / pageSize));
  const join = id.includes('?') ? '&' : '?';
  let next: EmbeddedAnnotationPage | undefined;
  // Built from the last page back, so each page can hold the next one.
  for (let n = pageCount - 1; n >= 0; n--) {
    const startIndex = n * pageSize;
    const page: EmbeddedAnnotationPage = {
      id: `${id}${join}page=${n}`,
      type: 'AnnotationPage',
      partOf: id,
      startIndex,
      items: annotations.slice(startIndex, startIndex + pageSize),
    };
    if (next) page.next = next;
    next = page;
  }
  return { '@context': ANNOTATION_CONTEXT, id, type: 'AnnotationCollection', label, total: annotations.length, first: next! };
}

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * A file name for an export, safe on Windows, macOS and Linux: letters and
 * digits of any script, `.`, `_` and `-`; other characters (path separators,
 * `<>:"|?*`, controls, spaces) become single dashes; at most 100 characters
 * before the extension; never empty, hidden (leading dot) or a reserved
 * Windows device name. `exportFileName('Notes: "The river"', 'jsonld')` is
 * `Notes-The-river.jsonld`.
 */
export function exportFileName(label: string, ext: string): string {
  let base = label
    .normalize('NFKC')
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  base = Array.from(base).slice(0, 100).join('').replace(/[-.]+$/, '');
  if (base === '') base = 'plaudit-export';
  if (RESERVED.test(base.split('.')[0]!)) base = `plaudit-${base}`;
  const extension = ext.replace(/^\.+/, '').replace(/[^A-Za-z0-9]/g, '');
  return extension ? `${base}.${extension}` : base;
}
