/**
 * Reading an import file: its size (before any byte is read), its JSON, and
 * which of the accepted shapes it has, down to one flat list of records.
 */
import { count, isRecord, own } from './import-json.js';
import { IMPORT_LIMITS } from './import-limits.js';
import { ImportError, ImportErrorCode } from './import-error.js';
import { clip } from './import-normalise.js';

/** Which shape the file had. */
export type ImportFormat = 'collection' | 'page' | 'array';

const MB = 1024 * 1024;
const megabytes = (bytes: number): string => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
const tooLarge = (bytes: number) =>
  new ImportError(
    ImportErrorCode.TooLarge,
    `The file is ${megabytes(bytes)}; an import may be at most ${megabytes(IMPORT_LIMITS.maxBytes)} (${count(IMPORT_LIMITS.maxBytes)} bytes).`,
  );

/** The file's text. A Blob's size is checked before it is read; a string's UTF-8 size likewise. */
export async function readImportText(file: Blob | string): Promise<string> {
  let text: string;
  if (typeof file === 'string') {
    // Each UTF-16 unit is 1 to 3 UTF-8 bytes: measure exactly only when it matters.
    if (file.length > IMPORT_LIMITS.maxBytes) throw tooLarge(file.length);
    if (file.length * 3 > IMPORT_LIMITS.maxBytes) {
      const bytes = new Blob([file]).size;
      if (bytes > IMPORT_LIMITS.maxBytes) throw tooLarge(bytes);
    }
    text = file;
  } else {
    if (file.size > IMPORT_LIMITS.maxBytes) throw tooLarge(file.size);
    try {
      text = await file.text();
    } catch (error) {
      throw new ImportError(ImportErrorCode.Unreadable, `The file could not be read: ${(error as Error)?.message ?? error}.`, { cause: error });
    }
    if (text.length > IMPORT_LIMITS.maxBytes) throw tooLarge(text.length);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new ImportError(ImportErrorCode.Empty, 'The file is empty.');
  return text;
}

/**
 * `JSON.parse`, with where it failed when the engine says (V8 and Gecko give a
 * line and column, V8 an offset; JavaScriptCore neither). The engine's own
 * message, which may quote the file, stays in `cause`.
 */
export function parseImportJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ImportError(ImportErrorCode.InvalidJson, 'The file is nested too deeply to be read as JSON.', { cause: error });
    }
    const detail = String((error as Error)?.message ?? '');
    const position = /position (\d+)/.exec(detail);
    const lineColumn = /line (\d+) column (\d+)/.exec(detail);
    const offset = position ? Number(position[1]) : lineColumn ? offsetOf(text, Number(lineColumn[1]), Number(lineColumn[2])) : -1;
    const atEnd = /end of (JSON )?(input|data)|EOF/i.test(detail) || offset >= text.length;
    const where = atEnd
      ? ': it ends before the JSON is complete'
      : lineColumn
        ? `: the error is at line ${lineColumn[1]}, column ${lineColumn[2]}`
        : position
          ? `: the error is at character ${count(Number(position[1]) + 1)} of ${count(text.length)}`
          : '';
    throw new ImportError(ImportErrorCode.InvalidJson, `The file is not valid JSON (it may be cut off)${where}.`, { cause: error });
  }
}

/** The 0-based offset of a 1-based line and column. */
function offsetOf(text: string, line: number, column: number): number {
  let start = 0;
  for (let l = 1; l < line && start !== -1; l++) start = text.indexOf('\n', start) + 1 || -1;
  return start === -1 ? -1 : start + column - 1;
}

const hasType = (value: Record<string, unknown>, type: string): boolean => {
  const t = own(value, 'type');
  return t === type || (Array.isArray(t) && t.includes(type));
};

/**
 * The records of a parsed file, in order: a W3C AnnotationCollection (its
 * embedded `first` page and the embedded `next` chain), an AnnotationPage
 * (`items`, and its embedded `next` pages), or a list of annotations.
 * Records are not looked at here beyond counting them.
 */
export function importRecords(data: unknown): { format: ImportFormat; records: unknown[] } {
  if (Array.isArray(data)) {
    checkCount(data.length);
    return { format: 'array', records: data };
  }
  if (!isRecord(data)) throw notAnnotations(data === null ? 'null' : typeof data === 'string' ? 'a string' : `a ${typeof data}`);
  if (hasType(data, 'AnnotationCollection')) {
    const first = own(data, 'first');
    if (first === undefined) {
      const total = own(data, 'total');
      if (total === 0 || total === undefined) return { format: 'collection', records: [] };
      throw notAnnotations('a collection without its first page');
    }
    return { format: 'collection', records: pageRecords(first, 'The collection’s first page') };
  }
  if (hasType(data, 'AnnotationPage')) return { format: 'page', records: pageRecords(data, 'The page') };
  const type = own(data, 'type');
  if (type === 'Annotation') throw notAnnotations('a single annotation; put it in a list: [ … ]');
  throw notAnnotations(typeof type === 'string' ? `an object of type "${clip(type)}"` : 'an object without a W3C type');
}

/** Follows a page and its embedded `next` pages, counting as it goes. */
function pageRecords(first: unknown, what: string): unknown[] {
  const records: unknown[] = [];
  let page = first;
  for (let n = 0; page !== undefined; n++) {
    const name = n === 0 ? what : `Page ${n + 1}`;
    if (typeof page === 'string') {
      throw new ImportError(
        ImportErrorCode.PagesNotEmbedded,
        `${name} is only a link (${clip(page)}): pages must be embedded in the file. Export the collection again as one file with every page in it.`,
      );
    }
    if (!isRecord(page) || !hasType(page, 'AnnotationPage')) {
      throw new ImportError(ImportErrorCode.NotAnnotations, `${name} is not a W3C AnnotationPage.`);
    }
    const items = own(page, 'items');
    if (!Array.isArray(items)) throw new ImportError(ImportErrorCode.NotAnnotations, `${name} has no list of items.`);
    checkCount(records.length + items.length);
    for (const item of items) records.push(item);
    page = own(page, 'next');
  }
  return records;
}

function checkCount(n: number): void {
  if (n > IMPORT_LIMITS.maxItems) {
    throw new ImportError(
      ImportErrorCode.TooManyItems,
      `The file holds more than ${count(IMPORT_LIMITS.maxItems)} annotations; import at most ${count(IMPORT_LIMITS.maxItems)} at a time.`,
    );
  }
}

const notAnnotations = (found: string) =>
  new ImportError(
    ImportErrorCode.NotAnnotations,
    `The file is not a W3C AnnotationCollection, an AnnotationPage or a list of annotations: it holds ${found}.`,
  );
