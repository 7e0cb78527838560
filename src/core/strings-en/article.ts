// English strings, part two of three: see ./claps.ts.
/** The annotation layer: toolbar, editor, cards, panel, notices, reading cursor. */
export const ARTICLE_EN = {
  // The selection toolbar and the reading cursor's menu
  toolbarSelection: 'Annotate selection',
  toolbarSentence: 'Annotate sentence',
  highlight: 'Highlight',
  addNote: 'Add note',
  copyLink: 'Copy link',

  // The note editor
  editNote: 'Edit note',
  noteLabel: 'Note',
  noteCounter: '{count} / {max} characters',
  noteCounterOver: { one: '{count} / {max} characters ({n} too many)', other: '{count} / {max} characters ({n} too many)' },
  noteTooLong: 'This note is too long. Notes can have at most {max} characters; shorten it to save.',
  shareWithEditors: 'Share with the editors',
  editorHint: 'Ctrl+Enter or Command+Enter saves, Escape cancels.',
  cancel: 'Cancel',
  save: 'Save',

  // Cards, the chooser and the copy-link field
  cardNote: 'Note on “{quote}”: {note}',
  cardHighlight: 'Highlight: “{quote}”',
  edit: 'Edit',
  delete: 'Delete',
  close: 'Close',
  chooseAnnotation: 'Choose an annotation',
  overlapHere: 'These annotations overlap here:',
  linkField: 'The link could not be copied automatically. Copy it from here:',
  done: 'Done',

  // The notes panel
  panelTitle: 'Your highlights and notes',
  panelHint: 'Alt+Shift+N returns here.',
  panelRead: 'Read by sentence (Alt+Shift+R)',
  panelEmpty: 'Select text in the article to highlight it or add a note.',
  panelOrphans: 'Passages no longer found',
  itemNote: 'Note on: {quote}',
  itemHighlight: 'Highlight: {quote}',
  noStoredQuote: '(no stored quote)',
  passageChanged: 'the passage has changed',
  sharedWithEditors: 'shared with the editors',

  // Announcements and notices
  highlighted: 'Highlighted',
  highlightedQuote: 'Highlighted: {quote}',
  noteSaved: 'Note saved',
  noteDeleted: 'Note deleted',
  highlightDeleted: 'Highlight deleted',
  undoHint: 'Press Alt+Shift+U to undo.',
  undo: 'Undo',
  restored: 'Restored',
  linkCopied: 'Link copied',
  tryAgain: 'Try again',
  dismiss: 'Dismiss',
  storageFull: "this browser's storage for this site is full",
  storageRefused: 'this browser could not store it on this device',
  noteNotSaved: 'Not saved: {cause}. Your text is still here; press Save again, or copy it.',
  noteNotSavedFull: 'Not saved: {cause}. Your text is still here; free some space and press Save again, or copy it.',
  highlightNotSaved: 'Not saved: {cause}, so the highlight was not kept.',
  noteNotDeleted: 'Not deleted: {cause}. The note is still here.',
  highlightNotDeleted: 'Not deleted: {cause}. The highlight is still here.',
  noteNotRestored: 'Not restored: {cause}. The note is still deleted.',
  highlightNotRestored: 'Not restored: {cause}. The highlight is still deleted.',
  pressTryAgain: 'Press Try again.',
  freeSpaceTryAgain: 'Free some space, then press Try again.',
  storageLost: 'This browser deleted the storage for this site.',
  storageLostSaved: 'Your notes and claps here are saved again.',
  storageLostNotSaved: 'Not saved again: {cause}. Your notes and claps here last until you leave. Press Try again.',

  // The reading cursor
  readingCursor: 'Reading cursor',
  readingCursorRole: 'reading cursor',
  readingCursorHelp:
    'Reading cursor: arrow keys move by sentence, Ctrl+Up and Ctrl+Down by paragraph, Enter to highlight or add a note, Escape to leave.',
  readingCursorOff: 'Reading cursor off',
} as const;
