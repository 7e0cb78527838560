import { getResponse, type HttpHandler } from 'msw';

/**
 * A `fetch` that answers from the mock's handlers in the page itself, without a
 * service worker: the same handler objects the worker uses. Tests and the
 * benchmark pass it to the sync engine (`fetch` option) where a worker would add
 * noise, or where none is available. Unmatched requests go to `passthrough`.
 */
export function createMockFetch(handlers: HttpHandler[], passthrough: typeof fetch = (i, init) => fetch(i, init)): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : new URL(String(input), location.href).href;
    const request = new Request(url, init);
    const signal = init?.signal;
    if (signal?.aborted) throw abortError();
    const answer = getResponse(handlers, request);
    const response = await (signal
      ? Promise.race([
          answer,
          new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(abortError()), { once: true })),
        ])
      : answer);
    if (!response) return passthrough(input, init);
    if (response.type === 'error') throw new TypeError('Failed to fetch (mock network error)');
    return response;
  };
}

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}
