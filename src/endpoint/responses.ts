import { MediaType, type ErrorBody } from '../sync/protocol.js';
import type { EndpointStorage } from './storage.js';
import type { Checked } from './validation.js';

/** Who is calling: the SHA-256 of their bearer token, and whether it is an editor's. */
export interface Caller {
  tokenHash: string;
  editor: boolean;
}

/** What each route gets. */
export interface Incoming {
  request: Request;
  params: Record<string, string>;
  /** The request body as text ('' for GET and DELETE). */
  body: string;
  storage: EndpointStorage;
  caller: Caller;
  /** The endpoint path, e.g. `/api/plaudit` (no trailing slash). */
  base: string;
}

export type Method = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';
export type RouteHandler = (i: Incoming) => Promise<Response>;
/** A route: method, a path under the base with `:name` parameters, and its handler. */
export type RouteSpec = [Method, string, RouteHandler];

/** A JSON answer. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': MediaType.Json, ...headers } });
}

/** A JSON-LD annotation answer, with the W3C profile. */
export function ldJson(body: unknown, status: number, headers: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': MediaType.Annotation, ...headers } });
}

/** An error answer with the protocol's `{error, reason}` body. */
export function problem(failure: Extract<Checked<unknown>, { ok: false }>, headers: Record<string, string> = {}): Response {
  const body: ErrorBody = { error: failure.error, reason: failure.reason };
  return json(body, failure.status, headers);
}

export const forbidden = (reason: string) => ({ ok: false, status: 403, error: 'forbidden', reason }) as const;
export const notFound = (reason: string) => ({ ok: false, status: 404, error: 'not-found', reason }) as const;
