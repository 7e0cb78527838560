import { http, HttpResponse, type HttpHandler } from 'msw';
import { createEndpoint, type Endpoint } from '../../src/endpoint/handler.js';
import { Busy } from './busy.js';
import { Faults } from './faults.js';
import { RequestLog } from './request-log.js';
import { EDITOR_TOKEN, type ServerStore } from './server-store.js';

export { EDITOR_TOKEN };

export interface MockEndpointOptions {
  /** The endpoint path, as in `endpoint="/api/plaudit"`. */
  base?: string;
  store: ServerStore | Promise<ServerStore>;
  faults?: Faults;
  log?: RequestLog;
  /** Refuses requests with 429/503 and `Retry-After` in either form, when switched on. */
  busy?: Busy;
}

/**
 * The mock Plaudit server as msw handlers, for the demo's service worker and
 * for tests (the same objects). Everything the protocol says is the shared
 * endpoint's (`src/endpoint/handler.ts`, the one the Node server runs) over
 * the mock's IndexedDB storage; the mock adds only what a test needs around
 * it: a request log, fault injection and a busy switch.
 */
export function createHandlers(options: MockEndpointOptions): HttpHandler[] {
  const base = (options.base ?? '/api/plaudit').replace(/\/+$/, '');
  const faults = options.faults ?? new Faults();
  const log = options.log ?? new RequestLog();
  const busy = options.busy ?? new Busy();
  let endpoint: Promise<Endpoint> | null = null;
  const endpointOf = () => (endpoint ??= Promise.resolve(options.store).then((storage) => createEndpoint({ storage, base })));

  return [
    http.all(`${base}/*`, async ({ request }) => {
      const body = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.clone().text();
      const logged = log.add({ method: request.method, url: request.url, headers: headersOf(request), body, at: performance.now() });
      const answer = async () => (await endpointOf())(request.clone());
      const refused = busy.take();
      const response = refused
        ? HttpResponse.json(refused.status === 429 ? { error: 'rate-limited', reason: 'too many requests, slow down' } : { error: 'unavailable', reason: 'the server is busy' }, { status: refused.status, headers: { 'Retry-After': refused.retryAfter } })
        : await withFaults(faults, request.signal, answer);
      logged.outcome = response.type === 'error' ? 'network-error' : response.status;
      return response;
    }),
  ];
}

async function withFaults(faults: Faults, signal: AbortSignal, run: () => Promise<Response>): Promise<Response> {
  if (faults.settings.latencyMs > 0) await sleep(faults.settings.latencyMs, signal);
  const early = faults.early();
  if (early?.type === 'network') return HttpResponse.error();
  if (early) {
    const reason = early.status === 429 ? 'too many requests, slow down' : early.status === 503 ? 'the server is busy' : 'the server failed';
    return HttpResponse.json(
      { error: 'unavailable', reason },
      { status: early.status, headers: early.retryAfter === undefined ? {} : { 'Retry-After': String(early.retryAfter) } },
    );
  }
  // A client that hung up before the server started does not get its request processed.
  if (signal.aborted) return HttpResponse.error();
  let response = await run();
  if (faults.duplicate()) response = await run();
  const late = faults.late();
  if (late === 'lose') return HttpResponse.error();
  if (late === 'stall') await sleep(faults.settings.stallMs, signal);
  return response;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

function headersOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  request.headers.forEach((value, key) => (out[key] = value));
  return out;
}
