/** The cap a reader gets per article when the author sets none. */
export const DEFAULT_MAX_CLAPS = 50;

/** How long a press must last before claps repeat, in ms. */
export const HOLD_DELAY_MS = 400;

/**
 * The pause before the next repeated clap, the `n`th of this hold (0-based).
 * Repeats start slow and speed up (260 ms, shrinking by 14% each, down to 55 ms),
 * so 50 claps take about four seconds of holding while a short hold still gives
 * a countable handful.
 */
export function holdInterval(n: number): number {
  return Math.max(55, Math.round(260 * 0.86 ** n));
}

/** Parses a `max-claps` attribute; `null` means it is not a positive integer. */
export function parseMaxClaps(value: string | number | null | undefined): number | null {
  if (value == null) return DEFAULT_MAX_CLAPS;
  const n = /^\s*\d+\s*$/.test(String(value)) ? Number(value) : 0;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/**
 * Makes any value a valid count: a whole number from 0 to `max`. Anything that
 * is not a finite number counts as 0. Callers compare the result with the input
 * to tell whether a stored value was corrupt.
 */
export function clampCount(value: unknown, max: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : 0;
  return Math.min(max, Math.max(0, n));
}
