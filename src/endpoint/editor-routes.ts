import { periodStart, utcDay } from '../core/feedback-stats.js';
import { textHash } from '../core/text-hash.js';
import { LIMITS, MediaType, PERIODS, type ImportResult, type Period } from '../sync/protocol.js';
import { EditorViews, periodEdge, type ReviewQuery, type StoreView } from './editor-views.js';
import { noneMatch } from './etags.js';
import { forbidden, json, notFound, problem, type Incoming, type RouteSpec } from './responses.js';
import type { EndpointStorage } from './storage.js';
import type { Checked } from './validation.js';
import { checkArticleId, checkBody, checkImport } from './validation.js';

const bad = (error: string, reason: string) => ({ ok: false, status: 400, error, reason }) as const;

/**
 * The editor's part of the protocol: the story list and detail, the review
 * list and the import. Every GET answers with an ETag made of the storage's
 * version, the query, the UTC day (the daily series grows at midnight)
 * and, for a 7d/30d period, the first activity in it (the answer changes when
 * that leaves the period), so a repeat with `If-None-Match` is a 304 until
 * something changes. Reader tokens get 403.
 */
export function editorRoutes(storage: EndpointStorage): RouteSpec[] {
  const views = new EditorViews(storage);
  /**
   * An editor GET: 403 for readers, a 400 for a bad period or query (`check`,
   * before any 304), then a 304 when the client's copy is current.
   */
  const read = <Q,>(
    path: string,
    check: (i: Incoming, period: Period) => Checked<Q>,
    answer: (query: Q, view: StoreView, period: Period, now: number) => Promise<Response | unknown>,
  ): RouteSpec =>
    ['GET', path, async (i) => {
      if (!i.caller.editor) return problem(forbidden('the review is for editors'));
      const url = new URL(i.request.url);
      const period = checkPeriod(url.searchParams.get('period'));
      if (!period.ok) return problem(period);
      const query = check(i, period.value);
      if (!query.ok) return problem(query);
      const view = await views.view();
      const now = storage.now();
      const etag = `W/"w${textHash(view.version)}-${utcDay(now)}-${periodEdge(view, periodStart(period.value, now))}-${textHash(url.pathname + url.search)}"`;
      const headers = { ETag: etag, 'Cache-Control': 'private, no-cache', Vary: 'Authorization' };
      if (noneMatch(i.request.headers.get('If-None-Match'), etag)) return new Response(null, { status: 304, headers });
      const body = await answer(query.value, view, period.value, now);
      if (body instanceof Response) return body;
      return new Response(JSON.stringify(body), { headers: { 'Content-Type': MediaType.Json, ...headers } });
    }];
  const none = (): Checked<null> => ({ ok: true, value: null });

  return [
    read('/articles', none, async (_q, view, period, now) => views.summaries(view, period, now)),

    read('/articles/:articleId', ({ params }) => checkArticleId(params.articleId!), async (id, view, period, now) =>
      (await views.detail(view, id, period, now)) ?? problem(notFound('no such article'))),

    read('/review/annotations', ({ request }, period) => checkReviewQuery(new URL(request.url).searchParams, period),
      async (query, view, _period, now) => views.reviewPage(view, query, now)),

    ['POST', '/review/import', async ({ caller, request, body }) => {
      if (!caller.editor) return problem(forbidden('only editors import'));
      const parsed = checkBody(request.headers.get('Content-Type'), body, 'application/ld+json', LIMITS.maxImportBytes);
      if (!parsed.ok) return problem(parsed);
      const checked = checkImport(parsed.value);
      if (!checked.ok) {
        if (!checked.rejected) return problem(checked);
        const result: ImportResult = { created: 0, updated: 0, unchanged: 0, rejected: checked.rejected };
        return json({ error: checked.error, reason: checked.reason, ...result }, 422);
      }
      const counts = await storage.importAnnotations(checked.items);
      const result: ImportResult = { ...counts, rejected: [] };
      return json(result);
    }],
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
