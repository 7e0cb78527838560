/**
 * Binary search, shared by the text model, anchoring and sentences (one copy
 * in the bundle instead of five hand-written loops).
 */

/** The first index in `[0, length)` where `before(i)` is false (else `length`); `before` must hold for a prefix of the range only. */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
