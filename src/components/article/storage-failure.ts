import { isQuotaError } from '../../controllers/annotation-controller.js';
import type { Localized } from './annotation-card.js';

/** What the reader was doing when the browser refused to store it. */
export type FailedWrite = 'highlight' | 'delete' | 'restore';

/** Why, in the reader's words: a full quota is the usual cause, and the one they can fix. */
const cause = (l: Localized, error: unknown) => l.t(isQuotaError(error) ? 'storageFull' : 'storageRefused');

/**
 * The note editor's message after a failed save: the text stays in the box,
 * and the reader is told how to keep it.
 */
export function noteFailureMessage(l: Localized, error: unknown): string {
  return l.t(isQuotaError(error) ? 'noteNotSavedFull' : 'noteNotSaved', { cause: cause(l, error) });
}

const FAILED = {
  highlight: ['highlightNotSaved', 'highlightNotSaved'],
  delete: ['highlightNotDeleted', 'noteNotDeleted'],
  restore: ['highlightNotRestored', 'noteNotRestored'],
} as const;

/** The notice after a failed highlight, delete or undo; "Try again" repeats the action. */
export function writeFailureMessage(l: Localized, write: FailedWrite, error: unknown, note = false): string {
  const then = l.t(isQuotaError(error) ? 'freeSpaceTryAgain' : 'pressTryAgain');
  return `${l.t(FAILED[write][note ? 1 : 0], { cause: cause(l, error) })} ${then}`;
}

/**
 * After the browser deleted the site's stored data (eviction, clearing it):
 * whether what the page shows was stored again, and if not, what is at risk.
 */
export function lostMessage(l: Localized, error?: unknown): string {
  return `${l.t('storageLost')} ${error ? l.t('storageLostNotSaved', { cause: cause(l, error) }) : l.t('storageLostSaved')}`;
}
