/**
 * The review's spreadsheet export: RFC 4180 CSV (https://www.rfc-editor.org/rfc/rfc4180)
 * with cells neutralised against formula injection, since readers write the
 * notes and editors open the file in Excel, LibreOffice or Google Sheets.
 */
import { quoteText } from './anchor-selectors.js';
import type { ReviewItem } from './review-types.js';

/** One exported annotation; every cell is text. */
export interface CsvRow {
  /** The story's title (or id). */
  story: string;
  /** The quoted passage. */
  quote: string;
  /** The note, '' for a highlight. */
  note: string;
  kind: 'highlight' | 'note' | (string & {});
  status: string;
  /** ISO times. */
  created: string;
  modified: string;
  /** The reader's pseudonym, never the reader id. */
  reader: string;
}

/** The columns in order, with their header text. */
export const CSV_COLUMNS = [
  ['story', 'Story'],
  ['quote', 'Quote'],
  ['note', 'Note'],
  ['kind', 'Kind'],
  ['status', 'Status'],
  ['created', 'Created'],
  ['modified', 'Modified'],
  ['reader', 'Reader'],
] as const satisfies ReadonlyArray<readonly [keyof CsvRow, string]>;

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads accents and non-Latin text correctly. */
  bom?: boolean;
}

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and
 * CR, hide one behind them): OWASP's list, plus the full-width `＝ ＋ － ＠`
 * that some East Asian spreadsheet locales treat the same way.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One cell: a cell that starts like a formula gets a leading `'` (OWASP's
 * advice), then a cell holding `"`, `,`, CR or LF is quoted with inner quotes
 * doubled. A number written as text such as "-5" becomes the text "'-5": cells
 * here are never numbers, and safety wins over a sum in the sheet.
 */
export function csvCell(value: string | null | undefined): string {
  let cell = value ?? '';
  if (FORMULA_START.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A header row and one row per item, CRLF after every row (the last too). */
export function toCsv(rows: readonly CsvRow[], options: CsvOptions = {}): string {
  const lines = [CSV_COLUMNS.map(([, header]) => csvCell(header)).join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map(([key]) => csvCell(row[key])).join(','));
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

/** A review row as a CSV row (the pseudonym as the reader). */
export function csvRowFromReviewItem(item: ReviewItem): CsvRow {
  const { annotation } = item;
  return {
    story: item.storyTitle || annotation.target.source,
    quote: quoteText(annotation),
    note: annotation.body?.value ?? '',
    kind: annotation.body ? 'note' : 'highlight',
    status: item.status,
    created: annotation.created,
    modified: annotation.modified,
    reader: item.reader,
  };
}
