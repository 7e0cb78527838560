// Graceful shutdown: `close()` stops accepting at once, lets requests in
// flight finish (within a bound), drops idle keep-alive connections, and
// resolves only when the database may be closed.
import { strict as assert } from 'node:assert';
import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { startHttpServer, type HttpServerOptions } from '../../src/server/http-server.js';

function start(options: Partial<HttpServerOptions> & Pick<HttpServerOptions, 'handler'>) {
  return startHttpServer({ port: 0, host: '127.0.0.1', maxBodyBytes: 1024, health: async () => {}, log: { write() {} }, ...options });
}

/** A promise with its resolve function outside. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Resolves with the error code of a connection attempt (or 'connected'). */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

function getText(port: number, path: string, agent?: Agent): Promise<{ status: number; body: string; connection?: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, ...(agent ? { agent } : {}) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body, ...(res.headers.connection ? { connection: res.headers.connection } : {}) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('http-server: graceful shutdown', () => {
  it('lets a slow request in flight finish while new connections are refused', async () => {
    const arrived = deferred();
    const release = deferred();
    const server = await start({
      shutdownTimeoutMs: 30_000,
      handler: async () => {
        arrived.resolve();
        await release.promise;
        return new Response('finished');
      },
    });
    const slow = getText(server.port, '/api/plaudit/slow');
    await arrived.promise;
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    assert.equal(await tryConnect(server.port), 'ECONNREFUSED');
    assert.equal(closed, false, 'close() waits for the request in flight');
    release.resolve();
    const answer = await slow;
    assert.equal(answer.status, 200);
    assert.equal(answer.body, 'finished');
    assert.equal(answer.connection, 'close', 'the client is told not to reuse the connection');
    await closing;
    assert.equal(closed, true);
  });

  it('closes idle keep-alive connections instead of waiting for them', async () => {
    const server = await start({ shutdownTimeoutMs: 60_000, handler: async () => new Response('hi') });
    const agent = new Agent({ keepAlive: true });
    assert.equal((await getText(server.port, '/api/plaudit/a', agent)).body, 'hi');
    // The agent keeps the socket open; close() must not wait the minute out.
    await server.close();
    agent.destroy();
  });

  it('cuts requests that outlast the shutdown bound', async () => {
    const arrived = deferred();
    const server = await start({
      shutdownTimeoutMs: 100,
      requestTimeoutMs: 60_000,
      handler: async () => {
        arrived.resolve();
        return new Promise<Response>(() => {});
      },
    });
    const stuck = getText(server.port, '/api/plaudit/stuck').then(() => 'answered', (error: NodeJS.ErrnoException) => error.code);
    await arrived.promise;
    await server.close();
    assert.equal(await stuck, 'ECONNRESET');
  });

  it('waits for a handler already answered with a timeout, so the database is not closed under it', async () => {
    const release = deferred();
    let finished = false;
    const server = await start({
      requestTimeoutMs: 20,
      shutdownTimeoutMs: 30_000,
      handler: async () => {
        await release.promise;
        finished = true;
        return new Response('too late');
      },
    });
    assert.equal((await getText(server.port, '/api/plaudit/slow')).status, 503);
    const closing = server.close();
    assert.equal(await tryConnect(server.port), 'ECONNREFUSED');
    assert.equal(finished, false);
    release.resolve();
    await closing;
    assert.equal(finished, true);
  });
});
