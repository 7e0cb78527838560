/**
 * The Node adapter: a `node:http` server around the fetch-standard endpoint
 * handler. It owns what is about the connection rather than the protocol:
 * body size limits (refused before buffering), a per-request time limit, the
 * health check, static files, the request log and a graceful shutdown.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLargeError, hasBody, readBody } from './read-body.js';
import { rawPath, toFetchRequest } from './node-request.js';
import { jsonResponse, writeResponse } from './node-response.js';
import { errorLabel, writeLogLine, type LogSink } from './request-log.js';
import { staticFiles, type StaticMount } from './static-files.js';

export interface HttpServerOptions {
  /** The protocol: a fetch-standard function (`createEndpoint(...)`). */
  handler: (request: Request) => Promise<Response>;
  /** 0 picks a free port (see `port` on the result). */
  port: number;
  host: string;
  /** The endpoint's path; static files are never served under it. Default `/api/plaudit`. */
  base?: string;
  /** Files for GETs outside `base`: one directory served at `/`, or several mounts. */
  staticDir?: string | readonly StaticMount[];
  /** Larger request bodies get a 413 and are never buffered. */
  maxBodyBytes: number;
  /** A handler that has not answered by then gets a 503 with `Retry-After: 5`. Default 15 s. */
  requestTimeoutMs?: number;
  /** How long `close()` waits for requests in flight before cutting their connections. Default 10 s. */
  shutdownTimeoutMs?: number;
  /** Where request log lines go; default stdout. */
  log?: LogSink;
  /** A cheap database call for `GET /healthz`; throwing makes it a 503. */
  health: () => Promise<unknown>;
}

export interface HttpServer {
  /** `http://host:port`, with the port actually bound. */
  readonly origin: string;
  readonly port: number;
  /**
   * Stops accepting connections, lets requests in flight finish (their
   * handlers included, even ones already answered with a timeout) for up to
   * `shutdownTimeoutMs`, closes idle keep-alive connections, then resolves:
   * the caller may close the database.
   */
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_SHUTDOWN_MS = 10_000;
/** How long a client may take to send a whole request (a 20 MiB import on a slow line). */
const RECEIVE_TIMEOUT_MS = 120_000;

/** The answers the server itself gives, in the endpoint's `{error, reason}` shape. */
function problem(status: number, error: string, reason: string, headers?: Record<string, string>): Response {
  return jsonResponse(status, { error, reason }, headers);
}

export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const base = (options.base ?? '/api/plaudit').replace(/\/+$/, '');
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const shutdownMs = options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_MS;
  const log = options.log ?? process.stdout;
  const mounts = typeof options.staticDir === 'string' ? [{ prefix: '/', path: options.staticDir }] : options.staticDir;
  const serveStatic = mounts && mounts.length > 0 ? staticFiles(mounts) : null;
  /** Handler calls not yet settled, answered or not: shutdown waits for them before the database closes. */
  const pending = new Set<Promise<unknown>>();
  let closing: Promise<void> | null = null;
  let fallbackHost = `${options.host}:${options.port}`;

  const underBase = (path: string) => path === base || path.startsWith(`${base}/`);

  /** Runs `work` against the clock: its answer, or a 503 when time runs out (the work is then aborted). */
  async function timed(work: () => Promise<Response>, abort: AbortController): Promise<{ response: Response; error?: string }> {
    const call = work();
    pending.add(call);
    void call.catch(() => {}).finally(() => pending.delete(call));
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    // A client that has left needs no answer (nor a timer kept alive for it).
    const gone = new Promise<'gone'>((resolve) => abort.signal.addEventListener('abort', () => resolve('gone'), { once: true }));
    try {
      const outcome = await Promise.race([call, expired, gone]);
      if (outcome === 'gone') {
        void call.then((late) => late.body?.cancel(), () => {});
        return { response: problem(499, 'client-gone', 'the client closed the connection'), error: 'client-gone' };
      }
      if (outcome !== 'timeout') return { response: outcome };
      abort.abort(new Error('the request timed out'));
      // A late answer is dropped.
      void call.then((late) => late.body?.cancel(), () => {});
      return {
        response: problem(503, 'timeout', 'the server took too long to answer; try again', { 'Retry-After': '5' }),
        error: 'timeout',
      };
    } catch (error) {
      return { response: problem(500, 'server-error', 'the server failed'), error: errorLabel(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  async function answer(req: IncomingMessage, path: string, abort: AbortController): Promise<{ response: Response; error?: string; close?: boolean }> {
    const method = req.method ?? 'GET';
    const read = method === 'GET' || method === 'HEAD';
    if (path === '/healthz' && read) {
      return timed(async () => {
        try {
          await options.health();
          return jsonResponse(200, { status: 'ok' });
        } catch {
          return jsonResponse(503, { status: 'unavailable' }, { 'Retry-After': '5' });
        }
      }, abort);
    }
    if (serveStatic && read && !underBase(path)) {
      const response = await serveStatic(path, method, req.headers['if-none-match'] ?? null);
      if (response) return { response };
    }
    let body: Buffer | null = null;
    if (hasBody(req)) {
      try {
        body = await readBody(req, options.maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          return { response: problem(413, 'too-large', error.message), close: true };
        }
        return { response: problem(400, 'bad-request', 'the request body was not complete'), error: 'aborted', close: true };
      }
    }
    const request = toFetchRequest(req, body, abort.signal, fallbackHost);
    return timed(() => options.handler(request), abort);
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const time = new Date().toISOString();
    const method = req.method ?? 'GET';
    const path = rawPath(req);
    const abort = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) abort.abort(new Error('the client went away'));
    });
    let status = 500;
    let bytes = 0;
    let error: string | undefined;
    try {
      const outcome = await answer(req, path, abort);
      status = outcome.response.status;
      error = outcome.error;
      bytes = await writeResponse(res, outcome.response, { head: method === 'HEAD', close: Boolean(outcome.close) || closing !== null });
    } catch (failure) {
      error = errorLabel(failure);
      if (!res.headersSent) {
        status = 500;
        bytes = await writeResponse(res, problem(500, 'server-error', 'the server failed')).catch(() => 0);
      }
    } finally {
      const line = { time, method, path, status, durationMs: Math.round((performance.now() - started) * 10) / 10, bytes };
      writeLogLine(log, error === undefined ? line : { ...line, error });
      if (closing) server.closeIdleConnections();
    }
  }

  const server = createServer({ requestTimeout: RECEIVE_TIMEOUT_MS }, (req, res) => void onRequest(req, res));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  fallbackHost = `${hostPart}:${address.port}`;

  return {
    origin: `http://${fallbackHost}`,
    port: address.port,
    close() {
      closing ??= (async () => {
        const deadline = performance.now() + shutdownMs;
        const cut = setTimeout(() => server.closeAllConnections(), shutdownMs);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        clearTimeout(cut);
        // Handlers answered with a timeout may still be writing to the database.
        const left = deadline - performance.now();
        if (pending.size > 0 && left > 0) {
          let wait: NodeJS.Timeout | undefined;
          await Promise.race([Promise.allSettled([...pending]), new Promise((done) => (wait = setTimeout(done, left)))]);
          clearTimeout(wait);
        }
      })();
      return closing;
    },
  };
}

