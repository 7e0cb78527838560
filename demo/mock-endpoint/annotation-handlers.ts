import { HttpResponse, type HttpHandler } from 'msw';
import { ANNOTATION_CONTEXT } from '../../src/core/annotation.js';
import { LIMITS, MediaType, paths, type AnnotationPage } from '../../src/sync/protocol.js';
import { forbidden, notFound, problem, type Incoming, type Route } from './responses.js';
import type { ServerAnnotation } from './server-store.js';
import { checkAnnotation, checkArticleId, checkBody, checkModeration, checkUuid } from './validation.js';

const LDP_RESOURCE = '<http://www.w3.org/ns/ldp#Resource>; rel="type"';
const LDP_CONTAINER = '<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"';

/**
 * The W3C Web Annotation Protocol part: a container at `{base}/annotations/`,
 * conditional PUT/DELETE with ETags, AnnotationPages; PATCH for moderation,
 * conditional on `If-Match` too. A hidden annotation is never listed to a reader.
 */
export function annotationHandlers(route: Route): HttpHandler[] {
  return [
    route('get', '/annotations/', async ({ store, caller, request, base }) => {
      const url = new URL(request.url);
      const article = url.searchParams.get('article');
      if (article !== null && !checkArticleId(article).ok) return problem({ ok: false, status: 400, error: 'invalid-article-id', reason: 'the article id is not valid' });
      const page = Number(url.searchParams.get('page') ?? '0');
      if (!Number.isInteger(page) || page < 0) return problem({ ok: false, status: 400, error: 'invalid-page', reason: 'page must be a whole number' });
      // Readers see their own, except what an editor hid; the editor sees everything shared.
      const all = (await store.listAnnotations(article))
        .filter((a) => caller.editor || (a.owner === caller.token && a.annotation['plaudit:status'] !== 'hidden'));
      const start = page * LIMITS.pageSize;
      const body: AnnotationPage = {
        '@context': ANNOTATION_CONTEXT,
        id: paths.annotationPage(base, article, page),
        type: 'AnnotationPage',
        partOf: {
          id: article === null ? paths.annotations(base) : `${paths.annotations(base)}?article=${encodeURIComponent(article)}`,
          type: 'AnnotationCollection',
          total: all.length,
        },
        startIndex: start,
        items: all.slice(start, start + LIMITS.pageSize).map((a) => a.annotation),
      };
      if (start + LIMITS.pageSize < all.length) body.next = paths.annotationPage(base, article, page + 1);
      if (page > 0) body.prev = paths.annotationPage(base, article, page - 1);
      const tag = `W/"p${page}-${hash(all.map((a) => a.etag).join())}"`;
      return ldJson(body, 200, { ETag: tag, Link: LDP_CONTAINER, Allow: 'GET, HEAD, OPTIONS', Vary: 'Authorization' });
    }),

    // The owner's own GET still answers a hidden annotation: after a 412 the
    // client reads it to merge, and must learn its status.
    route('get', '/annotations/:uuid', async (i) => {
      const found = await own(i, true);
      if (found instanceof Response) return found;
      return ldJson(found.annotation, 200, { ETag: found.etag, Link: LDP_RESOURCE });
    }),

    route('put', '/annotations/:uuid', async ({ store, caller, params, request, body }) => {
      if (caller.editor) return problem(forbidden('editors moderate with PATCH'));
      const uuid = checkUuid(params.uuid!, 'annotation');
      if (!uuid.ok) return problem(uuid);
      const json = checkBody(request.headers.get('Content-Type'), body, 'application/ld+json', LIMITS.maxAnnotationBytes);
      if (!json.ok) return problem(json);
      const annotation = checkAnnotation(json.value, uuid.value);
      if (!annotation.ok) return problem(annotation);
      const creator = annotation.value.creator;
      if (creator && !(await store.bindReader(creator.toLowerCase(), caller.token))) {
        return problem(forbidden("this is another reader's data"));
      }
      const result = await store.putAnnotation(uuid.value, annotation.value, caller.token, {
        ifMatch: request.headers.get('If-Match'),
        ifNoneMatch: request.headers.get('If-None-Match'),
      });
      if (result.status === 200 || result.status === 201) {
        return ldJson(result.stored.annotation, result.status, {
          ETag: result.stored.etag,
          Link: LDP_RESOURCE,
          ...(result.status === 201 ? { Location: paths.annotation('', uuid.value) } : {}),
        });
      }
      return writeFailure(result.status as 403 | 404 | 412 | 428, 'etag' in result ? result.etag : undefined);
    }),

    route('delete', '/annotations/:uuid', async ({ store, caller, params, request }) => {
      const uuid = checkUuid(params.uuid!, 'annotation');
      if (!uuid.ok) return problem(uuid);
      const result = await store.deleteAnnotation(uuid.value, caller.token, request.headers.get('If-Match'));
      if (result.status === 204) return new HttpResponse(null, { status: 204, headers: { ETag: result.etag } });
      return writeFailure(result.status as 403 | 404 | 412 | 428, 'etag' in result ? result.etag : undefined);
    }),

    route('patch', '/annotations/:uuid', async ({ store, caller, params, request, body }) => {
      if (!caller.editor) return problem(forbidden('only editors moderate'));
      const uuid = checkUuid(params.uuid!, 'annotation');
      if (!uuid.ok) return problem(uuid);
      const json = checkBody(request.headers.get('Content-Type'), body, 'application/json', 1024);
      if (!json.ok) return problem(json);
      const patch = checkModeration(json.value);
      if (!patch.ok) return problem(patch);
      const result = await store.moderate(uuid.value, patch.value['plaudit:status'], request.headers.get('If-Match'));
      if (result.status === 404) return problem(notFound('no such annotation'));
      if (result.status === 428) {
        return problem({ ok: false, status: 428, error: 'precondition-required', reason: 'send If-Match with the ETag of the version you moderate' });
      }
      if (result.status === 412) {
        // The editor's view was stale: send what is there now, so the review can show it and retry.
        const { current } = result;
        return HttpResponse.json(
          { error: 'precondition-failed', reason: 'the annotation changed since you loaded it', current: current.annotation },
          { status: 412, headers: { ETag: current.etag } },
        );
      }
      return ldJson(result.stored.annotation, 200, { ETag: result.stored.etag, Link: LDP_RESOURCE });
    }),
  ];
}

/** The caller's own annotation (or any, for the editor when `editorMay`), or the error to answer. */
async function own({ store, caller, params }: Incoming, editorMay: boolean): Promise<ServerAnnotation | Response> {
  const uuid = checkUuid(params.uuid!, 'annotation');
  if (!uuid.ok) return problem(uuid);
  const found = await store.getAnnotation(uuid.value);
  if (!found) return problem(notFound('no such annotation'));
  if (found.owner !== caller.token && !(editorMay && caller.editor)) return problem(forbidden("this is another reader's data"));
  return found;
}

function writeFailure(status: 403 | 404 | 412 | 428, etag: string | undefined): Response {
  const reasons = {
    403: ['forbidden', "this is another reader's data"],
    404: ['not-found', 'no such annotation'],
    412: ['precondition-failed', 'the annotation changed on the server'],
    428: ['precondition-required', 'send If-Match, or If-None-Match: * to create'],
  } as const;
  const [error, reason] = reasons[status];
  return problem({ ok: false, status, error, reason }, etag ? { ETag: etag } : {});
}

function ldJson(body: unknown, status: number, headers: Record<string, string>): Response {
  return new HttpResponse(JSON.stringify(body), { status, headers: { 'Content-Type': MediaType.Annotation, ...headers } });
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
