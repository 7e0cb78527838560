import { http, HttpResponse, type HttpHandler } from 'msw';
import { textHash } from '../../src/core/text-hash.js';
import { LIMITS } from '../../src/sync/protocol.js';
import { annotationHandlers } from './annotation-handlers.js';
import { Busy } from './busy.js';
import { editorHandlers } from './editor-handlers.js';
import { Faults } from './faults.js';
import { noneMatch } from './server-meta.js';
import { RequestLog } from './request-log.js';
import type { ServerStore } from './server-store.js';
import { forbidden, notFound, problem, type Route } from './responses.js';
import { checkArticleId, checkBearer, checkBody, checkClapPut, checkRegistration, checkUuid } from './validation.js';

/**
 * The editor token of the DEMO ONLY. A real backend issues editor credentials
 * through its own sign-in; this constant exists so the demo's review page works.
 */
export const EDITOR_TOKEN = 'editor-demo-token';

export interface MockEndpointOptions {
  /** The endpoint path, as in `endpoint="/api/plaudit"`. */
  base?: string;
  store: ServerStore | Promise<ServerStore>;
  faults?: Faults;
  log?: RequestLog;
  /** Refuses requests with 429/503 and `Retry-After` in either form, when switched on. */
  busy?: Busy;
}

/**
 * The mock Plaudit server as msw handlers, for the demo's service worker and
 * for tests (the same objects). It validates like a real server, answers with
 * proper status codes and ETags, and applies `faults` around every request.
 * The reader's part is here and in `annotation-handlers.ts`, the editor's in
 * `editor-handlers.ts`.
 */
export function createHandlers(options: MockEndpointOptions): HttpHandler[] {
  const base = (options.base ?? '/api/plaudit').replace(/\/+$/, '');
  const faults = options.faults ?? new Faults();
  const log = options.log ?? new RequestLog();
  const busy = options.busy ?? new Busy();

  const route: Route = (method, path, handle) =>
    http[method](`${base}${path}`, async ({ request, params }) => {
      const body = method === 'get' || method === 'delete' ? '' : await request.clone().text();
      const logged = log.add({ method: request.method, url: request.url, headers: headersOf(request), body, at: performance.now() });
      const answer = async () => {
        const auth = checkBearer(request.headers.get('Authorization'));
        if (!auth.ok) return problem(auth);
        const caller = { token: auth.value, editor: auth.value === EDITOR_TOKEN };
        const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
        return handle({ request, params: flat, body, store: await options.store, caller, base });
      };
      const refused = busy.take();
      const response = refused
        ? problem({ ok: false, status: refused.status, error: 'unavailable', reason: 'the server is busy' }, { 'Retry-After': refused.retryAfter })
        : await withFaults(faults, request.signal, answer);
      logged.outcome = response.type === 'error' ? 'network-error' : response.status;
      return response;
    });

  return [
    route('put', '/articles/:articleId', async ({ store, caller, params, request, body }) => {
      if (caller.editor) return problem(forbidden('editors do not register articles'));
      const id = checkArticleId(params.articleId!);
      if (!id.ok) return problem(id);
      const json = checkBody(request.headers.get('Content-Type'), body, 'application/json', LIMITS.maxRegistrationBytes);
      if (!json.ok) return problem(json);
      const registration = checkRegistration(json.value);
      if (!registration.ok) return problem(registration);
      const existed = await store.putArticle(id.value, registration.value);
      return HttpResponse.json(registration.value, { status: existed ? 200 : 201 });
    }),

    // Pages poll this: a weak ETag of the answer (the story's clap state as this caller sees it) makes an unchanged story a 304.
    route('get', '/articles/:articleId/claps', async ({ store, caller, params, request }) => {
      const id = checkArticleId(params.articleId!);
      if (!id.ok) return problem(id);
      const reader = caller.editor ? null : await store.readerForToken(caller.token);
      const totals = await store.totals(id.value, reader);
      const etag = `W/"c${textHash(`${id.value}\n${totals.total}\n${totals.clappers}\n${totals.mine}`)}"`;
      const headers = { ETag: etag, 'Cache-Control': 'private, no-cache', Vary: 'Authorization' };
      if (noneMatch(request.headers.get('If-None-Match'), etag)) return new HttpResponse(null, { status: 304, headers });
      return HttpResponse.json(totals, { headers });
    }),

    route('get', '/articles/:articleId/claps/:readerId', async ({ store, caller, params }) => {
      const id = checkArticleId(params.articleId!);
      const reader = checkUuid(params.readerId!, 'reader');
      if (!id.ok) return problem(id);
      if (!reader.ok) return problem(reader);
      if (!caller.editor && (await store.readerForToken(caller.token)) !== reader.value) {
        return problem(forbidden("this is another reader's data"));
      }
      const claps = await store.readerClaps(id.value, reader.value);
      return claps ? HttpResponse.json({ count: claps.count, rev: claps.rev }) : problem(notFound('no claps yet'));
    }),

    route('put', '/articles/:articleId/claps/:readerId', async ({ store, caller, params, request, body }) => {
      if (caller.editor) return problem(forbidden('editors do not clap'));
      const id = checkArticleId(params.articleId!);
      const reader = checkUuid(params.readerId!, 'reader');
      if (!id.ok) return problem(id);
      if (!reader.ok) return problem(reader);
      const json = checkBody(request.headers.get('Content-Type'), body, 'application/json', 1024);
      if (!json.ok) return problem(json);
      const put = checkClapPut(json.value);
      if (!put.ok) return problem(put);
      if (!(await store.bindReader(reader.value, caller.token))) return problem(forbidden("this is another reader's data"));
      return HttpResponse.json(await store.putClaps(id.value, reader.value, put.value));
    }),

    ...annotationHandlers(route),
    ...editorHandlers(route),
  ];
}

async function withFaults(faults: Faults, signal: AbortSignal, run: () => Promise<Response>): Promise<Response> {
  if (faults.settings.latencyMs > 0) await sleep(faults.settings.latencyMs, signal);
  const early = faults.early();
  if (early?.type === 'network') return HttpResponse.error();
  if (early) {
    const reason = early.status === 429 ? 'too many requests, slow down' : early.status === 503 ? 'the server is busy' : 'the server failed';
    return problem(
      { ok: false, status: early.status, error: 'unavailable', reason },
      early.retryAfter === undefined ? {} : { 'Retry-After': String(early.retryAfter) },
    );
  }
  // A client that hung up before the server started does not get its request processed.
  if (signal.aborted) return HttpResponse.error();
  let response = await run();
  if (faults.duplicate()) response = await run();
  const late = faults.late();
  if (late === 'lose') return HttpResponse.error();
  if (late === 'stall') await sleep(faults.settings.stallMs, signal);
  return response;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

function headersOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  request.headers.forEach((value, key) => (out[key] = value));
  return out;
}
