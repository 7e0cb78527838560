/**
 * Real input for the foreign-page tests: key chords and mouse drags sent by the
 * test runner through the browser's own input pipeline (`@web/test-runner-commands`),
 * not synthetic events. Puppeteer (Chromium, Firefox) holds modifiers down and up;
 * WebDriver (WebKitGTK) takes only `press`, so a chord is sent as the WebDriver
 * key code points pressed together.
 */
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';

/** WebKitGTK under WebDriver (MiniBrowser): WebKit and neither Chrome nor Firefox. */
export const isWebKit = /AppleWebKit/.test(navigator.userAgent) && !/Chrom(e|ium)|Firefox/.test(navigator.userAgent);
export const isFirefox = /Firefox/.test(navigator.userAgent);

const WEBDRIVER_KEYS: Record<string, string> = {
  Shift: '\uE008', Control: '\uE009', Alt: '\uE00A', Meta: '\uE03D', Enter: '\uE007', Escape: '\uE00C',
  Tab: '\uE004', Home: '\uE011', End: '\uE010', ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014',
  ArrowDown: '\uE015', Space: '\uE00D',
};

/** Presses the keys together, e.g. `chord('Shift', 'ArrowRight')` or `chord('Alt', 'Shift', 'KeyH')`. */
export async function chord(...keys: string[]): Promise<void> {
  if (!isWebKit) {
    const modifiers = keys.slice(0, -1);
    for (const m of modifiers) await sendKeys({ down: m });
    try {
      await sendKeys({ press: keys[keys.length - 1]! });
    } finally {
      for (const m of modifiers.reverse()) await sendKeys({ up: m });
    }
    return;
  }
  const points = keys.map((k) => WEBDRIVER_KEYS[k] ?? (/^Key[A-Z]$/.test(k) ? k.slice(3).toLowerCase() : k));
  await sendKeys({ press: points.join('') });
}

/** Presses one key `times` times. */
export async function repeat(key: string, times: number, ...modifiers: string[]): Promise<void> {
  for (let i = 0; i < times; i++) await chord(...modifiers, key);
}

/** Types text into whatever has focus. */
export async function type(text: string): Promise<void> {
  // WebDriver's key actions drop a plain space: send the Space key's code point there.
  if (isWebKit) for (const c of text) await sendKeys({ press: c === ' ' ? WEBDRIVER_KEYS.Space! : c });
  else await sendKeys({ type: text });
}

/** The viewport point at the middle-left (or middle-right) of one character of a Text node. */
function charPoint(node: Text, offset: number, side: 'start' | 'end'): [number, number] {
  const r = document.createRange();
  r.setStart(node, offset);
  r.setEnd(node, offset + 1);
  const rect = r.getClientRects()[0] ?? r.getBoundingClientRect();
  const x = side === 'start' ? rect.left + 1 : rect.right - 1;
  return [Math.round(x), Math.round(rect.top + rect.height / 2)];
}

/**
 * Selects `range` (whose ends lie in Text nodes) by dragging the mouse from
 * its first character to its last, as a reader would.
 */
export async function dragSelect(range: Range): Promise<void> {
  (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
  await new Promise((r) => requestAnimationFrame(r));
  const from = charPoint(range.startContainer as Text, range.startOffset, 'start');
  const to = charPoint(range.endContainer as Text, range.endOffset - 1, 'end');
  await sendMouse({ type: 'move', position: from });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'move', position: [Math.round((from[0] + to[0]) / 2), Math.round((from[1] + to[1]) / 2)] });
  await sendMouse({ type: 'move', position: to });
  await sendMouse({ type: 'up' });
}

/** Whether what is on top at a viewport point is `el` or inside it, looking into open shadow roots. */
function reaches(el: Element, x: number, y: number): boolean {
  let hit = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  for (let n: Node | null = hit; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === el) return true;
  return false;
}

/**
 * Clicks the middle of an element (or a Range's first box), once a click there
 * reaches it, as a reader clicks what is drawn: an element rendered this frame
 * may not be yet (Firefox hit-tests a list item just added under
 * `content-visibility: auto` as an empty box until the next frame finds it on
 * screen), so this waits a few frames for it first.
 */
export async function clickOn(target: Element | Range): Promise<void> {
  const rect = target instanceof Range ? target.getClientRects()[0]! : target.getBoundingClientRect();
  const [x, y] = [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
  for (let frame = 0; frame < 10 && target instanceof Element && !reaches(target, x, y); frame++) {
    await new Promise((r) => requestAnimationFrame(r));
  }
  await sendMouse({ type: 'click', position: [x, y] });
}

export { resetMouse };

/** Puts a collapsed caret before `offset` in a Text node, as caret browsing (F7) would. */
export function caretAt(node: Text, offset: number): void {
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.collapse(node, offset);
}
