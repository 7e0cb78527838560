/**
 * The Plaudit protocol as one fetch-standard function, `(Request) => Promise<Response>`:
 * routing, authentication, validation, conditional requests, limits, CORS and
 * errors, over an `EndpointStorage`. The msw mock (demo and browser tests)
 * calls it with IndexedDB storage, the Node server with SQL storage, so the two
 * cannot disagree. It uses fetch's `Request`/`Response`, URL and Web Crypto
 * only: no Node or DOM API. The spec is `openapi.json` beside it.
 */
import { LIMITS } from '../core/protocol-limits.js';
import { annotationRoutes } from './annotation-routes.js';
import { preflight, withCors, type CorsOptions } from './cors.js';
import { editorRoutes } from './editor-routes.js';
import { RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { readerRoutes } from './reader-routes.js';
import { json, problem } from './responses.js';
import { createRouter } from './router.js';
import type { EndpointStorage } from './storage.js';
import { withCaches } from './storage-cache.js';
import { hashToken } from './tokens.js';
import { checkBearer } from './validation.js';

export interface EndpointOptions {
  storage: EndpointStorage;
  /** The endpoint's path, as authors write it in `endpoint="..."`; default `/api/plaudit`. */
  base?: string;
  /** Cross-origin callers; without it no CORS header is sent (same-origin only). */
  cors?: CorsOptions;
  /** Requests per token; off when absent or false. */
  rateLimit?: RateLimitOptions | false;
  /**
   * Keep "is this an editor's token" and "this reader id is bound to this token"
   * for this long (`storage-cache.ts`): a clap then costs one database round trip.
   * Off by default (the mock, whose tests rewrite storage underneath).
   */
  cacheMs?: number;
  /** A failure inside a route (a bug or a database error): the request gets a 500, this gets the error. */
  onError?: (error: unknown) => void;
}

export type Endpoint = (request: Request) => Promise<Response>;

export function createEndpoint(options: EndpointOptions): Endpoint {
  const { cors } = options;
  const storage = options.cacheMs ? withCaches(options.storage, options.cacheMs) : options.storage;
  const base = (options.base ?? '/api/plaudit').replace(/\/+$/, '');
  const router = createRouter([...readerRoutes, ...annotationRoutes, ...editorRoutes(storage)]);
  const limiter = options.rateLimit ? new RateLimiter(options.rateLimit, () => storage.now()) : null;

  async function answer(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith(`${base}/`)) return problem({ ok: false, status: 404, error: 'not-found', reason: 'no such path' });
    if (request.method === 'OPTIONS') return preflight(cors, request);
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const route = router.match(method, pathname.slice(base.length));
    if (route === null) return problem({ ok: false, status: 404, error: 'not-found', reason: 'no such path' });
    if ('methods' in route) {
      return problem({ ok: false, status: 405, error: 'method-not-allowed', reason: `use ${route.methods.join(' or ')}` }, {
        Allow: [...route.methods, 'OPTIONS'].join(', '),
      });
    }
    // The largest body any route takes; each route checks its own limit after reading.
    if (Number(request.headers.get('Content-Length') ?? 0) > LIMITS.maxImportBytes) {
      return problem({ ok: false, status: 413, error: 'too-large', reason: `a request may be at most ${LIMITS.maxImportBytes} bytes` });
    }
    const auth = checkBearer(request.headers.get('Authorization'));
    if (!auth.ok) return problem(auth, { 'WWW-Authenticate': 'Bearer' });
    const tokenHash = await hashToken(auth.value);
    const wait = limiter?.take(tokenHash) ?? 0;
    if (wait > 0) {
      return problem({ ok: false, status: 429, error: 'rate-limited', reason: 'too many requests, slow down' }, { 'Retry-After': String(wait) });
    }
    const caller = { tokenHash, editor: await storage.isEditor(tokenHash) };
    const body = method === 'GET' || method === 'DELETE' ? '' : await request.text();
    const response = await route.handler({ request, params: route.params, body, storage, caller, base });
    return request.method === 'HEAD' ? new Response(null, { status: response.status, headers: response.headers }) : response;
  }

  return async (request) => {
    let response: Response;
    try {
      response = await answer(request);
    } catch (error) {
      options.onError?.(error);
      response = json({ error: 'server-error', reason: 'the server failed' }, 500);
    }
    return withCors(cors, request, response);
  };
}
