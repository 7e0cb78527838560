export interface HttpClientOptions {
  /** Defaults to the page's `fetch`; tests pass an in-page mock. */
  fetch?: typeof fetch;
  /** Returns the bearer token, read when each request starts. */
  token: () => Promise<string>;
  /** Abort a request that has not answered in this many ms. */
  timeoutMs?: number;
  /** The most requests on the wire at once; the rest wait their turn. */
  maxInFlight?: number;
}

/** A whole answer: the body is read (under the timeout) and parsed. */
export interface HttpReply {
  status: number;
  statusText: string;
  headers: Headers;
  /** The body as JSON; undefined when empty or not JSON. */
  body: any;
}

/**
 * fetch with a timeout on every request, the reader's bearer token, and a cap on
 * requests in flight. `dispose()` aborts everything, for when the page's last
 * widget goes away.
 */
export interface HttpClient {
  /** The most requests this client lets on the wire at once. */
  readonly cap: number;
  /** Resolves with any HTTP answer, rejects with `NetworkError` on timeout, network failure or after `dispose`. */
  send(method: string, url: string, headers?: Record<string, string>, body?: string): Promise<HttpReply>;
  /** Aborts requests in flight and refuses new ones. */
  dispose(): void;
}

/** Thrown when a request gets no answer: worth retrying. `timedOut` tells a slow server from no connection. */
export class NetworkError extends Error {
  constructor(readonly timedOut: boolean) {
    super();
  }
}

export function createHttpClient({ fetch: fetcher, token, timeoutMs = 15_000, maxInFlight = 4 }: HttpClientOptions): HttpClient {
  const cap = Math.max(1, maxInFlight);
  const waiting: Array<() => void> = [];
  const live = new Set<AbortController>();
  let inFlight = 0;
  let stopped = false;
  return {
    cap,
    async send(method, url, headers, body) {
      while (inFlight >= cap && !stopped) await new Promise<void>((wake) => waiting.push(wake));
      inFlight++;
      const controller = new AbortController();
      live.add(controller);
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      try {
        if (stopped) throw 0;
        const response = await (fetcher ?? fetch)(url, {
          method,
          headers: { ...headers, Authorization: `Bearer ${await token()}` },
          body,
          signal: controller.signal,
          cache: 'no-store',
          credentials: 'same-origin',
        });
        // Read the body under the same timeout, so a stalled body counts as lost.
        const text = await response.text();
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          // empty or not JSON
        }
        return { status: response.status, statusText: response.statusText, headers: response.headers, body: json };
      } catch {
        throw new NetworkError(timedOut);
      } finally {
        clearTimeout(timer);
        live.delete(controller);
        inFlight--;
        waiting.shift()?.();
      }
    },
    dispose() {
      stopped = true;
      live.forEach((controller) => controller.abort());
      waiting.splice(0).forEach((wake) => wake());
    },
  };
}
