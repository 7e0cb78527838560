/**
 * Whether `event` is Alt+Shift+`code` (Option+Shift on macOS) without Ctrl or
 * Meta: the chord of every reader shortcut (`KeyH` toolbar, `KeyN` notes
 * panel, `KeyR` reading cursor, `KeyU` undo). Matched on `code`, since Alt
 * changes `key` on macOS.
 */
export function isAltShift(event: KeyboardEvent, code: string): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === code;
}
