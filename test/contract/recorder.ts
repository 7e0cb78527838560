/**
 * The context a runner hands each contract case: `call` sends the request
 * with the case reader's bearer token and records the exchange, so the runner
 * can validate every answer against the OpenAPI document afterwards.
 * Fetch-standard only: the mock's runner passes its in-page fetch, the Node
 * server's runner the global one.
 */
import { freshReader, type CallInit, type ContractContext, type Exchange } from './contract-types.js';

export interface RecorderOptions {
  fetch: typeof fetch;
  /** The server's origin (`http://127.0.0.1:8787`), or '' for the page's own. */
  server?: string;
  /** The endpoint base, an absolute path without a trailing slash (`/api/plaudit`). */
  base: string;
  editorToken: string;
  /** An origin the server allows, for the `cors` cases. */
  origin?: string;
}

export interface Recording {
  ctx: ContractContext;
  /** Every exchange `ctx.call` made, in order. */
  exchanges: Exchange[];
}

export function recordingContext({ fetch: send, server = '', base, editorToken, origin }: RecorderOptions): Recording {
  const exchanges: Exchange[] = [];
  const reader = freshReader();
  const ctx: ContractContext = {
    editorToken,
    reader,
    base,
    newReader: freshReader,
    ...(origin === undefined ? {} : { origin }),
    async call(path: string, init: CallInit = {}) {
      const { token = reader.token, root = false, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token !== null) headers.set('Authorization', `Bearer ${token}`);
      const response = await send(`${server}${root ? '' : base}${path}`, { ...rest, headers });
      const text = await response.clone().text();
      let body: unknown = null;
      try {
        body = text === '' ? null : JSON.parse(text);
      } catch {
        // not JSON: the validator reports it where JSON is documented
      }
      const answered: Record<string, string> = {};
      response.headers.forEach((value, name) => (answered[name.toLowerCase()] = value));
      exchanges.push({ method: (rest.method ?? 'GET').toUpperCase(), path, status: response.status, headers: answered, body });
      return response;
    },
  };
  return { ctx, exchanges };
}
