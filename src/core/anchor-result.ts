/**
 * What re-anchoring returns, shared by the exact and fuzzy steps. Its own
 * module so `fuzzy-anchor.ts` (loaded on first need) and `anchor.ts` do not
 * import each other.
 */
import { AnchorStatus } from './annotation.js';

export interface AnchorResult {
  status: AnchorStatus;
  /** Model offsets; -1 for an orphan. */
  start: number;
  end: number;
  /** Confidence in [0, 1]; 1 is the stored quote, at the stored place, with its context. */
  score: number;
  /** Why an annotation is an orphan. */
  reason?: string;
}

export function orphan(reason: string, score = 0): AnchorResult {
  return { status: AnchorStatus.Orphan, start: -1, end: -1, score, reason };
}
