/** One request as the mock saw it, body included (tests check that private notes never travel). */
export interface LoggedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** `performance.now()` when the mock received it. */
  at: number;
  /** The status answered, or 'network-error' when the response was dropped. */
  outcome?: number | 'network-error';
}

/** Every request the mock sees, in arrival order. */
export class RequestLog {
  readonly entries: LoggedRequest[] = [];
  #limit: number;

  constructor(limit = 20_000) {
    this.#limit = limit;
  }

  add(entry: LoggedRequest): LoggedRequest {
    this.entries.push(entry);
    if (this.entries.length > this.#limit) this.entries.shift();
    return entry;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
