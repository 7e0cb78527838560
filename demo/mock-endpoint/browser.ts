import type { HttpHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { Faults } from './faults.js';
import { createHandlers } from './handlers.js';
import { RequestLog } from './request-log.js';
import { seedServer } from './seed.js';
import { ServerStore } from './server-store.js';

/** The running mock: its worker, state, fault switches and request log. */
export interface MockEndpoint {
  worker: SetupWorker;
  handlers: HttpHandler[];
  store: Promise<ServerStore>;
  faults: Faults;
  log: RequestLog;
  stop(): void;
}

export interface StartOptions {
  base?: string;
  /** Seed the believable feedback on first start (default true; tests pass false). */
  seed?: boolean;
  faults?: Faults;
  log?: RequestLog;
}

/**
 * Starts the demo's server: msw's worker (served at `/mockServiceWorker.js`)
 * answering `{base}/*` from a state kept in the `plaudit-mock-server` database.
 */
export async function startMockEndpoint(options: StartOptions = {}): Promise<MockEndpoint> {
  const faults = options.faults ?? new Faults();
  const log = options.log ?? new RequestLog();
  const store = ServerStore.open().then(async (s) => {
    if (options.seed !== false) await seedServer(s);
    return s;
  });
  const handlers = createHandlers({ base: options.base ?? '/api/plaudit', store, faults, log });
  const worker = setupWorker(...handlers);
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });
  await store;
  return {
    worker,
    handlers,
    store,
    faults,
    log,
    stop() {
      worker.stop();
      void store.then((s) => s.close());
    },
  };
}
