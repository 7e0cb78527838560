import { textHash } from '../core/text-hash.js';
import { LIMITS } from '../sync/protocol.js';
import { noneMatch } from './etags.js';
import { forbidden, json, notFound, problem, type Caller, type RouteSpec } from './responses.js';
import type { EndpointStorage } from './storage.js';
import { checkArticleId, checkBody, checkClapPut, checkRegistration, checkUuid } from './validation.js';

/**
 * A reader's part besides annotations: the article registration, claps, and
 * their own data (export and erase). A reader id is bound to the first token
 * that writes for it; every other token gets 403 on it.
 */
export const readerRoutes: RouteSpec[] = [
  ['PUT', '/articles/:articleId', async ({ storage, caller, params, request, body }) => {
    if (caller.editor) return problem(forbidden('editors do not register articles'));
    const id = checkArticleId(params.articleId!);
    if (!id.ok) return problem(id);
    const parsed = checkBody(request.headers.get('Content-Type'), body, 'application/json', LIMITS.maxRegistrationBytes);
    if (!parsed.ok) return problem(parsed);
    const registration = checkRegistration(parsed.value);
    if (!registration.ok) return problem(registration);
    const existed = await storage.putArticle(id.value, registration.value);
    return json(registration.value, existed ? 200 : 201);
  }],

  // Pages poll this: a weak ETag of the answer (the story's clap state as this caller sees it) makes an unchanged story a 304.
  ['GET', '/articles/:articleId/claps', async ({ storage, caller, params, request }) => {
    const id = checkArticleId(params.articleId!);
    if (!id.ok) return problem(id);
    const reader = caller.editor ? null : await storage.readerForToken(caller.tokenHash);
    const totals = await storage.totals(id.value, reader);
    const etag = `W/"c${textHash(`${id.value}\n${totals.total}\n${totals.clappers}\n${totals.mine}`)}"`;
    const headers = { ETag: etag, 'Cache-Control': 'private, no-cache', Vary: 'Authorization' };
    if (noneMatch(request.headers.get('If-None-Match'), etag)) return new Response(null, { status: 304, headers });
    return json(totals, 200, headers);
  }],

  ['GET', '/articles/:articleId/claps/:readerId', async ({ storage, caller, params }) => {
    const id = checkArticleId(params.articleId!);
    const reader = checkUuid(params.readerId!, 'reader');
    if (!id.ok) return problem(id);
    if (!reader.ok) return problem(reader);
    if (!caller.editor && (await storage.readerForToken(caller.tokenHash)) !== reader.value) {
      return problem(forbidden("this is another reader's data"));
    }
    const claps = await storage.readerClaps(id.value, reader.value);
    return claps ? json({ count: claps.count, rev: claps.rev }) : problem(notFound('no claps yet'));
  }],

  ['PUT', '/articles/:articleId/claps/:readerId', async ({ storage, caller, params, request, body }) => {
    if (caller.editor) return problem(forbidden('editors do not clap'));
    const id = checkArticleId(params.articleId!);
    const reader = checkUuid(params.readerId!, 'reader');
    if (!id.ok) return problem(id);
    if (!reader.ok) return problem(reader);
    const parsed = checkBody(request.headers.get('Content-Type'), body, 'application/json', LIMITS.maxSmallBodyBytes);
    if (!parsed.ok) return problem(parsed);
    const put = checkClapPut(parsed.value);
    if (!put.ok) return problem(put);
    if (!(await storage.bindReader(reader.value, caller.tokenHash))) return problem(forbidden("this is another reader's data"));
    return json(await storage.putClaps(id.value, reader.value, put.value));
  }],

  // A reader's own data, all of it: what the server keeps about them, and erasure.
  ['GET', '/readers/:readerId', async ({ storage, caller, params }) => {
    const reader = await ownReader(storage, caller, params.readerId!);
    if (reader instanceof Response) return reader;
    return json(await storage.readerData(reader, caller.tokenHash), 200, { 'Cache-Control': 'no-store' });
  }],

  ['DELETE', '/readers/:readerId', async ({ storage, caller, params }) => {
    const reader = await ownReader(storage, caller, params.readerId!);
    if (reader instanceof Response) return reader;
    return json({ deleted: await storage.deleteReader(reader, caller.tokenHash) });
  }],
];

/**
 * The reader id when it is the caller's: not bound to another token, and the
 * caller's token not bound to another id (a reader who never wrote has nothing
 * stored, and gets an empty answer). Nothing is bound here: a read has no side effect.
 */
async function ownReader(storage: EndpointStorage, caller: Caller, raw: string): Promise<string | Response> {
  if (caller.editor) return problem(forbidden('a reader manages their own data with their own token'));
  const reader = checkUuid(raw, 'reader');
  if (!reader.ok) return problem(reader);
  const [holder, bound] = await Promise.all([storage.tokenOfReader(reader.value), storage.readerForToken(caller.tokenHash)]);
  if ((holder !== null && holder !== caller.tokenHash) || (bound !== null && bound !== reader.value)) {
    return problem(forbidden("this is another reader's data"));
  }
  return reader.value;
}
