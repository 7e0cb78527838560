/** One HTTP request as the flusher describes it. */
export interface HttpRequest {
  method: 'GET' | 'PUT' | 'DELETE' | 'PATCH';
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpClientOptions {
  /** Defaults to the page's `fetch`; tests pass an in-page mock. */
  fetch?: typeof fetch;
  /** Returns the bearer token, read when each request starts. */
  token: () => Promise<string>;
  /** Abort a request that has not answered in this many ms. */
  timeoutMs?: number;
  /** The most requests on the wire at once; the rest wait in order. */
  maxInFlight?: number;
}

/** Counters for tests and the benchmark. */
export interface HttpStats {
  requests: number;
  inFlight: number;
  maxInFlight: number;
}

/** Thrown when a request times out or the network fails: worth retrying. */
export class NetworkError extends Error {
  constructor(
    message: string,
    readonly timedOut = false,
  ) {
    super(message);
    this.name = 'NetworkError';
  }
}

/**
 * fetch with a timeout on every request, the reader's bearer token, and a cap on
 * requests in flight. `dispose()` aborts everything, for when the page's last
 * widget goes away.
 */
export class HttpClient {
  readonly stats: HttpStats = { requests: 0, inFlight: 0, maxInFlight: 0 };
  readonly #fetch: typeof fetch;
  readonly #token: () => Promise<string>;
  readonly #timeoutMs: number;
  readonly #cap: number;
  readonly #waiting: Array<() => void> = [];
  readonly #controllers = new Set<AbortController>();
  #disposed = false;

  constructor(options: HttpClientOptions) {
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#token = options.token;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#cap = Math.max(1, options.maxInFlight ?? 4);
  }

  /** The most requests this client lets on the wire at once. */
  get cap(): number {
    return this.#cap;
  }

  /** Resolves with any HTTP response, rejects with `NetworkError` on timeout or network failure. */
  async send(request: HttpRequest): Promise<Response> {
    await this.#slot();
    const controller = new AbortController();
    this.#controllers.add(controller);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    try {
      if (this.#disposed) throw new NetworkError('sync stopped');
      const token = await this.#token();
      this.stats.requests++;
      const response = await this.#fetch(request.url, {
        method: request.method,
        headers: { ...request.headers, Authorization: `Bearer ${token}` },
        body: request.body ?? null,
        signal: controller.signal,
        cache: 'no-store',
        credentials: 'same-origin',
      });
      // Read the body under the same timeout, so a stalled body counts as lost.
      const body = await response.arrayBuffer();
      return new Response(response.status === 204 ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (error) {
      if (error instanceof NetworkError) throw error;
      throw new NetworkError(timedOut ? 'timed out' : String((error as Error)?.message ?? error), timedOut);
    } finally {
      clearTimeout(timer);
      this.#controllers.delete(controller);
      this.#release();
    }
  }

  /** Aborts requests in flight and refuses new ones. */
  dispose(): void {
    this.#disposed = true;
    for (const controller of this.#controllers) controller.abort();
    for (const wake of this.#waiting.splice(0)) wake();
  }

  #slot(): Promise<void> {
    if (this.stats.inFlight < this.#cap || this.#disposed) {
      this.#take();
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.#waiting.push(() => {
        this.#take();
        resolve();
      }),
    );
  }

  #take(): void {
    this.stats.inFlight++;
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.stats.inFlight);
  }

  #release(): void {
    this.stats.inFlight--;
    this.#waiting.shift()?.();
  }
}
