/**
 * Requests as the widget builds them, from the widget's own code where it
 * exists (`toWire`, `describeQuote`, `textHash`, the protocol's paths and
 * media types), and a tiny `assert`: the cases run in browsers and in Node.
 */
import { ANNOTATION_CONTEXT, type Annotation, type Selector } from '../../src/core/annotation.js';
import { describeQuote } from '../../src/core/describe.js';
import { paragraphTextModel } from '../../src/core/paragraph-model.js';
import { textHash } from '../../src/core/text-hash.js';
import { canonicalJson } from '../../src/endpoint/canonical-json.js';
import { toWire } from '../../src/sync/annotation-wire.js';
import { MediaType, paths, type ArticleRegistration } from '../../src/sync/protocol.js';
import type { CallInit, ContractContext } from './contract-types.js';

export { canonicalJson, MediaType, toWire };

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Same JSON, keys in any order. */
export function assertSame(actual: unknown, expected: unknown, what: string): void {
  const a = canonicalJson(actual);
  const e = canonicalJson(expected);
  assert(a === e, `${what}: expected ${e.slice(0, 600)}, got ${a.slice(0, 600)}`);
}

/** Checks the status; the message carries the server's `reason` when there is one. */
export async function expectStatus(response: Response, status: number, what: string): Promise<void> {
  if (response.status === status) return;
  const text = await response.clone().text().catch(() => '');
  throw new Error(`${what}: expected ${status}, got ${response.status} ${text.slice(0, 300)}`);
}

/** The JSON body, after checking the status. */
export async function json<T = any>(response: Response, status: number, what: string): Promise<T> {
  await expectStatus(response, status, what);
  return (await response.json()) as T;
}

/** Checks an error answer: the status and the `error` code. */
export async function expectError(response: Response, status: number, code: string, what: string): Promise<void> {
  const body = await json<{ error?: string; reason?: string }>(response, status, what);
  assert(body.error === code, `${what}: expected error "${code}", got ${JSON.stringify(body)}`);
  assert(typeof body.reason === 'string' && body.reason.length > 0, `${what}: the error has no reason`);
}

/** A request with a body: JSON text of `body` (or `body` itself when it is a string). */
export function send(method: string, contentType: string, body: unknown, init: CallInit = {}): CallInit {
  return {
    ...init,
    method,
    headers: { 'Content-Type': contentType, ...(init.headers as Record<string, string> | undefined) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/** A new article id for one case (so cases never see each other's data). */
export function articleId(label = 'story'): string {
  return `c-${label}-${crypto.randomUUID().slice(0, 8)}`;
}

export const PARAGRAPHS = ['The press is loud.', 'It is the type that clicks.', 'Nobody talks much. The type clicks.'];
const MODEL = paragraphTextModel(PARAGRAPHS);

/** What `<plaudit-article>` registers for a story with these paragraphs. */
export function registration(id: string, paragraphs: string[] = PARAGRAPHS, title = 'The Press'): ArticleRegistration {
  return { title, url: `https://news.example/${id}`, textHash: textHash(paragraphTextModel(paragraphs).text), paragraphs };
}

/** The selectors the widget stores for the first `exact` in the standard paragraphs. */
export function selectorsFor(exact: string): Selector[] {
  const start = MODEL.text.indexOf(exact);
  if (start < 0) return [{ type: 'TextQuoteSelector', exact }];
  return [describeQuote(MODEL, start, start + exact.length), { type: 'TextPositionSelector', start, end: start + exact.length }];
}

export interface AnnotationOptions {
  creator: string;
  /** A note's text; without it a highlight. */
  note?: string;
  exact?: string;
  /** ISO time of `created` and `modified`. */
  at?: string;
  id?: string;
}

/** An annotation as the widget stores it on the device (a note shared, with its creator). */
export function stored(article: string, options: AnnotationOptions): Annotation {
  const at = options.at ?? new Date().toISOString();
  const annotation: Annotation = {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:${options.id ?? crypto.randomUUID()}`,
    type: 'Annotation',
    motivation: options.note === undefined ? 'highlighting' : 'commenting',
    created: at,
    modified: at,
    creator: options.creator,
    target: { source: article, selector: selectorsFor(options.exact ?? 'the type') },
    'plaudit:textHash': textHash(MODEL.text),
  };
  if (options.note !== undefined) {
    annotation.body = { type: 'TextualBody', value: options.note, format: 'text/plain', purpose: 'commenting' };
    annotation['plaudit:visibility'] = 'shared';
  }
  return annotation;
}

/** The annotation as the client sends it (a highlight without its creator). */
export function wire(article: string, options: AnnotationOptions): Annotation {
  return toWire(stored(article, options));
}

/** `/annotations/{uuid}` of an annotation (relative to the base). */
export const annotationAt = (a: Annotation | string): string => paths.annotation('', typeof a === 'string' ? a : a.id);

/** Creates `annotation` as the client does (`If-None-Match: *`); answers its ETag. */
export async function create(ctx: ContractContext, annotation: Annotation, token?: string): Promise<string> {
  const response = await ctx.call(annotationAt(annotation), send('PUT', MediaType.Annotation, annotation, {
    headers: { 'If-None-Match': '*' }, ...(token === undefined ? {} : { token }),
  }));
  await expectStatus(response, 201, `create ${annotation.id}`);
  const etag = response.headers.get('ETag');
  assert(etag, 'a created annotation has an ETag');
  return etag;
}

/** Replaces an annotation with `If-Match`; answers the response. */
export function replace(ctx: ContractContext, annotation: Annotation, ifMatch: string, token?: string): Promise<Response> {
  return ctx.call(annotationAt(annotation), send('PUT', MediaType.Annotation, annotation, {
    headers: { 'If-Match': ifMatch }, ...(token === undefined ? {} : { token }),
  }));
}

/** Sets a reader's clap count; answers the totals. */
export async function clap(ctx: ContractContext, article: string, readerId: string, count: number, rev: number, token?: string) {
  const response = await ctx.call(paths.readerClaps('', article, readerId), send('PUT', MediaType.Json, { count, rev }, token === undefined ? {} : { token }));
  return json<{ total: number; clappers: number; mine: number }>(response, 200, `clap ${count} (rev ${rev})`);
}

/** Registers an article; answers the response. */
export function register(ctx: ContractContext, id: string, body: unknown = registration(id)): Promise<Response> {
  return ctx.call(paths.article('', id), send('PUT', MediaType.Json, body));
}

/** Moderates as the editor. */
export function moderate(ctx: ContractContext, a: Annotation | string, status: string, ifMatch?: string): Promise<Response> {
  return ctx.call(annotationAt(a), send('PATCH', MediaType.Json, { 'plaudit:status': status }, {
    token: ctx.editorToken, headers: ifMatch === undefined ? {} : { 'If-Match': ifMatch },
  }));
}

/** An editor GET. */
export function editorGet(ctx: ContractContext, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return ctx.call(path, { token: ctx.editorToken, headers });
}

/**
 * One request for every operation under the base but `/readers/...`, as
 * [what, path, init], with valid ids and bodies (for checks that come before the route's own).
 */
export function everyOperation(article: string, readerId: string, uuid: string): Array<[string, string, CallInit]> {
  const note = wire(article, { creator: readerId, note: 'x', id: uuid });
  return [
    ['GET /articles', '/articles', {}],
    ['GET /articles/{id}', paths.article('', article), {}],
    ['PUT /articles/{id}', paths.article('', article), send('PUT', MediaType.Json, registration(article))],
    ['GET claps', paths.claps('', article), {}],
    ['GET reader claps', paths.readerClaps('', article, readerId), {}],
    ['PUT reader claps', paths.readerClaps('', article, readerId), send('PUT', MediaType.Json, { count: 1, rev: 1 })],
    ['GET /annotations/', `/annotations/?article=${article}`, {}],
    ['GET annotation', annotationAt(uuid), {}],
    ['PUT annotation', annotationAt(uuid), send('PUT', MediaType.Annotation, note, { headers: { 'If-None-Match': '*' } })],
    ['DELETE annotation', annotationAt(uuid), { method: 'DELETE', headers: { 'If-Match': '*' } }],
    ['PATCH annotation', annotationAt(uuid), send('PATCH', MediaType.Json, { 'plaudit:status': 'hidden' }, { headers: { 'If-Match': '*' } })],
    ['GET /review/annotations', '/review/annotations', {}],
    ['POST /review/import', paths.import(''), send('POST', MediaType.Annotation, { items: [] })],
  ];
}
