/**
 * The command line and environment of `plaudit-server`, read into one plain
 * object per command. Flags win over environment variables, which win over the
 * defaults. A bad value is a `ConfigError` with a one-line message (the CLI
 * prints it and exits 2); nothing here opens a database or a port.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { LIMITS } from '../core/protocol-limits.js';
import type { StaticMount } from './static-files.js';

/** Where the data lives: PostgreSQL when `databaseUrl` is set, else PGlite in `dataDir`. */
export interface DatabaseConfig {
  databaseUrl: string | null;
  dataDir: string;
}

export interface ServeConfig extends DatabaseConfig {
  port: number;
  /** `127.0.0.1` unless told otherwise: put a reverse proxy in front, or pass `--host 0.0.0.0` (containers). */
  host: string;
  base: string;
  /** Origins allowed to call the endpoint cross-origin; null sends no CORS headers (same origin only). */
  allowedOrigins: readonly string[] | '*' | null;
  staticMounts: readonly StaticMount[];
  rateLimit: { perMinute: number; burst: number } | false;
  maxBodyBytes: number;
  requestTimeoutMs: number;
}

export type Command =
  | { command: 'serve'; config: ServeConfig }
  | { command: 'editor-token create'; database: DatabaseConfig; name: string }
  | { command: 'editor-token list'; database: DatabaseConfig; json: boolean }
  | { command: 'editor-token revoke'; database: DatabaseConfig; target: string }
  | { command: 'help' };

/** A usage mistake: bad flag, bad value, unknown command. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** What each option is when neither a flag nor a variable sets it (the usage text quotes these). */
export const DEFAULTS = {
  port: 8787,
  host: '127.0.0.1',
  dataDir: './plaudit-data',
  base: '/api/plaudit',
  rateLimitPerMinute: 600,
  /** The largest import, plus room for the JSON around it: the endpoint's own 413 then says why. */
  maxBodyBytes: LIMITS.maxImportBytes + 64 * 1024,
  requestTimeoutMs: 15_000,
} as const;

const DATABASE_OPTIONS = ['database-url', 'data-dir'] as const;
const SERVE_OPTIONS = [
  ...DATABASE_OPTIONS, 'port', 'host', 'base', 'allow-origin', 'static', 'rate-limit', 'max-body', 'request-timeout',
] as const;

const OPTIONS = {
  'database-url': { type: 'string' },
  'data-dir': { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  base: { type: 'string' },
  'allow-origin': { type: 'string', multiple: true },
  static: { type: 'string', multiple: true },
  'rate-limit': { type: 'string' },
  'max-body': { type: 'string' },
  'request-timeout': { type: 'string' },
  name: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Env = Readonly<Record<string, string | undefined>>;
type Values = ReturnType<typeof parse>['values'];

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
}

/** Reads `argv` (without `node` and the script) and `env` into a command; throws `ConfigError`. */
export function parseCommand(argv: readonly string[], env: Env): Command {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    // parseArgs explains at length; the first sentence is the point.
    throw new ConfigError(String((error as Error).message).split(/\.\s/)[0]!.replace(/\.$/, ''));
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return { command: 'help' };
  const [first = 'serve', second, ...rest] = positionals;
  if (first === 'serve') {
    expectPositionals(positionals.slice(1), 0, 'serve');
    allowOnly(values, SERVE_OPTIONS, 'serve');
    return { command: 'serve', config: serveConfig(values, env) };
  }
  if (first === 'editor-token') {
    const database = databaseConfig(values, env);
    if (second === 'create') {
      expectPositionals(rest, 0, 'editor-token create');
      allowOnly(values, [...DATABASE_OPTIONS, 'name'], 'editor-token create');
      const name = values.name?.trim();
      if (!name) throw new ConfigError('editor-token create needs --name NAME');
      if (!/^[\w.@ -]{1,64}$/u.test(name)) throw new ConfigError(`--name: "${name}" must be 1-64 letters, digits, spaces or . _ @ -`);
      if (/^\d+$/.test(name)) throw new ConfigError(`--name: "${name}" is a number, which revoke would take for an id`);
      return { command: 'editor-token create', database, name };
    }
    if (second === 'list') {
      expectPositionals(rest, 0, 'editor-token list');
      allowOnly(values, [...DATABASE_OPTIONS, 'json'], 'editor-token list');
      return { command: 'editor-token list', database, json: Boolean(values.json) };
    }
    if (second === 'revoke') {
      allowOnly(values, DATABASE_OPTIONS, 'editor-token revoke');
      if (rest.length !== 1) throw new ConfigError('editor-token revoke needs one ID or NAME');
      return { command: 'editor-token revoke', database, target: rest[0]! };
    }
    throw new ConfigError(second === undefined ? 'editor-token needs create, list or revoke' : `unknown editor-token command "${second}"`);
  }
  throw new ConfigError(`unknown command "${first}"`);
}

function expectPositionals(extra: readonly string[], count: number, command: string): void {
  if (extra.length > count) throw new ConfigError(`${command}: unexpected argument "${extra[count]}"`);
}

function allowOnly(values: Values, allowed: readonly string[], command: string): void {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && key !== 'help' && !allowed.includes(key)) {
      throw new ConfigError(`--${key} does not apply to ${command}`);
    }
  }
}

function databaseConfig(values: Values, env: Env): DatabaseConfig {
  const url = pick(values['database-url'], env.DATABASE_URL);
  if (url !== undefined) {
    let parsedUrl: URL | null = null;
    try {
      parsedUrl = new URL(url);
    } catch {
      // reported below, without echoing what may hold a password
    }
    if (!parsedUrl || !/^postgres(?:ql)?:$/.test(parsedUrl.protocol)) {
      throw new ConfigError('--database-url / DATABASE_URL: not a postgres:// or postgresql:// URL');
    }
  }
  const dataDir = pick(values['data-dir'], env.PLAUDIT_DATA_DIR) ?? DEFAULTS.dataDir;
  return { databaseUrl: url ?? null, dataDir };
}

function serveConfig(values: Values, env: Env): ServeConfig {
  const base = parseBase(pick(values.base, env.PLAUDIT_BASE) ?? DEFAULTS.base);
  return {
    ...databaseConfig(values, env),
    port: parsePort(pick(values.port, env.PORT)),
    host: parseHost(pick(values.host, env.HOST) ?? DEFAULTS.host),
    base,
    allowedOrigins: parseOrigins(list(values['allow-origin'], env.PLAUDIT_ALLOWED_ORIGINS)),
    staticMounts: parseMounts(list(values.static, env.PLAUDIT_STATIC_DIR), base),
    rateLimit: parseRateLimit(pick(values['rate-limit'], env.PLAUDIT_RATE_LIMIT)),
    maxBodyBytes: parseBytes(pick(values['max-body'], env.PLAUDIT_MAX_BODY)),
    requestTimeoutMs: parseTimeout(pick(values['request-timeout'], env.PLAUDIT_REQUEST_TIMEOUT)),
  };
}

/** The flag, else the environment variable; an empty variable counts as unset. */
function pick(flag: string | undefined, variable: string | undefined): string | undefined {
  return flag ?? (variable === undefined || variable.trim() === '' ? undefined : variable);
}

/** Repeated flags (or else the variable), each comma-separated. */
function list(flags: readonly string[] | undefined, variable: string | undefined): string[] {
  const raw = flags && flags.length > 0 ? flags : pick(undefined, variable) !== undefined ? [variable!] : [];
  return raw.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULTS.port;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port <= 65535)) throw new ConfigError(`--port / PORT: "${value}" is not a port number (0-65535)`);
  return port;
}

function parseHost(value: string): string {
  if (!/^(?:[A-Za-z0-9.-]{1,253}|[0-9A-Fa-f:.]{2,45})$/.test(value)) {
    throw new ConfigError(`--host / HOST: "${value}" is not a host name or address`);
  }
  return value;
}

function parseBase(value: string): string {
  const base = value.replace(/\/+$/, '');
  if (!/^(?:\/[A-Za-z0-9._~-]+)+$/.test(base)) {
    throw new ConfigError(`--base / PLAUDIT_BASE: "${value}" must be a path like /api/plaudit`);
  }
  return base;
}

function parseOrigins(values: readonly string[]): readonly string[] | '*' | null {
  if (values.length === 0) return null;
  if (values.includes('*')) {
    if (values.length > 1) throw new ConfigError('--allow-origin: * allows every origin and cannot be combined with others');
    return '*';
  }
  for (const value of values) {
    let origin: string | null = null;
    try {
      const url = new URL(value);
      if (url.protocol === 'http:' || url.protocol === 'https:') origin = url.origin;
    } catch {
      // reported below
    }
    if (origin !== value) {
      throw new ConfigError(`--allow-origin: "${value}" is not an origin (scheme://host[:port], no path or slash)`);
    }
  }
  return [...new Set(values)];
}

function parseMounts(values: readonly string[], base: string): StaticMount[] {
  return values.map((value) => {
    const split = value.startsWith('/') ? value.indexOf('=') : -1;
    const prefix = split === -1 ? '/' : value.slice(0, split);
    const path = split === -1 ? value : value.slice(split + 1);
    if (!/^\/(?:[A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]*$/.test(prefix) || prefix.split('/').some((part) => part.startsWith('.'))) {
      throw new ConfigError(`--static: "${prefix}" is not a URL path prefix like / or /dist/`);
    }
    if (prefix === base || prefix.startsWith(`${base}/`)) {
      throw new ConfigError(`--static: "${prefix}" is inside the endpoint's path ${base}`);
    }
    if (!path || !existsSync(path)) throw new ConfigError(`--static: "${path}" does not exist`);
    return { prefix, path };
  });
}

function parseRateLimit(value: string | undefined): ServeConfig['rateLimit'] {
  const match = /^(\d{1,7})(?:\/(\d{1,7}))?$/.exec(value ?? String(DEFAULTS.rateLimitPerMinute));
  if (!match) throw new ConfigError(`--rate-limit / PLAUDIT_RATE_LIMIT: "${value}" is not N or N/BURST (requests per minute)`);
  const perMinute = Number(match[1]);
  if (perMinute === 0) return false;
  const burst = match[2] === undefined ? Math.max(1, Math.ceil(perMinute / 10)) : Number(match[2]);
  if (burst < 1) throw new ConfigError('--rate-limit: the burst must be at least 1');
  return { perMinute, burst };
}

function parseBytes(value: string | undefined): number {
  if (value === undefined) return DEFAULTS.maxBodyBytes;
  const match = /^(\d{1,12})([kKmM]?)$/.exec(value);
  const bytes = match ? Number(match[1]) * (/k/i.test(match[2]!) ? 1024 : /m/i.test(match[2]!) ? 1024 * 1024 : 1) : NaN;
  if (!(bytes >= 1024 && bytes <= 2 ** 31)) {
    throw new ConfigError(`--max-body / PLAUDIT_MAX_BODY: "${value}" is not a size from 1024 bytes to 2048M (e.g. 1048576, 512k, 20M)`);
  }
  return bytes;
}

function parseTimeout(value: string | undefined): number {
  if (value === undefined) return DEFAULTS.requestTimeoutMs;
  const seconds = /^\d{1,4}(?:\.\d{1,3})?$/.test(value) ? Number(value) : NaN;
  if (!(seconds > 0 && seconds <= 3600)) {
    throw new ConfigError(`--request-timeout / PLAUDIT_REQUEST_TIMEOUT: "${value}" is not a number of seconds (0-3600)`);
  }
  return Math.round(seconds * 1000);
}

/** A database URL fit to print: host, port and database, never the user or password. */
export function describeDatabase(database: DatabaseConfig): string {
  if (database.databaseUrl === null) return `PGlite in ${database.dataDir}`;
  try {
    const url = new URL(database.databaseUrl);
    return `PostgreSQL on ${url.host || 'localhost'}${url.pathname.length > 1 ? url.pathname : ''}`;
  } catch {
    return 'PostgreSQL';
  }
}
