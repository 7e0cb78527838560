/**
 * CORS for a cross-origin endpoint (the embed snippet's usual case): which
 * origins may call, what they may send and what they may read. No credentials:
 * the protocol authenticates with bearer tokens, never cookies.
 */

export interface CorsOptions {
  /** Allowed origins (`https://blog.example`), or `'*'` for any. */
  origins: readonly string[] | '*';
}

const ALLOW_METHODS = 'GET, PUT, PATCH, DELETE, POST, OPTIONS';
/** `Accept` too: the client's `application/ld+json; profile="..."` holds quotes, so it is not CORS-safelisted. */
const ALLOW_HEADERS = 'Accept, Authorization, Content-Type, If-Match, If-None-Match';
const EXPOSE_HEADERS = 'ETag, Retry-After, Location, Link';

/** The request's origin when it is allowed, else null (then no CORS header is sent, and the browser refuses). */
export function allowedOrigin(cors: CorsOptions | undefined, request: Request): string | null {
  const origin = request.headers.get('Origin');
  if (!cors || origin === null) return null;
  return cors.origins === '*' || cors.origins.includes(origin) ? origin : null;
}

/** The answer to a preflight `OPTIONS`: 204 with the allowed methods and headers for an allowed origin, else 403. */
export function preflight(cors: CorsOptions | undefined, request: Request): Response {
  const origin = allowedOrigin(cors, request);
  if (origin === null) {
    return new Response(JSON.stringify({ error: 'forbidden', reason: 'this origin may not call the endpoint' }), {
      status: 403,
      headers: { 'Content-Type': 'application/json', Vary: 'Origin' },
    });
  }
  return new Response(null, {
    status: 204,
    headers: {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': ALLOW_METHODS,
      'Access-Control-Allow-Headers': ALLOW_HEADERS,
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    },
  });
}

/** Adds the CORS headers of an allowed origin to an answer (a new Response: fetch's may be immutable). */
export function withCors(cors: CorsOptions | undefined, request: Request, response: Response): Response {
  if (!cors) return response;
  const headers = new Headers(response.headers);
  if (!/\bOrigin\b/i.test(headers.get('Vary') ?? '')) headers.append('Vary', 'Origin');
  const origin = allowedOrigin(cors, request);
  if (origin !== null) {
    headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
