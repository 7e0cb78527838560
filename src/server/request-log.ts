/**
 * One JSON line per request, for log collectors. It records what happened,
 * never what was said: no query string (it may carry ids an author did not
 * mean to publish), no headers (`Authorization` holds tokens), no bodies
 * (notes are readers' words). A failure is logged by its name and code only,
 * since messages and stacks can quote user data.
 */

/** Anything with `write`, such as `process.stdout` or a test's collector. */
export interface LogSink {
  write(line: string): unknown;
}

export interface RequestLogLine {
  /** ISO time the request arrived. */
  time: string;
  method: string;
  /** The path as sent, without the query string. */
  path: string;
  status: number;
  /** From arrival to the last byte handed to the socket. */
  durationMs: number;
  /** Response body bytes. */
  bytes: number;
  /** Set when the server failed (`TypeError`, `ECONNREFUSED`, `timeout`, ...). */
  error?: string;
}

/** Paths are capped so a hostile URL cannot flood the log. */
const MAX_PATH = 512;

export function writeLogLine(sink: LogSink, line: RequestLogLine): void {
  const path = line.path.length > MAX_PATH ? `${line.path.slice(0, MAX_PATH)}...` : line.path;
  sink.write(`${JSON.stringify({ ...line, path })}\n`);
}

/** What a log may say about an error: its code (`ECONNREFUSED`, `57P01`) or else its class name. */
export function errorLabel(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const code = (error as { code?: unknown }).code;
    const name = (error as { name?: unknown }).name;
    const label = typeof code === 'string' && /^[A-Za-z0-9_]{1,32}$/.test(code) ? code : typeof name === 'string' ? name : '';
    if (/^[A-Za-z0-9_]{1,64}$/.test(label)) return label;
  }
  return 'error';
}
