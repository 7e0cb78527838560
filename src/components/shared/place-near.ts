import type { StyleProps } from './style-props.js';

/** The space kept between a popup and the viewport's edges. */
export const MARGIN = 8;

/**
 * Fixed-position style beside a passage, kept inside the viewport: centred on
 * it, above it, or `gap` px below it when `gap` is not 0 (touch: the platform's
 * own selection menu appears above; cards and the note editor: under the text
 * they open from) and the popup (`height` tall) fits there, or when it does not
 * fit above.
 */
export function placeNear(rect: DOMRect, gap: number, width = 300, height = 56): StyleProps {
  const half = Math.min(width, innerWidth - 2 * MARGIN) / 2;
  const x = Math.max(MARGIN + half, Math.min(innerWidth - MARGIN - half, rect.left + rect.width / 2));
  const under = rect.top < height + MARGIN || (gap > 0 && rect.bottom + gap + height < innerHeight);
  const top = under ? Math.min(rect.bottom + (gap || MARGIN), innerHeight - height - MARGIN) : Math.min(rect.top, innerHeight) - MARGIN;
  return { left: `${x}px`, top: `${Math.max(MARGIN, top)}px`, transform: `translate(-50%,${under ? 0 : '-100%'})` };
}
