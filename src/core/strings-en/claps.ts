/**
 * Every string the reader widgets show or announce, in English: the fallback for
 * any language, and the list of names a host may override (README, "Languages").
 * `{name}` is filled in; an object holds plural forms for `{n}` (`Intl.PluralRules`).
 * It is one table in three files, one per part of the bundle, so that each part
 * carries only the English it shows: here the claps (and what `<plaudit-article>`
 * shows before its layer loads); `article.ts` the annotation layer; `sync.ts` sync.
 */
export const CLAPS_EN = {
  clapButton: 'Clap for this story',
  clapButtonAtCap: 'Clap for this story (you gave the most, {n})',
  clapTotal: { one: '{count} clap', other: '{count} claps' },
  clapsMine: 'You: {count} of {n}',
  clapsUpTo: { one: 'Clap once', other: 'Clap up to {n} times' },
  clapsAtCap: 'You gave the most: {n}',
  clapsUndo: 'Undo',
  clapsUndoLabel: 'Undo claps',
  clapsUndone: 'Your claps were removed.',
  clapped: { one: 'You clapped {n} time.', other: 'You clapped {n} times.' },
  clapsLeft: { one: '{n} left.', other: '{n} left.' },
  clapsNoneLeft: 'That is the most you can give.',
  clapsReachedCap: 'You have given the most claps, {n}.',
  notSavedHere: 'Not saved on this device',
  notesButton: 'Notes ({n})',
  notes: 'Notes',
} as const;
