/**
 * Names and default looks of Plaudit's highlights, shared by the CSS Custom
 * Highlight backend and the overlay fallback. Colours are semi-transparent so
 * the page's own text colour shows through on light and dark pages alike; notes
 * are also underlined so they differ from plain highlights by more than colour.
 * Host pages restyle them with the custom properties below (set on :root or the
 * article).
 *
 * @cssproperty --plaudit-highlight-color - background of a highlight
 * @cssproperty --plaudit-note-color - background of a passage with a note
 * @cssproperty --plaudit-note-underline-color - underline of a passage with a note
 * @cssproperty --plaudit-focus-color - background of the focused annotation
 * @cssproperty --plaudit-cursor-color - background of the passage being annotated
 */

/** The layers a painter draws, bottom to top. */
export const PaintLayer = { Highlight: 'highlight', Note: 'note', Focus: 'focus', Cursor: 'cursor' } as const;
export type PaintLayer = (typeof PaintLayer)[keyof typeof PaintLayer];

export const PAINT_LAYERS: readonly PaintLayer[] = ['highlight', 'note', 'focus', 'cursor'];

/** The name in `CSS.highlights` (and the `::highlight()` argument) of each layer. */
export function highlightName(layer: PaintLayer): string {
  return `plaudit-${layer}`;
}

export const DEFAULT_COLORS = {
  highlight: 'rgb(255 204 0 / 0.4)',
  note: 'rgb(64 156 255 / 0.28)',
  noteUnderline: 'rgb(30 120 230 / 0.9)',
  focus: 'rgb(255 128 0 / 0.45)',
  cursor: 'rgb(128 128 255 / 0.35)',
} as const;

/** The background of each layer, with the host's custom property first. */
export function layerBackground(layer: PaintLayer): string {
  return `var(--plaudit-${layer}-color, ${DEFAULT_COLORS[layer]})`;
}

export const NOTE_UNDERLINE = `var(--plaudit-note-underline-color, ${DEFAULT_COLORS.noteUnderline})`;

/** Rules for the document-level stylesheet used with the CSS Custom Highlight API. */
export const HIGHLIGHT_CSS = PAINT_LAYERS.map((layer) => {
  const underline = layer === 'note'
    ? ` text-decoration-line: underline; text-decoration-thickness: 2px; text-decoration-color: ${NOTE_UNDERLINE};`
    : '';
  return `::highlight(${highlightName(layer)}) { background-color: ${layerBackground(layer)};${underline} }`;
}).join('\n');
