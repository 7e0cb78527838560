import { paths } from '../../../src/sync/protocol.js';
import { annotationAt, articleId, assert, assertSame, expectError, expectStatus, json, MediaType, send, wire } from '../builders.js';
import type { ContractCase, ContractContext } from '../contract-types.js';

const EXPOSED = 'ETag, Retry-After, Location, Link';

function expectCors(response: Response, origin: string, what: string): void {
  const h = response.headers;
  assert(h.get('Access-Control-Allow-Origin') === origin, `${what}: Access-Control-Allow-Origin ${origin}, got ${h.get('Access-Control-Allow-Origin')}`);
  assert(/(^|,\s*)origin(\s*,|$)/i.test(h.get('Vary') ?? ''), `${what}: Vary lists Origin, got ${h.get('Vary')}`);
  assert(!h.has('Access-Control-Allow-Credentials'), `${what}: no credentials`);
}

/** One path of every path template under the base, with a method a page would preflight for it. */
function everyPath(ctx: ContractContext): Array<[string, string]> {
  const article = articleId();
  const uuid = crypto.randomUUID();
  return [
    ['/articles', 'GET'], [paths.article('', article), 'PUT'], [paths.claps('', article), 'GET'],
    [paths.readerClaps('', article, ctx.reader.id), 'PUT'], ['/annotations/', 'GET'], [annotationAt(uuid), 'DELETE'],
    [annotationAt(uuid), 'PATCH'], ['/review/annotations', 'GET'], [paths.import(''), 'POST'], [`/readers/${ctx.reader.id}`, 'DELETE'],
  ];
}

const origin = (ctx: ContractContext): string => {
  assert(ctx.origin, 'the runner gives an allowed origin with the cors capability');
  return ctx.origin;
};

export const serverCases: ContractCase[] = [
  {
    name: 'cors: a preflight from an origin not allowed (or any, with CORS off) is 403 without Access-Control-Allow-Origin',
    async run(ctx) {
      // A browser sends its own Origin (a script cannot set it): a same-origin page's is never on a cross-origin list.
      for (const [path, method] of everyPath(ctx)) {
        const response = await ctx.call(path, {
          method: 'OPTIONS', token: null,
          headers: { Origin: 'https://not-allowed.invalid', 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'authorization' },
        });
        await expectError(response, 403, 'forbidden', `preflight ${method} ${path}`);
        assert(!response.headers.has('Access-Control-Allow-Origin'), `${path}: no Access-Control-Allow-Origin`);
      }
    },
  },
  {
    name: 'server: GET /healthz at the server root answers {status: "ok"} without a token',
    needs: ['server'],
    async run(ctx) {
      assertSame(await json(await ctx.call('/healthz', { root: true, token: null }), 200, 'healthz'), { status: 'ok' }, 'healthy');
    },
  },
  {
    name: 'cors: a preflight from an allowed origin gets 204 with the methods, headers and max age, without a token',
    needs: ['cors'],
    async run(ctx) {
      const from = origin(ctx);
      for (const [path, method] of everyPath(ctx)) {
        const response = await ctx.call(path, {
          method: 'OPTIONS', token: null,
          headers: { Origin: from, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'authorization, content-type, if-match' },
        });
        await expectStatus(response, 204, `preflight ${method} ${path}`);
        expectCors(response, from, `preflight ${method} ${path}`);
        assert(response.headers.get('Access-Control-Allow-Methods') === 'GET, PUT, PATCH, DELETE, POST, OPTIONS', 'the methods');
        assert(response.headers.get('Access-Control-Allow-Headers') === 'Accept, Authorization, Content-Type, If-Match, If-None-Match', 'the headers');
        assert(response.headers.get('Access-Control-Max-Age') === '600', 'max age 600');
      }
    },
  },
  {
    name: 'cors: every answer to an allowed origin carries Access-Control-Allow-Origin, Vary: Origin and the exposed headers, never credentials',
    needs: ['cors'],
    async run(ctx) {
      const from = origin(ctx);
      const article = articleId();
      const note = wire(article, { creator: ctx.reader.id, note: 'Cross-origin.' });
      const answers: Array<[string, Response]> = [
        ['GET claps', await ctx.call(paths.claps('', article), { headers: { Origin: from } })],
        ['PUT annotation', await ctx.call(annotationAt(note), send('PUT', MediaType.Annotation, note, { headers: { Origin: from, 'If-None-Match': '*' } }))],
        ['a 401', await ctx.call(paths.claps('', article), { token: null, headers: { Origin: from } })],
        ['a 404', await ctx.call(annotationAt(crypto.randomUUID()), { headers: { Origin: from } })],
      ];
      for (const [what, response] of answers) {
        expectCors(response, from, what);
        assert(response.headers.get('Access-Control-Expose-Headers') === EXPOSED, `${what}: exposes ${EXPOSED}`);
      }
      const elsewhere = await ctx.call(paths.claps('', article), { headers: { Origin: 'https://not-allowed.invalid' } });
      assert(!elsewhere.headers.has('Access-Control-Allow-Origin'), 'an origin not allowed gets no Access-Control-Allow-Origin');
    },
  },
];
