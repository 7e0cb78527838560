/**
 * Writes a fetch `Response` to Node's `ServerResponse`: status, every header
 * (each `Set-Cookie` on its own line), and the body streamed with
 * backpressure. A client that leaves mid-body cancels the stream.
 */
import type { ServerResponse } from 'node:http';

/**
 * The server's own JSON answers (errors, health): with a `Content-Length`, so
 * a 413 sent before closing the connection is not chunked.
 */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(text)),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    },
  });
}

/** Statuses that never carry a body. */
const NO_BODY = new Set([101, 204, 205, 304]);

export function copyHeaders(from: Headers, to: ServerResponse): void {
  from.forEach((value, name) => {
    if (name !== 'set-cookie') to.setHeader(name, value);
  });
  const cookies = from.getSetCookie();
  if (cookies.length > 0) to.setHeader('set-cookie', cookies);
}

/**
 * Sends `response` and resolves with the body bytes written, once the last one
 * is handed to the socket. `head` drops the body (a HEAD request). Rejects when
 * the body stream fails; the socket is then destroyed, since the status has gone.
 */
export async function writeResponse(
  target: ServerResponse,
  response: Response,
  options: { head?: boolean; close?: boolean } = {},
): Promise<number> {
  target.statusCode = response.status;
  if (response.statusText) target.statusMessage = response.statusText;
  copyHeaders(response.headers, target);
  if (options.close) target.setHeader('connection', 'close');
  const body = response.body;
  if (body === null || options.head || NO_BODY.has(response.status)) {
    if (body !== null) void body.cancel().catch(() => {});
    await end(target);
    return 0;
  }
  const reader = body.getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (target.destroyed) {
        void reader.cancel().catch(() => {});
        return bytes;
      }
      bytes += value.byteLength;
      if (!target.write(value)) await drained(target);
    }
  } catch (error) {
    target.destroy();
    throw error;
  }
  await end(target);
  return bytes;
}

function end(target: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (target.destroyed) return resolve();
    target.end(() => resolve());
    target.once('close', () => resolve());
  });
}

/** Waits for room in the socket's buffer, or for the socket to go away. */
function drained(target: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      target.off('drain', done);
      target.off('close', done);
      resolve();
    };
    target.on('drain', done);
    target.on('close', done);
  });
}
