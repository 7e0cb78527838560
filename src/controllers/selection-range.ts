/** `Selection.getComposedRanges`, in both its forms (an options object, or shadow roots as arguments). */
type ComposedRanges = (...args: unknown[]) => StaticRange[];

/**
 * The reader's selection as a Range, as seen from `host`. Where `host` lives
 * inside another component's shadow root, `document.getSelection()` reports the
 * shadow host, so the selection is read with `getComposedRanges()` (the
 * standard way, given that shadow root), else with the shadow root's own
 * `getSelection()` (Chromium's older way); elsewhere it is the document's.
 * Null when nothing, or nothing but a caret, is selected.
 */
export function selectionRangeIn(host: Node): Range | null {
  const doc = host.ownerDocument ?? (host as Document);
  const selection = doc.getSelection();
  if (!selection) return null;
  const root = host.getRootNode();
  if (root instanceof ShadowRoot) {
    const composed = (selection as unknown as { getComposedRanges?: ComposedRanges }).getComposedRanges;
    if (typeof composed === 'function') {
      let ranges: StaticRange[] = [];
      try {
        ranges = composed.call(selection, { shadowRoots: [root] });
      } catch {
        ranges = composed.call(selection, root);
      }
      const found = ranges[0];
      if (found && !found.collapsed && root.contains(found.startContainer)) {
        const range = doc.createRange();
        range.setStart(found.startContainer, found.startOffset);
        range.setEnd(found.endContainer, found.endOffset);
        return range;
      }
    }
    const own = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
    if (own && own.rangeCount > 0 && !own.isCollapsed) return own.getRangeAt(0);
  }
  if (selection.rangeCount === 0 || selection.isCollapsed) return null;
  return selection.getRangeAt(0);
}
