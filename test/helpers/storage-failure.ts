/** How a refused write fails: see `failWrites`. */
export type WriteFailure = 'throw' | 'abort';

/**
 * Makes writes to one IndexedDB object store fail until the returned function
 * is called; other stores still work.
 *
 * - `throw`: the methods throw a `QuotaExceededError` synchronously, as
 *   some engines do when the quota is already known to be exceeded.
 * - `abort`: the real asynchronous form. A full quota is found at commit: the
 *   request itself succeeds and then the transaction aborts, its `error` being
 *   a `QuotaExceededError`, and nothing is written. Script cannot fill the real
 *   quota in a test, and `transaction.abort()` alone leaves `error` null (idb
 *   then reports an `AbortError`), so the real request runs, and on its success
 *   the transaction is aborted with its `error` set to the quota error (an own
 *   property shadowing the prototype's getter on that one transaction). The
 *   events are the browser's own: `success` on the request, `abort` (no
 *   `complete`) on the transaction, and the write is rolled back.
 */
export function failWrites(
  storeName: string,
  mode: WriteFailure = 'throw',
  methods: ReadonlyArray<'put' | 'delete'> = ['put', 'delete'],
): () => void {
  const proto = IDBObjectStore.prototype;
  const real = { put: proto.put, delete: proto.delete };
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  const wrap = <A extends unknown[]>(original: (this: IDBObjectStore, ...args: A) => IDBRequest) =>
    function (this: IDBObjectStore, ...args: A): IDBRequest {
      if (this.name !== storeName) return original.apply(this, args);
      if (mode === 'throw') throw quota();
      const request = original.apply(this, args);
      const tx = this.transaction;
      request.addEventListener('success', () => {
        Object.defineProperty(tx, 'error', { value: quota(), configurable: true });
        tx.abort();
      }, { once: true });
      return request;
    };
  if (methods.includes('put')) proto.put = wrap(real.put) as typeof real.put;
  if (methods.includes('delete')) proto.delete = wrap(real.delete) as typeof real.delete;
  return () => {
    proto.put = real.put;
    proto.delete = real.delete;
  };
}

/** Console warnings of the failures, kept out of the test output and collected; `restore` puts console.warn back. */
export function silenceWarnings(): { warnings: string[]; restore(): void } {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  return { warnings, restore: () => (console.warn = original) };
}
