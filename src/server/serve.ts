/**
 * `plaudit-server serve`: opens the database, puts the endpoint handler behind
 * the HTTP server, and runs until told to stop (SIGTERM or SIGINT by default).
 * Stopping is graceful: requests in flight finish, then the database closes.
 */
import { createEndpoint } from '../endpoint/handler.js';
import { CACHE_TTL_MS } from '../endpoint/storage-cache.js';
import type { EndpointStorage } from '../endpoint/storage.js';
import { describeDatabase, type DatabaseConfig, type ServeConfig } from './config.js';
import type { CommandIo } from './editor-token-commands.js';
import { startHttpServer } from './http-server.js';
import { errorLabel } from './request-log.js';

export interface OpenedStorage<S> {
  storage: S;
  close(): Promise<void>;
}

export type StorageOpener<S> = (database: DatabaseConfig) => Promise<OpenedStorage<S>>;

/** What `serve` runs on: the protocol's storage, and a cheap round trip for `/healthz`. */
export type ServedStorage = EndpointStorage & { ping(): Promise<void> };

export interface ServeOptions extends CommandIo {
  openStorage: StorageOpener<ServedStorage>;
  /** Resolves when the server should stop; default: the first SIGTERM or SIGINT. */
  stop?: Promise<unknown>;
}

/** Runs the server until `stop`; resolves with the exit code. */
export async function serve(config: ServeConfig, options: ServeOptions): Promise<number> {
  const { stdout, stderr } = options;
  let opened: OpenedStorage<ServedStorage>;
  try {
    opened = await options.openStorage(config);
  } catch (error) {
    stderr.write(`plaudit-server: cannot open the database (${describeDatabase(config)}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    return 1;
  }
  const { storage } = opened;
  const handler = createEndpoint({
    storage,
    base: config.base,
    ...(config.allowedOrigins ? { cors: { origins: config.allowedOrigins } } : {}),
    rateLimit: config.rateLimit,
    cacheMs: CACHE_TTL_MS,
    // The request's own log line records the 500; this says what failed, by name only.
    onError: (error) => stdout.write(`${JSON.stringify({ time: new Date().toISOString(), event: 'handler-error', error: errorLabel(error) })}\n`),
  });
  let server: Awaited<ReturnType<typeof startHttpServer>>;
  try {
    server = await startHttpServer({
      handler,
      port: config.port,
      host: config.host,
      base: config.base,
      staticDir: config.staticMounts,
      maxBodyBytes: config.maxBodyBytes,
      requestTimeoutMs: config.requestTimeoutMs,
      log: stdout,
      health: () => storage.ping(),
    });
  } catch (error) {
    stderr.write(`plaudit-server: cannot listen on ${config.host}:${config.port}: ${errorLabel(error)}\n`);
    await opened.close();
    return 1;
  }
  stderr.write(`Plaudit server on ${server.origin}${config.base} (${describeDatabase(config)})\n`);

  await (options.stop ?? stopSignal());
  stderr.write('Stopping: finishing requests in flight...\n');
  await server.close();
  await opened.close();
  stderr.write('Stopped.\n');
  return 0;
}

/** The first SIGTERM or SIGINT; a second one while stopping exits at once. */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const first = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', first);
      process.off('SIGINT', first);
      process.once('SIGTERM', () => process.exit(1));
      process.once('SIGINT', () => process.exit(130));
      resolve(signal);
    };
    process.on('SIGTERM', first);
    process.on('SIGINT', first);
  });
}
