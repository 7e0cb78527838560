/** Runs `fn` when the browser is idle (at the latest after 2 s); soon where that API is missing (Safari). */
export const idle = (fn: () => void): unknown => (window.requestIdleCallback ?? setTimeout)(fn, { timeout: 2000 } as never);
