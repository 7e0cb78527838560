/**
 * Importing annotations from a file (the review's "Import"): a W3C
 * AnnotationCollection with embedded pages (what `toAnnotationCollection`
 * writes), an AnnotationPage, or a list of annotations, from Plaudit or from
 * other W3C tools. File-level problems throw an `ImportError`; each record that
 * fails its checks is reported in `rejected` and the rest are `accepted`.
 * Storing them is the caller's step (`importIntoLocal`, or the server's import).
 */
import { own, isRecord } from './import-json.js';
import { IMPORT_LIMITS } from './import-limits.js';
import { importRecords, parseImportJson, readImportText, type ImportFormat } from './import-file.js';
import { normaliseAnnotation, type ImportedAnnotation, type StoryResolver } from './import-normalise.js';
import { yieldToMain } from './yield-to-main.js';

export { ImportError, ImportErrorCode } from './import-error.js';
export type { ImportFormat } from './import-file.js';
export type { ImportedAnnotation, StoryResolver } from './import-normalise.js';

export interface ImportOptions {
  /**
   * Maps a `target.source` (a Plaudit story id, or a story's URL in a foreign
   * file) to a story id; null rejects the record as an unknown story.
   */
  stories: StoryResolver;
  /** Called after each chunk of records and once at the end, with `done === total`. */
  onProgress?(done: number, total: number): void;
}

/** One record that was not accepted: its 0-based place in the file (across pages), its id as written, why. */
export interface ImportRejection {
  index: number;
  id: string | null;
  reason: string;
}

export interface ImportReport {
  /** In file order. Plaudit's own annotations are the objects as parsed, unchanged. */
  accepted: ImportedAnnotation[];
  rejected: ImportRejection[];
  format: ImportFormat;
}

/**
 * Reads, checks and normalises an import file. Records are checked in chunks
 * of `IMPORT_LIMITS.chunkSize` with a yield to the main thread between them,
 * so a file of ten thousand annotations leaves the page responsive (the one
 * `JSON.parse` of the file is the only long step). A record whose id repeats
 * an earlier accepted one (after normalisation) is rejected.
 * @throws ImportError when the file as a whole cannot be imported.
 */
export async function parseImport(file: Blob | string, options: ImportOptions): Promise<ImportReport> {
  const { format, records } = importRecords(parseImportJson(await readImportText(file)));
  const report: ImportReport = { accepted: [], rejected: [], format };
  const seen = new Map<string, number>();
  const total = records.length;
  for (let start = 0; start < total; start += IMPORT_LIMITS.chunkSize) {
    if (start > 0) await yieldToMain();
    const end = Math.min(total, start + IMPORT_LIMITS.chunkSize);
    for (let index = start; index < end; index++) {
      const raw = records[index];
      const result = normaliseAnnotation(raw, options.stories);
      if (!result.ok) {
        report.rejected.push({ index, id: writtenId(raw), reason: result.reason });
        continue;
      }
      const earlier = seen.get(result.annotation.id);
      if (earlier !== undefined) {
        report.rejected.push({ index, id: writtenId(raw), reason: `the same annotation id as item ${earlier}` });
        continue;
      }
      seen.set(result.annotation.id, index);
      report.accepted.push(result.annotation);
    }
    if (end < total) options.onProgress?.(end, total);
  }
  options.onProgress?.(total, total);
  return report;
}

/** The record's id as the file wrote it, when it is a reasonable string. */
function writtenId(raw: unknown): string | null {
  const id = isRecord(raw) ? own(raw, 'id') : undefined;
  return typeof id === 'string' && id.length <= IMPORT_LIMITS.maxStringLength ? id : null;
}
