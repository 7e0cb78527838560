import { ANNOTATION_CONTEXT } from '../core/annotation.js';
import { LIMITS, paths, type AnnotationPage } from '../sync/protocol.js';
import { forbidden, json, ldJson, notFound, problem, type Incoming, type RouteSpec } from './responses.js';
import type { StoredAnnotation } from './storage.js';
import { checkAnnotation, checkArticleId, checkBody, checkModeration, checkUuid } from './validation.js';

const LDP_RESOURCE = '<http://www.w3.org/ns/ldp#Resource>; rel="type"';
const LDP_CONTAINER = '<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"';

/**
 * The W3C Web Annotation Protocol part: a container at `{base}/annotations/`,
 * conditional PUT/DELETE with ETags, AnnotationPages; PATCH for moderation,
 * conditional on `If-Match` too. A hidden annotation is never listed to a reader.
 */
export const annotationRoutes: RouteSpec[] = [
  ['GET', '/annotations/', async ({ storage, caller, request, base }) => {
    const url = new URL(request.url);
    const article = url.searchParams.get('article');
    if (article !== null && !checkArticleId(article).ok) return problem({ ok: false, status: 400, error: 'invalid-article-id', reason: 'the article id is not valid' });
    const pageText = url.searchParams.get('page') ?? '0';
    const page = /^\d{1,9}$/.test(pageText) ? Number(pageText) : -1;
    if (page < 0) return problem({ ok: false, status: 400, error: 'invalid-page', reason: 'page must be a whole number from 0' });
    // Readers see their own, except what an editor hid; the editor sees everything shared.
    const all = await storage.listAnnotations({
      articleId: article,
      owner: caller.editor ? null : caller.tokenHash,
      includeHidden: caller.editor,
    });
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
  }],

  // The owner's own GET still answers a hidden annotation: after a 412 the
  // client reads it to merge, and must learn its status.
  ['GET', '/annotations/:uuid', async (i) => {
    const found = await own(i);
    if (found instanceof Response) return found;
    return ldJson(found.annotation, 200, { ETag: found.etag, Link: LDP_RESOURCE });
  }],

  ['PUT', '/annotations/:uuid', async ({ storage, caller, params, request, body, base }) => {
    if (caller.editor) return problem(forbidden('editors moderate with PATCH'));
    const uuid = checkUuid(params.uuid!, 'annotation');
    if (!uuid.ok) return problem(uuid);
    const parsed = checkBody(request.headers.get('Content-Type'), body, 'application/ld+json', LIMITS.maxAnnotationBytes);
    if (!parsed.ok) return problem(parsed);
    const annotation = checkAnnotation(parsed.value, uuid.value);
    if (!annotation.ok) return problem(annotation);
    const creator = annotation.value.creator;
    if (creator && !(await storage.bindReader(creator.toLowerCase(), caller.tokenHash))) {
      return problem(forbidden("this is another reader's data"));
    }
    const result = await storage.putAnnotation(uuid.value, annotation.value, caller.tokenHash, {
      ifMatch: request.headers.get('If-Match'),
      ifNoneMatch: request.headers.get('If-None-Match'),
    });
    if (result.status === 200 || result.status === 201) {
      return ldJson(result.stored.annotation, result.status, {
        ETag: result.stored.etag,
        Link: LDP_RESOURCE,
        ...(result.status === 201 ? { Location: paths.annotation(base, uuid.value) } : {}),
      });
    }
    return writeFailure(result.status as 403 | 404 | 412 | 428, 'etag' in result ? result.etag : undefined);
  }],

  ['DELETE', '/annotations/:uuid', async ({ storage, caller, params, request }) => {
    if (caller.editor) return problem(forbidden('editors hide annotations with PATCH'));
    const uuid = checkUuid(params.uuid!, 'annotation');
    if (!uuid.ok) return problem(uuid);
    const result = await storage.deleteAnnotation(uuid.value, caller.tokenHash, request.headers.get('If-Match'));
    if (result.status === 204) return new Response(null, { status: 204, headers: { ETag: result.etag } });
    return writeFailure(result.status as 403 | 404 | 412 | 428, 'etag' in result ? result.etag : undefined);
  }],

  ['PATCH', '/annotations/:uuid', async ({ storage, caller, params, request, body }) => {
    if (!caller.editor) return problem(forbidden('only editors moderate'));
    const uuid = checkUuid(params.uuid!, 'annotation');
    if (!uuid.ok) return problem(uuid);
    const parsed = checkBody(request.headers.get('Content-Type'), body, 'application/json', LIMITS.maxSmallBodyBytes);
    if (!parsed.ok) return problem(parsed);
    const patch = checkModeration(parsed.value);
    if (!patch.ok) return problem(patch);
    const result = await storage.moderate(uuid.value, patch.value['plaudit:status'], request.headers.get('If-Match'));
    if (result.status === 404) return problem(notFound('no such annotation'));
    if (result.status === 428) {
      return problem({ ok: false, status: 428, error: 'precondition-required', reason: 'send If-Match with the ETag of the version you moderate' });
    }
    if (result.status === 412) {
      // The editor's view was stale: send what is there now, so the review can show it and retry.
      const { current } = result;
      return json(
        { error: 'precondition-failed', reason: 'the annotation changed since you loaded it', current: current.annotation },
        412,
        { ETag: current.etag },
      );
    }
    return ldJson(result.stored.annotation, 200, { ETag: result.stored.etag, Link: LDP_RESOURCE });
  }],
];

/** The caller's own annotation (any, for the editor), or the error to answer. */
async function own({ storage, caller, params }: Incoming): Promise<StoredAnnotation | Response> {
  const uuid = checkUuid(params.uuid!, 'annotation');
  if (!uuid.ok) return problem(uuid);
  const found = await storage.getAnnotation(uuid.value);
  if (!found) return problem(notFound('no such annotation'));
  if (found.owner !== caller.tokenHash && !caller.editor) return problem(forbidden("this is another reader's data"));
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

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
