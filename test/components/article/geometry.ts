/**
 * Assertions on where Plaudit's floating UI is really drawn, for the hostile-page,
 * transformed-ancestor and strict-page tests: boxes from `getBoundingClientRect`,
 * what is on top from `elementFromPoint` (looking into shadow roots), clicks as
 * real mouse input at a box's centre. Each takes the window the element is in,
 * so the same checks work in a frame (its boxes offset by the frame's place).
 */
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';

const round = (r: DOMRect) => `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`;

/** Asserts `el` is drawn with a size, wholly inside `win`'s viewport. */
export function expectInViewport(el: Element, what: string, win: Window = window): void {
  const r = el.getBoundingClientRect();
  const box = `${what} at ${round(r)} in ${win.innerWidth}x${win.innerHeight}`;
  expect(r.width > 0 && r.height > 0, `${box}: drawn`).to.equal(true);
  expect(r.left >= 0 && r.top >= 0 && r.right <= win.innerWidth && r.bottom <= win.innerHeight, `${box}: inside the viewport`).to.equal(true);
}

/** Asserts `popup` is next to `passage`: overlapping it horizontally, at most `gap` px above or below it. */
export function expectNextTo(popup: Element, passage: DOMRect, what: string, gap = 48): void {
  const p = popup.getBoundingClientRect();
  const overlaps = p.left < passage.right && passage.left < p.right;
  const distance = Math.max(p.top - passage.bottom, passage.top - p.bottom, 0);
  expect(overlaps && distance <= gap, `${what} at ${round(p)}, next to the passage at ${round(passage)}`).to.equal(true);
}

/** The topmost element at a viewport point, looking into open shadow roots. */
export function deepElementFromPoint(doc: Document, x: number, y: number): Element | null {
  let hit = doc.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

/** Whether `node` is `el` or inside it, across shadow roots. */
function within(node: Node | null, el: Element): boolean {
  for (let n = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === el) return true;
  return false;
}

/** Asserts that `el`'s centre is not covered: what is on top there is `el` or inside it. */
export function expectOnTop(el: Element, what: string): void {
  const r = el.getBoundingClientRect();
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  const hit = deepElementFromPoint(el.ownerDocument, x, y);
  const name = hit ? `<${hit.localName}${hit.id ? `#${hit.id}` : ''}${hit.className && typeof hit.className === 'string' ? `.${hit.className.trim().replace(/\s+/g, '.')}` : ''}>` : 'nothing';
  expect(within(hit, el), `${what}: at its centre (${Math.round(x)},${Math.round(y)}) the top element is ${name}`).to.equal(true);
}

/** A real mouse click at the centre of `r`, a box in the viewport (of `frame`, when given). */
export async function clickRect(r: DOMRect, frame?: HTMLIFrameElement): Promise<void> {
  const origin = frame?.getBoundingClientRect();
  const dx = origin ? origin.left + frame!.clientLeft : 0;
  const dy = origin ? origin.top + frame!.clientTop : 0;
  await sendMouse({ type: 'click', position: [Math.round(dx + r.left + r.width / 2), Math.round(dy + r.top + r.height / 2)] });
}

/** A real mouse click at the centre of `el`, once nothing is seen to cover it there. */
export async function clickCentre(el: Element, what: string, frame?: HTMLIFrameElement): Promise<void> {
  expectOnTop(el, what);
  await clickRect(el.getBoundingClientRect(), frame);
}

/** The button in `root` named `name` (its aria-label, else its text). */
export function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim().replace(/\s+/g, ' ') === name,
  );
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}
