import type { OutboxEntry } from '../storage/schema.js';
import type { EntryOutcome, Flusher } from './outbox-flusher.js';

/** How a round of sending ended: the first transient failure (if any) and the longest `Retry-After` asked for. */
export type RoundResult = [stop: Exclude<EntryOutcome, { type: 'done' | 'failed' }> | undefined, retryAfterMs: number];

/**
 * Sends `entries` through a pool `width` wide (the in-flight cap). After a
 * transient failure (`retry`, `auth`) or once `stopped()`, no new entry
 * starts; those under way finish. `onFailed` hears of each refused entry.
 */
export async function sendRound(
  send: Flusher,
  entries: OutboxEntry[],
  width: number,
  stopped: () => boolean,
  onFailed: () => void,
): Promise<RoundResult> {
  let next = 0;
  const result: RoundResult = [undefined, 0];
  const worker = async () => {
    while (!result[0] && !stopped() && next < entries.length) {
      const outcome = await send(entries[next++]!);
      if (outcome.type === 'failed') onFailed();
      else if (outcome.type !== 'done') {
        result[0] ??= outcome;
        result[1] = Math.max(result[1], (outcome.type === 'retry' && outcome.retryAfterMs) || 0);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(entries.length, width) }, worker));
  return result;
}
