// The Node adapter around the endpoint handler: requests and responses
// converted faithfully, bodies over the limit refused before they are
// buffered, the time limit, errors, the health check and the request log.
// A stub handler stands in for the endpoint.
import { strict as assert } from 'node:assert';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { startHttpServer, type HttpServer, type HttpServerOptions } from '../../src/server/http-server.js';

type Handler = HttpServerOptions['handler'];

/** Collects log lines; `next()` resolves with the next one written. */
function logSink() {
  const lines: string[] = [];
  let waiting: Array<(line: string) => void> = [];
  return {
    lines,
    write(line: string) {
      lines.push(line);
      const ready = waiting;
      waiting = [];
      ready.forEach((resolve) => resolve(line));
    },
    next(): Promise<string> {
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}

async function withServer(
  options: Partial<HttpServerOptions> & { handler: Handler },
  run: (server: HttpServer, log: ReturnType<typeof logSink>) => Promise<void>,
): Promise<void> {
  const log = logSink();
  const server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    maxBodyBytes: 1024,
    health: async () => {},
    log,
    ...options,
  });
  try {
    await run(server, log);
  } finally {
    await server.close();
  }
}

/**
 * Writes `head` (and then each of `parts` once the previous answer part is
 * awaited by the caller) on a raw socket; resolves with everything the server
 * sent once it closes the connection.
 */
function rawExchange(port: number, head: string, body: Buffer = Buffer.alloc(0)): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(received).toString('latin1')));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close while we still write; what it said counts.
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') resolve(Buffer.concat(received).toString('latin1'));
      else reject(error);
    });
    socket.write(head);
    if (body.length > 0) socket.write(body);
  });
}

const ok: Handler = async () => new Response('ok');

describe('http-server: requests and responses', () => {
  it('hands the handler an absolute URL, the method, every header and the body', async () => {
    let seen: { url: string; method: string; accept: string | null; via: string | null; body: string; hop: string | null } | undefined;
    await withServer({
      handler: async (request) => {
        seen = {
          url: request.url,
          method: request.method,
          accept: request.headers.get('accept'),
          via: request.headers.get('x-via'),
          body: await request.text(),
          hop: request.headers.get('connection'),
        };
        return new Response('done', { status: 201 });
      },
    }, async (server) => {
      const response = await fetch(`${server.origin}/api/plaudit/articles/a?x=1`, {
        method: 'PUT',
        headers: [['Accept', 'application/json'], ['X-Via', 'one'], ['X-Via', 'two']],
        body: '{"count":3}',
      });
      assert.equal(response.status, 201);
      assert.equal(await response.text(), 'done');
    });
    const { url, ...rest } = seen!;
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/api\/plaudit\/articles\/a\?x=1$/);
    assert.deepEqual(rest, {
      method: 'PUT',
      accept: 'application/json',
      via: 'one, two',
      body: '{"count":3}',
      hop: null,
    });
  });

  it('keeps the URL on this server whatever the request target or Host header says', async () => {
    const seen: string[] = [];
    await withServer({ handler: async (request) => (seen.push(request.url), new Response('ok')) }, async (server) => {
      const send = (head: string) => rawExchange(server.port, `${head}\r\nConnection: close\r\n\r\n`);
      assert.match(await send('GET //evil.example/api/plaudit/x HTTP/1.1\r\nHost: localhost:1'), /^HTTP\/1\.1 200/);
      assert.match(await send('GET /api/plaudit/y HTTP/1.1\r\nHost: bad host!'), /^HTTP\/1\.1 200/);
    });
    assert.equal(seen[0], 'http://localhost:1//evil.example/api/plaudit/x');
    assert.match(seen[1]!, /^http:\/\/127\.0\.0\.1:\d+\/api\/plaudit\/y$/);
  });

  it('writes the status, repeated headers and a streamed body', async () => {
    const encoder = new TextEncoder();
    await withServer({
      handler: async () => {
        const headers = new Headers({ 'Content-Type': 'text/plain', Link: '<a>; rel="next"' });
        headers.append('Set-Cookie', 'a=1');
        headers.append('Set-Cookie', 'b=2');
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < 50; i++) controller.enqueue(encoder.encode(`${'x'.repeat(1000)}\n`));
            controller.close();
          },
        });
        return new Response(body, { status: 207, headers });
      },
    }, async (server, log) => {
      const logged = log.next();
      const response = await fetch(`${server.origin}/api/plaudit/x`);
      assert.equal(response.status, 207);
      assert.deepEqual(response.headers.getSetCookie(), ['a=1', 'b=2']);
      assert.equal(response.headers.get('link'), '<a>; rel="next"');
      assert.equal((await response.text()).length, 50 * 1001);
      assert.equal(JSON.parse(await logged).bytes, 50 * 1001);
    });
  });

  it('answers HEAD without a body', async () => {
    await withServer({ handler: async () => new Response('something', { headers: { 'Content-Length': '9' } }) }, async (server) => {
      const response = await fetch(`${server.origin}/api/plaudit/x`, { method: 'HEAD' });
      assert.equal(response.status, 200);
      assert.equal(await response.text(), '');
    });
  });

  it('lets a body up to the limit through, byte for byte', async () => {
    const sent = Buffer.alloc(1024, 7);
    let got: Uint8Array | undefined;
    await withServer({
      handler: async (request) => {
        got = new Uint8Array(await request.arrayBuffer());
        return new Response(null, { status: 204 });
      },
    }, async (server) => {
      const response = await fetch(`${server.origin}/api/plaudit/import`, { method: 'POST', body: sent });
      assert.equal(response.status, 204);
    });
    assert.deepEqual(Buffer.from(got!), sent);
  });
});

describe('http-server: body limit', () => {
  it('refuses a declared Content-Length over the limit before a byte of the body arrives', async () => {
    let called = false;
    await withServer({ handler: async () => ((called = true), new Response('no')) }, async (server) => {
      // Only the head is sent: an answer proves nothing waited for the body.
      const answer = await rawExchange(
        server.port,
        'POST /api/plaudit/import HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n',
      );
      assert.match(answer, /^HTTP\/1\.1 413 /);
      assert.match(answer, /connection: close/i);
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
      assert.equal(body.error, 'too-large');
      assert.match(body.reason, /1024 bytes/);
    });
    assert.equal(called, false);
  });

  it('stops reading a chunked body as soon as it passes the limit', async () => {
    let called = false;
    await withServer({ handler: async () => ((called = true), new Response('no')) }, async (server) => {
      // 2000 bytes of a body that never ends: the answer comes anyway.
      const chunk = Buffer.alloc(2000, 97);
      const answer = await rawExchange(
        server.port,
        'PUT /api/plaudit/x HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n',
        Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]),
      );
      assert.match(answer, /^HTTP\/1\.1 413 /);
      assert.match(answer, /"error":"too-large"/);
    });
    assert.equal(called, false);
  });

  it('refuses an oversized streamed upload from fetch with a readable 413', async () => {
    await withServer({ handler: ok }, async (server) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 64; i++) controller.enqueue(new Uint8Array(16 * 1024));
          controller.close();
        },
      });
      const response = await fetch(`${server.origin}/api/plaudit/import`, { method: 'POST', body, duplex: 'half' } as RequestInit);
      assert.equal(response.status, 413);
      assert.equal((await response.json()).error, 'too-large');
    });
  });
});

describe('http-server: time limit and failures', () => {
  it('answers 503 with Retry-After when the handler is too slow, and aborts its signal', async () => {
    let aborted!: Promise<void>;
    await withServer({
      requestTimeoutMs: 50,
      handler: (request) => {
        aborted = new Promise((resolve) => request.signal.addEventListener('abort', () => resolve()));
        return new Promise<Response>((resolve) => request.signal.addEventListener('abort', () => resolve(new Response('late'))));
      },
    }, async (server, log) => {
      const logged = log.next();
      const response = await fetch(`${server.origin}/api/plaudit/slow`);
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('retry-after'), '5');
      assert.deepEqual(await response.json(), { error: 'timeout', reason: 'the server took too long to answer; try again' });
      await aborted;
      const line = JSON.parse(await logged);
      assert.equal(line.status, 503);
      assert.equal(line.error, 'timeout');
    });
  });

  it('answers 500 when the handler throws, and logs the error by name without its message', async () => {
    await withServer({
      handler: async () => {
        throw new TypeError('reader wrote: my secret note');
      },
    }, async (server, log) => {
      const logged = log.next();
      const response = await fetch(`${server.origin}/api/plaudit/x`);
      assert.equal(response.status, 500);
      assert.deepEqual(await response.json(), { error: 'server-error', reason: 'the server failed' });
      const line = await logged;
      assert.equal(JSON.parse(line).error, 'TypeError');
      assert.doesNotMatch(line, /secret|note/);
    });
  });
});

describe('http-server: /healthz', () => {
  it('is 200 when the health check passes', async () => {
    let checks = 0;
    await withServer({ handler: ok, health: async () => void checks++ }, async (server) => {
      const response = await fetch(`${server.origin}/healthz`);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { status: 'ok' });
    });
    assert.equal(checks, 1);
  });

  it('is 503 when the database check throws', async () => {
    await withServer({
      handler: ok,
      health: async () => {
        throw new Error('connection refused');
      },
    }, async (server) => {
      const response = await fetch(`${server.origin}/healthz`);
      assert.equal(response.status, 503);
      assert.equal((await response.json()).status, 'unavailable');
    });
  });
});

describe('http-server: request log', () => {
  it('writes one JSON line per request, with no token, query or body in it', async () => {
    const token = 'reader-token-5f1c9a0e7b3d4c2a';
    const note = 'A private thought about the third paragraph';
    await withServer({ handler: async (request) => new Response(await request.text(), { status: 201 }) }, async (server, log) => {
      const first = log.next();
      const put = await fetch(`${server.origin}/api/plaudit/annotations/1?token=${token}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ bodyValue: note }),
      });
      assert.equal(put.status, 201);
      await put.text();
      await first;
      const second = log.next();
      await (await fetch(`${server.origin}/healthz`)).text();
      await second;
      assert.equal(log.lines.length, 2);
      const [line] = log.lines.map((l) => JSON.parse(l));
      assert.deepEqual(Object.keys(line).sort(), ['bytes', 'durationMs', 'method', 'path', 'status', 'time']);
      assert.equal(line.method, 'PUT');
      assert.equal(line.path, '/api/plaudit/annotations/1');
      assert.equal(line.status, 201);
      assert.ok(line.bytes > 0);
      assert.ok(!Number.isNaN(Date.parse(line.time)));
      const all = log.lines.join('');
      assert.ok(!all.includes(token), 'the token is not logged');
      assert.ok(!all.includes('private thought'), 'the note is not logged');
      assert.ok(log.lines.every((l) => l.endsWith('\n') && l.indexOf('\n') === l.length - 1));
    });
  });
});
