/**
 * Node's `IncomingMessage` as a fetch `Request`, for the platform-neutral
 * endpoint handler. The URL is absolute, from the `Host` header when it looks
 * like one (else the address the server listens on); hop-by-hop headers stay
 * behind, since they describe this connection and not the request.
 */
import type { IncomingMessage } from 'node:http';

const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade',
]);

/** A host name or address with an optional port; anything else in `Host` is ignored. */
const HOST = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/** The origin requests are resolved against: `http://` and the `Host` header, or `fallbackHost`. */
export function requestOrigin(request: IncomingMessage, fallbackHost: string): string {
  const host = request.headers.host;
  return `http://${host !== undefined && HOST.test(host) ? host : fallbackHost}`;
}

/** The path of `request.url` without its query string, as sent (not decoded or normalised). */
export function rawPath(request: IncomingMessage): string {
  const url = request.url ?? '/';
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/** `body` is the already-read body (null for none); `signal` aborts when the client leaves or time runs out. */
export function toFetchRequest(
  request: IncomingMessage,
  body: Buffer | null,
  signal: AbortSignal,
  fallbackHost: string,
): Request {
  const target = request.url ?? '/';
  const origin = requestOrigin(request, fallbackHost);
  // Appended, not resolved: `//x` is a path here, not another host. An
  // absolute-form target keeps its path; `*` (OPTIONS *) becomes `/`.
  const url = target.startsWith('/') ? new URL(`${origin}${target}`) : URL.canParse(target) ? new URL(target) : new URL('/', origin);
  const headers = new Headers();
  const raw = request.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (!HOP_BY_HOP.has(name)) headers.append(name, raw[i + 1]!);
  }
  const method = request.method ?? 'GET';
  const withBody = body !== null && method !== 'GET' && method !== 'HEAD';
  if (withBody) headers.set('content-length', String(body.length));
  // Buffer.concat allocates a plain ArrayBuffer, never a shared one.
  return new Request(url, { method, headers, body: withBody ? (body as Uint8Array<ArrayBuffer>) : null, signal });
}
