// English strings, part three of three: see ./claps.ts.
/** `<plaudit-sync-status>`. */
export const SYNC_EN = {
  syncLocal: 'Saved on this device',
  syncing: 'Syncing...',
  synced: 'Synced',
  syncOffline: { one: 'Offline: {n} change waiting', other: 'Offline: {n} changes waiting' },
  syncError: "Couldn't sync: {reason}",
  syncUnknownError: 'unknown error',
  syncRetry: 'Retry',
  syncDiscard: 'Discard',
  syncRefused: 'Changes the server refused',
  syncKindClaps: 'Claps',
  syncKindArticle: 'Article details',
  syncKindNote: 'Note',
  syncKindDelete: 'Deleting a note',
} as const;
