/**
 * Files for GET and HEAD outside the endpoint: the widget bundles and the
 * pages that use them. Each mount maps a URL prefix to a directory (or one URL
 * to one file). A request path is taken as sent, before URL normalisation, and
 * refused with a 404 when any segment, once decoded, starts with a dot (`..`,
 * `.env`, `.git`) or holds a slash, backslash or NUL; the resolved file, links
 * followed, must still lie inside the mount. HTML goes out with a strict
 * Content-Security-Policy, which the widgets are written to run under; SVG
 * with one that forbids scripts.
 */
import { createReadStream, realpathSync, statSync, type Stats } from 'node:fs';
import { stat, realpath } from 'node:fs/promises';
import { extname, join, relative, isAbsolute, sep } from 'node:path';
import { Readable } from 'node:stream';
import { jsonResponse } from './node-response.js';

export interface StaticMount {
  /** The URL path served from `path`: `/` or `/dist/` (a directory), or `/demo.css` (one file). */
  prefix: string;
  /** A directory or a file. */
  path: string;
}

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** What a page from these mounts may load: its own origin's scripts and styles, nothing inline. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

/**
 * An SVG opened on its own is a document that could run scripts under this
 * origin: none may run. Drawings often style with attributes, so those stay.
 */
export const SVG_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'";

interface ResolvedMount {
  prefix: string;
  root: string;
  file: boolean;
}

/**
 * Checks the mounts once (each path must exist; its links resolved) and
 * returns the function answering a request, or null when no mount matches.
 */
export function staticFiles(
  mounts: readonly StaticMount[],
): (path: string, method: string, ifNoneMatch: string | null) => Promise<Response | null> {
  const resolved: ResolvedMount[] = mounts
    .map((mount) => {
      const root = realpathSync(mount.path);
      const file = !statSync(root).isDirectory();
      const prefix = file ? mount.prefix : mount.prefix.replace(/\/*$/, '/');
      return { prefix, root, file };
    })
    // The longest prefix wins: `/dist/` before `/`.
    .sort((a, b) => b.prefix.length - a.prefix.length);

  return async (path, method, ifNoneMatch) => {
    const mount = resolved.find((m) => (m.file ? path === m.prefix : path.startsWith(m.prefix)));
    if (!mount) return null;
    const file = mount.file ? mount.root : await fileIn(mount.root, path.slice(mount.prefix.length));
    if (file === null) return notFound();
    let stats = await stat(file).catch(() => null);
    if (stats === null) return notFound();
    let target = file;
    if (stats.isDirectory()) {
      // A page's relative links need the slash.
      if (!path.endsWith('/')) return new Response(null, { status: 301, headers: { Location: `${path}/` } });
      target = join(file, 'index.html');
      stats = await stat(target).catch(() => null);
      if (stats === null || !stats.isFile()) return notFound();
    }
    if (!stats.isFile()) return notFound();
    return fileResponse(target, stats, method, ifNoneMatch);
  };
}

/** The file `rest` (a raw URL path below the mount) names inside `root`, or null when it is refused. */
async function fileIn(root: string, rest: string): Promise<string | null> {
  const parts = rest.split('/');
  const names: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === '') {
      // Only a trailing slash (a directory) may leave a segment empty.
      if (i === parts.length - 1) continue;
      return null;
    }
    let name: string;
    try {
      name = decodeURIComponent(part);
    } catch {
      return null;
    }
    if (name.startsWith('.') || /[/\\\0]/.test(name)) return null;
    names.push(name);
  }
  const candidate = join(root, ...names);
  if (!inside(root, candidate)) return null;
  // Links may point anywhere; what they lead to must still be inside.
  const real = await realpath(candidate).catch(() => null);
  return real !== null && inside(root, real) ? real : null;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function fileResponse(file: string, stats: Stats, method: string, ifNoneMatch: string | null): Response {
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  const out = new Headers({
    'Content-Type': type,
    'Cache-Control': 'no-cache',
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
  });
  if (type.startsWith('text/html')) {
    out.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    out.set('Referrer-Policy', 'no-referrer');
  } else if (type === 'image/svg+xml') {
    out.set('Content-Security-Policy', SVG_CONTENT_SECURITY_POLICY);
  }
  if (matches(ifNoneMatch, etag)) return new Response(null, { status: 304, headers: out });
  out.set('Content-Length', String(stats.size));
  if (method === 'HEAD') return new Response(null, { status: 200, headers: out });
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers: out });
}

/** Weak comparison, as If-None-Match uses. */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

function notFound(): Response {
  return jsonResponse(404, { error: 'not-found', reason: 'no such file' });
}
