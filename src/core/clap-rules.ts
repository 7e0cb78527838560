/** The cap a reader gets per article when the author sets none. */
export const DEFAULT_MAX_CLAPS = 50;

/** How long a press must last before claps repeat, in ms. */
export const HOLD_DELAY_MS = 400;

const FIRST_INTERVAL_MS = 260;
const FASTEST_INTERVAL_MS = 55;
const SPEED_UP = 0.86;

/**
 * The pause before the next repeated clap, the `n`th of this hold (0-based).
 * Repeats start slow and speed up, so 50 claps take about four seconds of holding
 * while a short hold still gives a countable handful.
 */
export function holdInterval(n: number): number {
  return Math.max(FASTEST_INTERVAL_MS, Math.round(FIRST_INTERVAL_MS * SPEED_UP ** n));
}

/** Parses a `max-claps` attribute; `null` means it is not a positive integer. */
export function parseMaxClaps(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return DEFAULT_MAX_CLAPS;
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/**
 * Makes any stored value a valid count: a whole number from 0 to `max`.
 * Returns whether it had to change anything, so the caller can repair and warn.
 */
export function sanitizeCount(value: unknown, max: number): { count: number; repaired: boolean } {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : 0;
  const count = Math.min(max, Math.max(0, n));
  return { count, repaired: count !== value };
}

/** The count after adding `delta` claps, held within 0..max. */
export function applyClaps(current: number, delta: number, max: number): number {
  return Math.min(max, Math.max(0, current + delta));
}
