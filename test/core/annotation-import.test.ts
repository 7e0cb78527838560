import { expect } from '@open-wc/testing';
import type { Annotation } from '../../src/core/annotation.js';
import { ImportError, parseImport, type ImportReport } from '../../src/core/annotation-import.js';
import { URL_NAMESPACE, uuidV5 } from '../../src/core/import-uuid.js';
import { toAnnotationCollection } from '../../src/core/jsonld-export.js';
import { LIMITS } from '../../src/sync/protocol.js';
import {
  apacheAnnotation, apacheRangeHighlight, hypothesisAnnotation, ourAnnotation, ourAnnotations,
} from '../fixtures/import/annotations.js';

const STORY_URL = 'https://news.example.com/2024/river-story';
/** Our story ids map to themselves; the river story's URL maps to its id; anything else is unknown. */
const stories = (source: string): string | null =>
  source === STORY_URL ? 'river-story' : /^story-\d+$|^river-story$/.test(source) ? source : null;

async function importError(file: Blob | string): Promise<ImportError> {
  try {
    await parseImport(file, { stories });
  } catch (error) {
    expect(error).to.be.instanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError');
}

const reasons = (report: ImportReport) => report.rejected.map((r) => [r.index, r.reason]);

describe('parseImport: Plaudit files', () => {
  it('round-trips 2,500 annotations through an exported collection of three pages, unchanged', async () => {
    const annotations = ourAnnotations(2500);
    const progress: Array<[number, number]> = [];
    const text = JSON.stringify(toAnnotationCollection(annotations, { label: 'All' }));
    const report = await parseImport(text, { stories, onProgress: (done, total) => progress.push([done, total]) });
    expect(report.format).to.equal('collection');
    expect(report.rejected).to.deep.equal([]);
    expect(report.accepted).to.deep.equal(annotations);
    // Key order too: the very objects as parsed.
    expect(JSON.stringify(report.accepted)).to.equal(JSON.stringify(annotations));
    expect(progress).to.deep.equal([[500, 2500], [1000, 2500], [1500, 2500], [2000, 2500], [2500, 2500]]);
  });

  it('takes an AnnotationPage, a list, a Blob, and a byte order mark', async () => {
    const annotations = ourAnnotations(3);
    const page = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items: annotations };
    expect(await parseImport(JSON.stringify(page), { stories })).to.deep.equal({ accepted: annotations, rejected: [], format: 'page' });
    const blob = new Blob([`\uFEFF${JSON.stringify(annotations)}`], { type: 'application/json' });
    expect(await parseImport(blob, { stories })).to.deep.equal({ accepted: annotations, rejected: [], format: 'array' });
    const empty = await parseImport('{"type":"AnnotationCollection","total":0}', { stories });
    expect(empty).to.deep.equal({ accepted: [], rejected: [], format: 'collection' });
  });

  it('maps the older status "visible" to "reviewed", adds shared visibility to a note without one, keeps a private one', async () => {
    const [a, b, c] = [ourAnnotation(1), ourAnnotation(2), ourAnnotation(23)];
    const old = { ...a, 'plaudit:status': 'visible' };
    const { 'plaudit:visibility': _dropped, ...noVisibility } = b;
    expect(c['plaudit:visibility']).to.equal('private');
    const report = await parseImport(JSON.stringify([old, noVisibility, c]), { stories });
    expect(report.accepted[0]).to.deep.equal({ ...a, 'plaudit:status': 'reviewed' });
    expect(report.accepted[1]).to.deep.equal(b);
    expect(report.accepted[2]).to.deep.equal(c);
  });

  it('rejects an annotation whose id repeats an earlier one', async () => {
    const a = ourAnnotation(1);
    const report = await parseImport(JSON.stringify([a, ourAnnotation(2), { ...a, modified: new Date().toISOString() }]), { stories });
    expect(report.accepted).to.have.length(2);
    expect(report.rejected).to.deep.equal([{ index: 2, id: a.id, reason: 'the same annotation id as item 0' }]);
  });

  it('works in chunks with progress, for a file of 10,000 annotations', async () => {
    const calls: number[] = [];
    const report = await parseImport(JSON.stringify(ourAnnotations(10_000)), { stories, onProgress: (done) => calls.push(done) });
    expect(report.accepted).to.have.length(10_000);
    expect(calls).to.deep.equal(Array.from({ length: 20 }, (_, i) => (i + 1) * 500));
  });
});

describe('parseImport: hostile records', () => {
  it('rejects wrong types, unknown motivations and strings over the limits, one reason each, and accepts the rest', async () => {
    const good = ourAnnotation(1);
    const note = (value: unknown) => ({ ...good, body: { ...good.body, value } });
    const target = (over: Record<string, unknown>) => ({ ...good, target: { ...good.target, ...over } });
    const records: unknown[] = [
      good,
      note(42),
      target({ selector: 'TextQuoteSelector' }),
      target({ selector: [{ type: 'TextPositionSelector', start: '5', end: '9' }] }),
      { ...good, motivation: 'replying' },
      { ...good, motivation: ['commenting'] },
      note('x'.repeat(LIMITS.maxNoteLength + 1)),
      { ...good, 'plaudit:textHash': 'h'.repeat(10_001) },
      { ...good, created: 1735689600000 },
      { ...good, created: 'yesterday' },
      { ...good, id: 7 },
      { ...good, type: 'Highlight' },
      target({ source: 'https://elsewhere.example/page' }),
      target({ selector: [] }),
      target({ selector: [{ type: 'XPathSelector', value: '/p[1]' }] }),
      target({ selector: [{ type: 'TextQuoteSelector', exact: '' }] }),
      { ...good, 'plaudit:status': 'approved' },
      { ...good, creator: 12 },
      'not an object',
      null,
      ourAnnotation(2),
    ];
    const report = await parseImport(JSON.stringify(records), { stories });
    expect(report.accepted).to.deep.equal([good, ourAnnotation(2)]);
    expect(reasons(report)).to.deep.equal([
      [1, 'the note must be text'],
      [2, 'target.selector must be an object or a list'],
      [3, 'TextPositionSelector start and end must be whole numbers, 0 <= start <= end'],
      [4, 'unknown motivation "replying" (only highlighting and commenting)'],
      [5, 'motivation must be text'],
      [6, 'the note is longer than 10,000 characters'],
      [7, 'the text at plaudit:textHash is longer than 10,000 characters'],
      [8, 'created must be an ISO 8601 date'],
      [9, 'created must be an ISO 8601 date'],
      [10, 'id must be text'],
      [11, 'type must be "Annotation"'],
      [12, 'unknown story https://elsewhere.example/page'],
      [13, 'target.selector must list 1 to 8 selectors'],
      [14, 'no TextQuoteSelector or TextPositionSelector to anchor with'],
      [15, 'TextQuoteSelector.exact must be text of 1 to 5,000 characters'],
      [16, 'plaudit:status must be "new", "reviewed" or "hidden"'],
      [17, 'creator must be text or an object'],
      [18, 'not an annotation object'],
      [19, 'not an annotation object'],
    ]);
    expect(report.rejected.map((r) => r.id)).to.deep.equal([...Array(9).fill(good.id), null, ...Array(7).fill(good.id), null, null]);
  });

  it('rejects a 5 MB string and still accepts the records around it', async () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const good = ourAnnotation(1);
    const report = await parseImport(
      JSON.stringify([good, { ...good, id: ourAnnotation(2).id, body: { ...good.body, value: huge } }, { ...ourAnnotation(3), via: huge }, ourAnnotation(4)]),
      { stories },
    );
    expect(report.accepted).to.deep.equal([good, ourAnnotation(4)]);
    expect(reasons(report)).to.deep.equal([
      [1, 'the note is longer than 10,000 characters'],
      [2, 'the text at via is longer than 10,000 characters'],
    ]);
  });

  it('rejects __proto__, constructor and prototype keys at any depth without polluting Object.prototype', async () => {
    const good = JSON.stringify(ourAnnotation(1)).slice(1, -1);
    const records = [
      `{${good},"target":{"source":"story-1","selector":[{"type":"TextQuoteSelector","exact":"x","__proto__":{"polluted":"yes"}}]}}`,
      `{${good},"body":{"type":"TextualBody","value":"v","constructor":{"prototype":{"polluted":"yes"}}}}`,
      `{${good},"target":{"source":"story-1","selector":[{"type":"RangeSelector","prototype":{"polluted":"yes"}},{"type":"TextQuoteSelector","exact":"x"}]}}`,
      `{"__proto__":{"polluted":"yes"},${good}}`,
      `{${good},"creator":{"id":"x","constructor":"y"}}`,
      JSON.stringify(ourAnnotation(2)),
    ];
    const report = await parseImport(`[${records.join(',')}]`, { stories });
    expect(reasons(report)).to.deep.equal([
      [0, 'forbidden key "__proto__" at target.selector.0'],
      [1, 'forbidden key "constructor" at body'],
      [2, 'forbidden key "prototype" at target.selector.0'],
      [3, 'forbidden key "__proto__" at (top level)'],
      [4, 'forbidden key "constructor" at creator'],
    ]);
    expect(report.accepted).to.deep.equal([ourAnnotation(2)]);
    expect(Object.getPrototypeOf(report.accepted[0])).to.equal(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.prototype).not.to.have.property('polluted');
    expect(Object.hasOwn(Object.prototype, 'polluted')).to.equal(false);
  });

  it('rejects records nested too deeply', async () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 40; i++) deep = { type: 'Nested', inner: deep };
    const good = ourAnnotation(1);
    const report = await parseImport(JSON.stringify([{ ...good, target: { ...good.target, selector: [...good.target.selector, deep] } }]), { stories });
    expect(report.rejected[0]!.reason).to.match(/^nested more than 32 levels deep at target\.selector\.2(\.inner)+$/);
  });
});

describe('parseImport: hostile files', () => {
  it('refuses a 50 MB file before reading it', async () => {
    const big = new Blob([new Uint8Array(50 * 1024 * 1024)]);
    const error = await importError(big);
    expect(error.code).to.equal('too-large');
    expect(error.message).to.equal('The file is 50 MB; an import may be at most 20 MB (20,971,520 bytes).');

    // Any read would throw: the size alone decides.
    class Unreadable extends Blob {
      override get size() { return 50 * 1024 * 1024; }
      override text(): Promise<string> { throw new Error('read'); }
      override arrayBuffer(): Promise<ArrayBuffer> { throw new Error('read'); }
      override stream(): ReturnType<Blob["stream"]> { throw new Error("read"); }
      override slice(): Blob { throw new Error('read'); }
    }
    expect((await importError(new Unreadable(['[]']))).code).to.equal('too-large');
    expect((await importError('x'.repeat(LIMITS.maxImportBytes + 1))).code).to.equal('too-large');
    // Multi-byte text counts in UTF-8 bytes, not characters.
    expect((await importError('é'.repeat(LIMITS.maxImportBytes / 2 + 1))).code).to.equal('too-large');
  });

  it('says a truncated file is not valid JSON and may be cut off', async () => {
    const text = JSON.stringify(toAnnotationCollection(ourAnnotations(20), { label: 'x' }));
    for (const cut of [text.slice(0, -50), text.slice(0, text.length / 2), '[{"id": "urn:uuid:']) {
      const error = await importError(cut);
      expect(error.code).to.equal('invalid-json');
      expect(error.message).to.match(/^The file is not valid JSON \(it may be cut off\)(: it ends before the JSON is complete)?\.$/);
      expect(error.cause).to.be.instanceOf(SyntaxError);
    }
    const bad = await importError('[1, 2, oops]');
    expect(bad.message).to.match(/^The file is not valid JSON \(it may be cut off\)/);
  });

  it('refuses more than 50,000 items', async () => {
    const error = await importError(`[${Array(LIMITS.maxImportItems + 1).fill('0').join(',')}]`);
    expect(error.code).to.equal('too-many-items');
    expect(error.message).to.equal('The file holds more than 50,000 annotations; import at most 50,000 at a time.');
    const paged = toAnnotationCollection(Array(LIMITS.maxImportItems + 1).fill(0) as Annotation[], { label: 'x', pageSize: 10_000 });
    expect((await importError(JSON.stringify(paged))).code).to.equal('too-many-items');
    // 50,000 is allowed (each of these records is then rejected on its own).
    const report = await parseImport(`[${Array(LIMITS.maxImportItems).fill('0').join(',')}]`, { stories });
    expect(report.rejected).to.have.length(LIMITS.maxImportItems);
  });

  it('refuses a collection whose pages are links, not embedded', async () => {
    const linked = { type: 'AnnotationCollection', total: 2, first: 'https://server.example/annotations/?page=0' };
    const error = await importError(JSON.stringify(linked));
    expect(error.code).to.equal('pages-not-embedded');
    expect(error.message).to.equal(
      'The collection’s first page is only a link (https://server.example/annotations/?page=0): pages must be embedded in the file. Export the collection again as one file with every page in it.',
    );
    const doc = toAnnotationCollection(ourAnnotations(3), { label: 'x', pageSize: 2 });
    (doc.first as unknown as { next: string }).next = 'https://server.example/annotations/?page=1';
    const second = await importError(JSON.stringify(doc));
    expect(second.code).to.equal('pages-not-embedded');
    expect(second.message).to.match(/^Page 2 is only a link/);
    const page = { type: 'AnnotationPage', items: [], next: 'https://server.example/annotations/?page=1' };
    expect((await importError(JSON.stringify(page))).code).to.equal('pages-not-embedded');
  });

  it('explains files that are not annotations', async () => {
    const cases: Array<[string, string, string]> = [
      ['', 'empty', 'The file is empty.'],
      ['  \n', 'empty', 'The file is empty.'],
      ['42', 'not-annotations', 'The file is not a W3C AnnotationCollection, an AnnotationPage or a list of annotations: it holds a number.'],
      ['"text"', 'not-annotations', 'The file is not a W3C AnnotationCollection, an AnnotationPage or a list of annotations: it holds a string.'],
      ['null', 'not-annotations', 'The file is not a W3C AnnotationCollection, an AnnotationPage or a list of annotations: it holds null.'],
      ['{"type":"OrderedCollection"}', 'not-annotations', 'The file is not a W3C AnnotationCollection, an AnnotationPage or a list of annotations: it holds an object of type "OrderedCollection".'],
      [JSON.stringify(ourAnnotation(1)), 'not-annotations', 'The file is not a W3C AnnotationCollection, an AnnotationPage or a list of annotations: it holds a single annotation; put it in a list: [ … ].'],
      ['{"type":"AnnotationPage","items":{}}', 'not-annotations', 'The page has no list of items.'],
      ['{"type":"AnnotationCollection","total":3,"first":{"type":"Foo"}}', 'not-annotations', 'The collection’s first page is not a W3C AnnotationPage.'],
      ['{"__proto__":{"type":"AnnotationPage","items":[]}}', 'not-annotations', 'The file is not a W3C AnnotationCollection, an AnnotationPage or a list of annotations: it holds an object without a W3C type.'],
    ];
    for (const [text, code, message] of cases) {
      const error = await importError(text);
      expect([error.code, error.message]).to.deep.equal([code, message]);
    }
  });
});

describe('parseImport: foreign W3C annotations', () => {
  it('normalises a Hypothesis annotation, keeping every selector and the original id in via', async () => {
    const original = hypothesisAnnotation(1);
    const report = await parseImport(JSON.stringify([original]), { stories });
    expect(report.rejected).to.deep.equal([]);
    const [a] = report.accepted;
    const target = (original.target as Array<{ selector: unknown[] }>)[0]!;
    expect(a).to.deep.equal({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:${uuidV5(URL_NAMESPACE, original.id as string)}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: '2024-03-05T10:20:30.123Z',
      modified: '2024-03-06T08:00:00.654Z',
      creator: a!.creator,
      body: { type: 'TextualBody', value: 'A **markdown** note 1', format: 'text/markdown' },
      target: { source: 'river-story', selector: target.selector },
      'plaudit:visibility': 'shared',
      via: 'https://hypothes.is/a/Hk3uG1wEe-abc',
    });
    expect(a!.creator).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a!.target.selector.map((s) => s.type)).to.deep.equal(['RangeSelector', 'TextPositionSelector', 'TextQuoteSelector']);
  });

  it('normalises Apache Annotator annotations: a selector object, an agent, bodyValue, no modified', async () => {
    const report = await parseImport(JSON.stringify([apacheAnnotation(1), apacheRangeHighlight()]), { stories });
    expect(report.rejected).to.deep.equal([]);
    const [note, highlight] = report.accepted;
    expect(note).to.deep.include({
      id: `urn:uuid:${uuidV5(URL_NAMESPACE, 'http://example.org/anno1')}`,
      motivation: 'commenting',
      created: '2024-05-01T12:00:00.000Z',
      modified: '2024-05-01T12:00:00.000Z',
      body: { type: 'TextualBody', value: 'Comment 1', format: 'text/plain' },
      target: { source: 'river-story', selector: [(apacheAnnotation(1).target as { selector: unknown }).selector] },
      'plaudit:visibility': 'shared',
      via: 'http://example.org/anno1',
    });
    expect(highlight).to.deep.equal({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:${uuidV5(URL_NAMESPACE, 'http://example.org/anno-range')}`,
      type: 'Annotation',
      motivation: 'highlighting',
      created: '2024-05-02T07:30:00.000Z',
      modified: '2024-05-02T07:30:00.000Z',
      target: { source: 'river-story', selector: (apacheRangeHighlight().target as { selector: unknown }).selector },
      via: 'http://example.org/anno-range',
    });
    // The same agent is the same reader, whether given as an object or by its id.
    const byId = await parseImport(JSON.stringify([{ ...apacheAnnotation(2), creator: 'http://example.org/user1' }]), { stories });
    expect(byId.accepted[0]!.creator).to.equal(note!.creator);
  });

  it('derives the same ids on every import of the same foreign file, so nothing duplicates', async () => {
    const file = JSON.stringify({
      type: 'AnnotationPage',
      items: [hypothesisAnnotation(1), hypothesisAnnotation(2), apacheAnnotation(1), apacheRangeHighlight(), { ...apacheAnnotation(3), id: undefined }],
    });
    const first = await parseImport(file, { stories });
    const second = await parseImport(new Blob([file]), { stories });
    expect(first.accepted).to.have.length(5);
    expect(second).to.deep.equal(first);
    expect(new Set(first.accepted.map((a) => a.id)).size).to.equal(5);
    // Re-importing what was imported (our shape now) changes nothing.
    const again = await parseImport(JSON.stringify(first.accepted), { stories });
    expect(again.accepted).to.deep.equal(first.accepted);
  });

  it('keeps the note body and skips tags, links and other purposes; a bare UUID id gets the urn prefix', async () => {
    const base = apacheAnnotation(1);
    delete base.bodyValue;
    const uuid = 'A1B2C3D4-0000-4000-8000-000000000001';
    const report = await parseImport(JSON.stringify([
      { ...base, id: uuid, body: ['https://example.org/linked-body', { type: 'TextualBody', purpose: 'tagging', value: 't' }, { type: 'TextualBody', purpose: 'commenting', value: 'kept', format: 'text/html' }] },
      { ...base, id: 'x:2', body: { type: 'TextualBody', purpose: 'tagging', value: 'only a tag' }, motivation: 'highlighting' },
      { ...base, id: 'x:3', body: { type: 'SpecificResource', source: 'https://example.org/' } },
      { ...base, id: 'x:4', body: { type: 'TextualBody', value: 'a' }, bodyValue: 'b' },
    ]), { stories });
    expect(report.accepted[0]).to.deep.include({
      id: `urn:uuid:${uuid.toLowerCase()}`, via: uuid, body: { type: 'TextualBody', value: 'kept', format: 'text/html', purpose: 'commenting' },
    });
    expect(report.accepted[1]).not.to.have.property('body');
    expect(report.accepted[1]).not.to.have.property('plaudit:visibility');
    expect(report.accepted[2]).not.to.have.property('body');
    expect(reasons(report)).to.deep.equal([[3, 'an annotation may not have both body and bodyValue']]);
  });

  it('accepts a quote that refines a Range, XPath or Fragment selector, as anchoring reads it', async () => {
    const base = apacheRangeHighlight();
    const quote = { type: 'TextQuoteSelector', exact: 'water' };
    const selectors = [
      [{ type: 'RangeSelector', startSelector: { type: 'XPathSelector', value: '/p[2]' }, endSelector: { type: 'XPathSelector', value: '/p[3]' }, refinedBy: quote }],
      [{ type: 'FragmentSelector', value: 'para-3', refinedBy: quote }],
      [{ type: 'XPathSelector', value: '/p[1]', refinedBy: { type: 'CssSelector', value: 'em', refinedBy: quote } }],
      [{ type: 'oa:TextQuoteSelector', exact: 'water' }],
      [{ type: 'TextQuoteSelector', exact: ' \n ' }],
      [{ type: 'TextPositionSelector', start: 3, end: 3 }],
    ];
    const report = await parseImport(
      JSON.stringify(selectors.map((selector, i) => ({ ...base, id: `x:${i}`, target: { source: STORY_URL, selector } }))),
      { stories },
    );
    expect(report.accepted.map((a) => a.target.selector)).to.deep.equal(selectors.slice(0, 4));
    expect(reasons(report)).to.deep.equal([
      [4, 'no TextQuoteSelector or TextPositionSelector to anchor with'],
      [5, 'no TextQuoteSelector or TextPositionSelector to anchor with'],
    ]);
  });

  it('rejects page notes, several targets and unknown stories', async () => {
    const base = apacheAnnotation(1);
    const report = await parseImport(JSON.stringify([
      { ...base, target: STORY_URL },
      { ...base, target: { source: STORY_URL } },
      { ...base, target: [base.target, base.target] },
      { ...base, target: { ...(base.target as object), source: 'https://other.example/' } },
      { ...hypothesisAnnotation(1), motivation: 'replying' },
    ]), { stories });
    expect(reasons(report)).to.deep.equal([
      [0, 'the target has no selector (notes on a whole page are not imported)'],
      [1, 'the target has no selector (notes on a whole page are not imported)'],
      [2, 'several targets are not supported'],
      [3, 'unknown story https://other.example/'],
      [4, 'unknown motivation "replying" (only highlighting and commenting)'],
    ]);
    expect(report.rejected[4]!.id).to.equal('https://hypothes.is/a/Hk3uG1wEe-abc');
  });

  it('derives version-5 UUIDs as RFC 9562 does', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).to.equal('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(uuidV5(URL_NAMESPACE, 'https://hypothes.is/a/abc')).to.equal('d0629947-4413-578a-b949-847eddbcb427');
  });
});
