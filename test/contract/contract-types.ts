/**
 * The shapes a contract runner and the cases share. A runner (the mock's in a
 * browser, the Node server's over HTTP) builds one `ContractContext` per case,
 * records every exchange `call` makes and validates it against
 * `src/endpoint/openapi.json`; the cases only make requests and check answers.
 */

/** What a case may need beyond the protocol every server speaks; a runner skips cases it cannot serve. */
export type Capability =
  /** `GET`/`DELETE {endpoint}/readers/{readerId}`. */
  | 'readers'
  /** Preflights and CORS headers for `ContractContext.origin`. */
  | 'cors'
  /** Operations at the server root (`/healthz`). */
  | 'server';

export interface Reader {
  id: string;
  token: string;
}

export type CallInit = RequestInit & {
  /** The bearer token; defaults to the case's reader's; `null` sends no `Authorization`. */
  token?: string | null;
  /** The path is relative to the server root instead of the endpoint base (`/healthz`). */
  root?: boolean;
};

export interface ContractContext {
  /** A request to `{base}{path}` (`path` starts with `/`, query included). */
  call(path: string, init?: CallInit): Promise<Response>;
  /** An editor token the server accepts. */
  editorToken: string;
  /** A reader no server has seen: a random id and a random 256-bit token. */
  newReader(): Reader;
  /** The case's own reader, whose token `call` sends by default. */
  reader: Reader;
  /** The endpoint base as an absolute path, without a trailing slash (`/api/plaudit`). */
  base: string;
  /**
   * An origin the server allows (set when the runner has the `cors` capability). The server must
   * not allow every origin: one case checks that `https://not-allowed.invalid` is refused.
   */
  origin?: string;
}

export interface ContractCase {
  name: string;
  /** Capabilities the case needs; a runner without one of them skips the case. */
  needs?: Capability[];
  run(ctx: ContractContext): Promise<void>;
}

/** One request and its answer, as the validator reads it (`test/contract/openapi-validator.mjs`). */
export interface Exchange {
  method: string;
  /** Relative to the endpoint base (or the server root for `root` calls), with the query. */
  path: string;
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** The parsed JSON body; null when empty or not JSON. */
  body: unknown;
}

/** A fresh reader, as the widget makes one: a random UUID and 64 hex digits of token. */
export function freshReader(): Reader {
  return { id: crypto.randomUUID(), token: (crypto.randomUUID() + crypto.randomUUID()).replace(/-/g, '') };
}
