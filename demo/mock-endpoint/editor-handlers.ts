import { HttpResponse, type HttpHandler } from 'msw';
import { periodStart, utcDay } from '../../src/core/feedback-stats.js';
import { textHash } from '../../src/core/text-hash.js';
import { LIMITS, MediaType, PERIODS, type ImportResult, type Period } from '../../src/sync/protocol.js';
import { importAnnotations } from './editor-store.js';
import { EditorViews, periodEdge, type ReviewQuery, type StoreView } from './editor-views.js';
import { forbidden, notFound, problem, type Incoming, type Route } from './responses.js';
import { noneMatch } from './server-meta.js';
import type { Checked } from './validation.js';
import { checkArticleId, checkBody, checkImport } from './validation.js';

const bad = (error: string, reason: string) => ({ ok: false, status: 400, error, reason }) as const;

/**
 * The editor's part of the protocol: the story list and detail, the review
 * list and the import. Every GET answers with an ETag made of the store's
 * write counter, the query, the UTC day (the daily series grows at midnight)
 * and, for a 7d/30d period, the first activity in it (the answer changes when
 * that leaves the period), so a repeat with `If-None-Match` is a 304 until
 * something changes. Reader tokens get 403.
 */
export function editorHandlers(route: Route): HttpHandler[] {
  const views = new WeakMap<object, EditorViews>();
  const viewsOf = (i: Incoming) => {
    let v = views.get(i.store);
    if (!v) views.set(i.store, (v = new EditorViews(i.store)));
    return v;
  };
  /** An editor GET: 403 for readers, a 400 for a bad period, a 304 when the client's copy is current. */
  const read = (path: string, answer: (i: Incoming, views: EditorViews, view: StoreView, period: Period, now: number) => Promise<Response | unknown>) =>
    route('get', path, async (i) => {
      if (!i.caller.editor) return problem(forbidden('the review is for editors'));
      const url = new URL(i.request.url);
      const period = checkPeriod(url.searchParams.get('period'));
      if (!period.ok) return problem(period);
      const v = viewsOf(i);
      const view = await v.view();
      const now = i.store.now();
      const etag = `W/"w${view.writes}-${utcDay(now)}-${periodEdge(view, periodStart(period.value, now))}-${textHash(url.pathname + url.search)}"`;
      const headers = { ETag: etag, 'Cache-Control': 'private, no-cache', Vary: 'Authorization' };
      if (noneMatch(i.request.headers.get('If-None-Match'), etag)) return new HttpResponse(null, { status: 304, headers });
      const body = await answer(i, v, view, period.value, now);
      if (body instanceof Response) return body;
      return new HttpResponse(JSON.stringify(body), { headers: { 'Content-Type': MediaType.Json, ...headers } });
    });

  return [
    read('/articles', async (_i, v, view, period, now) => v.summaries(view, period, now)),

    read('/articles/:articleId', async ({ params }, v, view, period, now) => {
      const id = checkArticleId(params.articleId!);
      if (!id.ok) return problem(id);
      return (await v.detail(view, id.value, period, now)) ?? problem(notFound('no such article'));
    }),

    read('/review/annotations', async ({ request }, v, view, period, now) => {
      const query = checkReviewQuery(new URL(request.url).searchParams, period);
      if (!query.ok) return problem(query);
      return v.reviewPage(view, query.value, now);
    }),

    route('post', '/review/import', async ({ store, caller, request, body }) => {
      if (!caller.editor) return problem(forbidden('only editors import'));
      // Refuse an oversize body on its declared length, before reading it as JSON.
      const declared = Number(request.headers.get('Content-Length') ?? '0');
      if (declared > LIMITS.maxImportBytes) return problem({ ok: false, status: 413, error: 'too-large', reason: `an import may be at most ${LIMITS.maxImportBytes} bytes` });
      const json = checkBody(request.headers.get('Content-Type'), body, 'application/ld+json', LIMITS.maxImportBytes);
      if (!json.ok) return problem(json);
      const checked = checkImport(json.value);
      if (!checked.ok) {
        if (!checked.rejected) return problem(checked);
        const result: ImportResult = { created: 0, updated: 0, unchanged: 0, rejected: checked.rejected };
        return HttpResponse.json({ error: checked.error, reason: checked.reason, ...result }, { status: 422 });
      }
      const counts = await importAnnotations(store, checked.items);
      const result: ImportResult = { ...counts, rejected: [] };
      return HttpResponse.json(result);
    }),
  ];
}

function checkPeriod(value: string | null): Checked<Period> {
  if (value === null) return { ok: true, value: 'all' };
  return (PERIODS as readonly string[]).includes(value)
    ? { ok: true, value: value as Period }
    : bad('invalid-period', 'period must be 7d, 30d or all');
}

/** The review list's query (see `ReviewPage`): anything unknown or out of range is a 400. */
export function checkReviewQuery(params: URLSearchParams, period: Period): Checked<ReviewQuery> {
  const article = params.get('article');
  if (article !== null && !checkArticleId(article).ok) return bad('invalid-article-id', 'the article id is not valid');
  const kind = params.get('kind');
  if (kind !== null && kind !== 'highlight' && kind !== 'note') return bad('invalid-kind', 'kind must be highlight or note');
  const status = params.get('status');
  if (status !== null && status !== 'new' && status !== 'reviewed' && status !== 'hidden') {
    return bad('invalid-status', 'status must be new, reviewed or hidden');
  }
  const sort = params.get('sort') ?? 'time';
  if (sort !== 'time' && sort !== 'position') return bad('invalid-sort', 'sort must be time or position');
  const offset = Number(params.get('offset') ?? '0');
  if (!Number.isSafeInteger(offset) || offset < 0) return bad('invalid-offset', 'offset must be a whole number from 0');
  const limit = Number(params.get('limit') ?? '100');
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.maxReviewPage) {
    return bad('invalid-limit', `limit must be a whole number from 1 to ${LIMITS.maxReviewPage}`);
  }
  const q = (params.get('q') ?? '').trim().toLowerCase();
  return { ok: true, value: { article, kind, status, q, period, sort, offset, limit } };
}
