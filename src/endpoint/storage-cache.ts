/**
 * Two answers the endpoint asks for on almost every request, kept briefly in
 * memory so a clap costs one database round trip instead of three: whether a
 * token is an editor's, and that a reader id is bound to a token. Both are
 * caches the database stays the truth for; nothing in them must be shared
 * between server processes. An editor token revoked elsewhere stops working
 * within `ttlMs`; a binding, once made, only ends when the reader erases their
 * data, which clears it here (another process re-binds on its next write).
 */
import type { EndpointStorage } from './storage.js';

export const CACHE_TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

class TtlCache<V> {
  readonly #entries = new Map<string, { value: V; until: number }>();
  constructor(private readonly ttlMs: number, private readonly now: () => number) {}

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.value;
    this.#entries.delete(key);
    return undefined;
  }

  set(key: string, value: V): void {
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
    this.#entries.set(key, { value, until: this.now() + this.ttlMs });
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }
}

/** `storage` with `isEditor` and successful `bindReader` answers cached for `ttlMs`. */
export function withCaches(storage: EndpointStorage, ttlMs = CACHE_TTL_MS, now: () => number = Date.now): EndpointStorage {
  const editors = new TtlCache<boolean>(ttlMs, now);
  const bound = new TtlCache<true>(ttlMs, now);
  const key = (readerId: string, tokenHash: string) => `${readerId} ${tokenHash}`;
  const cached: Partial<EndpointStorage> = {
    async isEditor(tokenHash: string) {
      let editor = editors.get(tokenHash);
      if (editor === undefined) editors.set(tokenHash, (editor = await storage.isEditor(tokenHash)));
      return editor;
    },
    async bindReader(readerId: string, tokenHash: string) {
      if (bound.get(key(readerId, tokenHash))) return true;
      const ok = await storage.bindReader(readerId, tokenHash);
      if (ok) bound.set(key(readerId, tokenHash), true);
      return ok;
    },
    async deleteReader(readerId: string, tokenHash: string) {
      bound.delete(key(readerId, tokenHash));
      return storage.deleteReader(readerId, tokenHash);
    },
  };
  // Everything else goes to the storage itself, bound to it (its methods may use private fields).
  return new Proxy(storage, {
    get(target, prop, receiver) {
      if (prop in cached) return cached[prop as keyof EndpointStorage];
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
