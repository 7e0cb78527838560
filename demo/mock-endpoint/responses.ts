import { HttpResponse, type HttpHandler } from 'msw';
import { MediaType, type ErrorBody } from '../../src/sync/protocol.js';
import type { ServerStore } from './server-store.js';
import type { Checked } from './validation.js';

/** Who is calling: a reader's token, or the editor. */
export interface Caller {
  token: string;
  editor: boolean;
}

/** What each route gets. */
export interface Incoming {
  request: Request;
  params: Record<string, string>;
  body: string;
  store: ServerStore;
  caller: Caller;
  base: string;
}

export type Route = (method: 'get' | 'put' | 'post' | 'delete' | 'patch', path: string, handle: (i: Incoming) => Promise<Response>) => HttpHandler;

/** An error answer with the protocol's `{error, reason}` body. */
export function problem(failure: Extract<Checked<unknown>, { ok: false }>, headers: Record<string, string> = {}): Response {
  const body: ErrorBody = { error: failure.error, reason: failure.reason };
  return HttpResponse.json(body, { status: failure.status, headers: { 'Content-Type': MediaType.Json, ...headers } });
}

export const forbidden = (reason: string) => ({ ok: false, status: 403, error: 'forbidden', reason }) as const;
export const notFound = (reason: string) => ({ ok: false, status: 404, error: 'not-found', reason }) as const;

