/**
 * Reads a request body into memory, refusing one over a limit before any of
 * it is buffered: at once when `Content-Length` says so, else as soon as the
 * running count passes the limit (a chunked body, or a lying length). What
 * arrives after a refusal is dropped unread; the caller answers 413 and closes
 * the connection.
 */
import type { IncomingMessage } from 'node:http';

/** The body is larger than the limit; `declared` when `Content-Length` said so up front. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor(readonly limit: number, readonly declared: boolean) {
    super(`a request body may be at most ${limit} bytes`);
  }
}

/** The client went away, or sent a malformed body, before the body was complete. */
export class BodyAbortedError extends Error {
  override readonly name = 'BodyAbortedError';
}

/** The declared `Content-Length`, or null when absent (chunked) or not a plain decimal number. */
export function declaredLength(request: IncomingMessage): number | null {
  const value = request.headers['content-length'];
  return value !== undefined && /^\d{1,16}$/.test(value) ? Number(value) : null;
}

/** True when the request announces a body at all (Node has already rejected a malformed framing). */
export function hasBody(request: IncomingMessage): boolean {
  return request.headers['transfer-encoding'] !== undefined || (declaredLength(request) ?? 0) > 0;
}

/**
 * The whole body, at most `limit` bytes. Throws `BodyTooLargeError` without
 * reading on, or `BodyAbortedError` when the stream ends early.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = declaredLength(request);
  if (declared !== null && declared > limit) return Promise.reject(new BodyTooLargeError(limit, true));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      cleanup();
      chunks.length = 0;
      // Keep the stream flowing with no listener, so the rest is discarded, not queued.
      request.resume();
      reject(new BodyTooLargeError(limit, false));
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = () => {
      cleanup();
      reject(new BodyAbortedError('the request body was not complete'));
    };
    const onClose = () => {
      if (!request.complete) onError();
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}
