import { expect } from '@open-wc/testing';
import { ANNOTATION_CONTEXT, type Annotation, type Selector } from '../../src/core/annotation.js';
import { describeQuote } from '../../src/core/describe.js';
import { paragraphTextModel, toModelOffset } from '../../src/core/paragraph-model.js';
import { EDITOR_TOKEN } from '../../demo/mock-endpoint/handlers.js';
import { BASE, type TestMock } from '../sync/helpers.js';

/*
 * The hand-made story of the editor API tests: three registered paragraphs, seven readers, now = 2026-12-10 12:00 UTC
 * (the 7-day period starts 2026-12-03 12:00). Claps go through the real PUT, at known times:
 *
 *   reader  PUTs: count (rev) at                                             now   in 7d
 *   R1      1 (1) 12-01 10:00                                                 1     0
 *   R2      3 (1) 11-20 09:00, 4 (2) 12-05 08:00, 7 (1) 12-06 stale: ignored  4     1
 *   R3      9 (1) 12-04 10:00                                                 9     9
 *   R4      40 (1) 12-02 10:00, 50 (2) 12-09 10:00                            50    10
 *   R5      5 (1) 12-06 10:00, 0 (2) 12-06 10:30                              0     0
 *   R6      2 (1) 12-08 23:59, 4 (2) 12-09 00:01, 3 (3) 12-10 09:00           3     3
 *   R7      no claps; writes A5
 *
 * All time: 67 claps, 5 clappers, weighted 1 + 2 + 3 + 7.07 + 1.73 = 14.8, mean 13.4.
 * 7 days: 23 claps, 4 clappers, weighted 1 + 3 + 3.16 + 1.73 = 8.9, mean 5.75 -> 5.8.
 *
 *   A1 highlight (R1's token) "the type" (p1 6-14)          11-25 10:00
 *   A2 note R2 "Lovely line" on "the type"                   12-05 09:00
 *   A3 note R3 "Too loud?" on "press" (p0 4-9), reviewed     12-04 11:00
 *   A4 highlight (R4's token) "type that clicks." (p1 10-27) 12-09 12:00
 *   A5 note R7 on the second "clicks." (p2 28-35), a stale position at the first; hidden; created 12-10 08:00, modified 10:00
 *   A6 highlight (R6's token) "It is" (p1 0-5)               12-07 10:00
 *   A7 highlight (R5's token) on text that is not there      12-06 12:00
 */
export const STORY = 'press-story';
export const PARAGRAPHS = ['The press is loud.', 'It is the type that clicks.', 'Nobody talks much. The type clicks.'];
export const NOW = Date.parse('2026-12-10T12:00:00Z');
export const READERS = Array.from({ length: 7 }, (_, i) => `${i + 1}b8d6f0e-7c1a-4c5e-9d33-2f1a6b7c8d9${i}`);
export const tokenOf = (i: number) => String.fromCharCode(97 + i).repeat(64);
export const ID = Array.from({ length: 20 }, (_, i) => `a${String(i).padStart(7, '0')}-0000-4000-8000-000000000000`);
export const time = (at: string) => Date.parse(`2026-${at}:00Z`);
export const iso = (at: string) => new Date(time(at)).toISOString();
export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
export const editor = auth(EDITOR_TOKEN);
export const json = { 'Content-Type': 'application/json' };
export const ld = { 'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' };
export const model = paragraphTextModel(PARAGRAPHS);

/** The selectors a reader's page with this text would store for the n-th `exact` in paragraph `p`. */
export function selectors(p: number, exact: string): Selector[] {
  const start = toModelOffset(model, p, PARAGRAPHS[p]!.indexOf(exact));
  return [describeQuote(model, start, start + exact.length), { type: 'TextPositionSelector', start, end: start + exact.length }];
}

export function annotation(n: number, created: string, selector: Selector[], options: { note?: string; creator?: number; modified?: string; article?: string } = {}): Annotation {
  const a: Annotation = {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:${ID[n]}`,
    type: 'Annotation',
    motivation: options.note === undefined ? 'highlighting' : 'commenting',
    created: iso(created),
    modified: iso(options.modified ?? created),
    creator: options.creator === undefined ? undefined! : READERS[options.creator]!,
    target: { source: options.article ?? STORY, selector },
  };
  if (options.creator === undefined) delete (a as Partial<Annotation>).creator;
  if (options.note !== undefined) {
    a.body = { type: 'TextualBody', value: options.note, format: 'text/plain' };
    a['plaudit:visibility'] = 'shared';
  }
  return a;
}

/**
 * The requests the editor tests make, over the current mock's in-page fetch
 * (`current` is read on each call: the mock starts in a `before` hook).
 */
export function editorClient(current: () => TestMock) {
  const f: typeof fetch = (input, init) => current().fetch(input, init);
  /** Sets the server's clock: the clap log and registrations are written at this time. */
  const at = (when: string) => {
    current().store.clock = () => time(when);
  };
  const register = (paragraphs = PARAGRAPHS, textHash = 'hash-one') =>
    f(`${BASE}/articles/${STORY}`, {
      method: 'PUT',
      headers: { ...auth(tokenOf(0)), ...json },
      body: JSON.stringify({ title: 'The Press', url: 'https://x.example/press', textHash, paragraphs }),
    });
  const clap = async (reader: number, when: string, count: number, rev: number, article = STORY) => {
    at(when);
    const response = await f(`${BASE}/articles/${article}/claps/${READERS[reader]}`, {
      method: 'PUT', headers: { ...auth(tokenOf(reader)), ...json }, body: JSON.stringify({ count, rev }),
    });
    expect(response.status).to.equal(200);
  };
  const share = async (token: number, a: Annotation): Promise<string> => {
    const response = await f(`${BASE}/annotations/${a.id.slice(9)}`, {
      method: 'PUT', headers: { ...auth(tokenOf(token)), ...ld, 'If-None-Match': '*' }, body: JSON.stringify(a),
    });
    expect(response.status, a.id).to.equal(201);
    return response.headers.get('ETag')!;
  };
  const patch = (n: number, status: string, ifMatch?: string, token = EDITOR_TOKEN) =>
    f(`${BASE}/annotations/${ID[n]}`, {
      method: 'PATCH',
      headers: { ...auth(token), ...json, ...(ifMatch === undefined ? {} : { 'If-Match': ifMatch }) },
      body: JSON.stringify({ 'plaudit:status': status }),
    });
  const get = async <T>(path: string, headers: Record<string, string> = editor): Promise<T> => {
    const response = await f(`${BASE}${path}`, { headers });
    expect(response.status, path).to.equal(200);
    return (await response.json()) as T;
  };

  /** Builds the hand-made story through the real endpoints. */
  async function story(): Promise<void> {
    at('11-19T08:00');
    expect((await register()).status).to.equal(201);
    await clap(0, '12-01T10:00', 1, 1);
    await clap(1, '11-20T09:00', 3, 1);
    await clap(1, '12-05T08:00', 4, 2);
    await clap(1, '12-06T09:00', 7, 1); // stale: a lower revision
    await clap(2, '12-04T10:00', 9, 1);
    await clap(3, '12-02T10:00', 40, 1);
    await clap(3, '12-09T10:00', 50, 2);
    await clap(4, '12-06T10:00', 5, 1);
    await clap(4, '12-06T10:30', 0, 2);
    await clap(5, '12-08T23:59', 2, 1);
    await clap(5, '12-09T00:01', 4, 2);
    await clap(5, '12-10T09:00', 3, 3);
    at('12-10T11:00');
    await share(0, annotation(1, '11-25T10:00', selectors(1, 'the type')));
    await share(1, annotation(2, '12-05T09:00', selectors(1, 'the type'), { note: 'Lovely line', creator: 1 }));
    const a3 = await share(2, annotation(3, '12-04T11:00', selectors(0, 'press'), { note: 'Too loud?', creator: 2 }));
    await share(3, annotation(4, '12-09T12:00', selectors(1, 'type that clicks.')));
    const second = toModelOffset(model, 2, 28);
    const stale: Selector[] = [describeQuote(model, second, second + 7), { type: 'TextPositionSelector', start: 39, end: 46 }];
    const a5 = await share(6, annotation(5, '12-10T08:00', stale, { note: 'Buy cheap watches', creator: 6, modified: '12-10T10:00' }));
    await share(5, annotation(6, '12-07T10:00', selectors(1, 'It is')));
    await share(4, annotation(7, '12-06T12:00', [{ type: 'TextQuoteSelector', exact: 'a sentence that is not there' }]));
    expect((await patch(3, 'reviewed', a3)).status).to.equal(200);
    expect((await patch(5, 'hidden', a5)).status).to.equal(200);
    current().store.clock = () => NOW;
  }


  return { at, register, clap, share, patch, get, story };
}
