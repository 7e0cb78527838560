import { isQuotaError } from '../../controllers/annotation-controller.js';

/** What the reader was doing when the browser refused to store it. */
export type FailedWrite = 'highlight' | 'note' | 'delete' | 'restore';

/** Why, in the reader's words: a full quota is the usual cause, and the one they can fix. */
function cause(error: unknown): string {
  return isQuotaError(error)
    ? "this browser's storage for this site is full"
    : 'this browser could not store it on this device';
}

/**
 * The note editor's message after a failed save: the text stays in the box,
 * and the reader is told how to keep it.
 */
export function noteFailureMessage(error: unknown): string {
  const fix = isQuotaError(error) ? 'free some space and press Save again' : 'press Save again';
  return `Not saved: ${cause(error)}. Your text is still here; ${fix}, or copy it.`;
}

/** The notice after a failed highlight, delete or undo; "Try again" repeats the action. */
export function writeFailureMessage(write: FailedWrite, error: unknown, kind: 'Note' | 'Highlight' = 'Highlight'): string {
  const then = isQuotaError(error) ? 'Free some space, then press Try again.' : 'Press Try again.';
  if (write === 'delete') return `Not deleted: ${cause(error)}. The ${kind.toLowerCase()} is still here. ${then}`;
  if (write === 'restore') return `Not restored: ${cause(error)}. The ${kind.toLowerCase()} is still deleted. ${then}`;
  return `Not saved: ${cause(error)}, so the ${write} was not kept. ${then}`;
}

/**
 * After the browser deleted the site's stored data (eviction, clearing it):
 * whether what the page shows was stored again, and if not, what is at risk.
 */
export function lostMessage(error?: unknown): string {
  return `This browser deleted the storage for this site. ${
    error
      ? `Not saved again: ${cause(error)}. Your notes and claps here last until you leave. Press Try again.`
      : 'Your notes and claps here are saved again.'
  }`;
}
