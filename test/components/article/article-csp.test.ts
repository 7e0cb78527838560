/**
 * Plaudit under a strict Content Security Policy: no 'unsafe-inline' for styles
 * or scripts, no 'unsafe-eval'. The page is a same-origin `srcdoc` frame whose
 * policy comes from a `<meta>` and which loads Plaudit as a module script from
 * this origin (`/src/plaudit.ts`, served by the test runner through esbuild); an
 * inline or `blob:` script would itself be refused by that policy. Every
 * violation in the frame is recorded (`article-csp-recorder.ts`, the frame's
 * first script) and the reader's whole path must leave none: selecting, the
 * toolbar next to the selection, Highlight, Add note, Save, the card, the
 * copy-link field and the overlap chooser. Clicks are real mouse input, so a
 * control drawn off screen cannot be clicked.
 */
import { expect } from '@open-wc/testing';
import { html, render } from 'lit-html';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { waitUntil } from '../../helpers/wait.js';
import { HighlightPainter } from '../../../src/highlight/highlight-painter.js';
import { styleProps, type StyleProps } from '../../../src/components/shared/style-props.js';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';
import type { RecordedViolation } from './article-csp-recorder.js';
import { ARTICLE_HTML, uniqueId } from './helpers.js';

/**
 * The page's policy: the embed issue's `default-src 'self'; style-src 'self';
 * script-src 'self'`, with this origin also named. Firefox resolves 'self' in a
 * `<meta>` policy of a srcdoc document against `about:srcdoc`, not the origin
 * the document inherits (bugzilla 1567970, w3c/webappsec-csp#405), so there
 * 'self' alone refuses even Plaudit's own module. Naming the origin allows
 * exactly what 'self' means; nothing inline is allowed in any engine.
 */
const POLICY = ["default-src 'self' ORIGIN", "style-src 'self' ORIGIN", "script-src 'self' ORIGIN"].join('; ')
  .replaceAll('ORIGIN', location.origin);

type FrameWindow = Window & typeof globalThis & { plauditCspViolations?: RecordedViolation[] };

interface StrictFrame {
  frame: HTMLIFrameElement;
  win: FrameWindow;
  doc: Document;
  el: PlauditArticleElement;
  /** The violations so far, apart from the canary's, once every earlier one has been delivered. */
  violations(): Promise<RecordedViolation[]>;
}

let open: HTMLIFrameElement | null = null;

/** The frame's document: the policy, the recorder, Plaudit, an article and the canary. */
function srcdoc(articleId: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${POLICY}" />
    <title>Strict CSP</title>
    <script type="module" src="/test/components/article/article-csp-recorder.ts"></script>
    <script type="module" src="/src/plaudit.ts"></script>
  </head>
  <body>
    <div id="csp-canary" hidden></div>
    <plaudit-article article-id="${articleId}">${ARTICLE_HTML}</plaudit-article>
  </body>
</html>`;
}

async function openStrictFrame(): Promise<StrictFrame> {
  const frame = document.createElement('iframe');
  // At the top left of the test page, so real mouse input can reach it at known coordinates.
  Object.assign(frame.style, { position: 'fixed', left: '0', top: '0', width: '640px', height: '480px', border: '0', zIndex: '1' });
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = srcdoc(uniqueId());
  document.body.append(frame);
  open = frame;
  await loaded;
  const win = frame.contentWindow as FrameWindow;
  const doc = frame.contentDocument!;
  await waitUntil(() => win.plauditCspViolations && win.customElements.get('plaudit-article'), 'Plaudit did not load in the frame');
  const el = doc.querySelector('plaudit-article') as PlauditArticleElement;
  await el.loaded;
  await el.load();
  const canary = doc.getElementById('csp-canary')!;
  const isCanary = (v: RecordedViolation) => v.target === '<div#csp-canary>';
  let canaries = 0;
  return {
    frame,
    win,
    doc,
    el,
    // Violation events are queued in order: once a style attribute set on the canary now has
    // been reported, every violation before it has been too.
    async violations() {
      canaries++;
      canary.setAttribute('style', `--canary: ${canaries}`);
      await waitUntil(() => win.plauditCspViolations!.filter(isCanary).length === canaries, 'the canary violation was not reported');
      return win.plauditCspViolations!.filter((v) => !isCanary(v));
    },
  };
}

/** The Range of `text` within one text node of `root` (in `root`'s document). */
function rangeOf(root: Node, text: string): Range {
  const doc = root.ownerDocument!;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at === -1) continue;
    const range = doc.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    return range;
  }
  throw new Error(`text not found: ${text}`);
}

/** Selects `text` in the frame (a real selection) and waits for the frame's `selectionchange`. */
async function selectInFrame(f: StrictFrame, text: string): Promise<Range> {
  const range = rangeOf(f.el, text);
  const changed = new Promise((resolve) => f.doc.addEventListener('selectionchange', resolve, { once: true }));
  f.win.focus();
  const selection = f.doc.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  await changed;
  return range;
}

/** A real mouse click at the middle of `rect`, a box in the frame's viewport. */
async function clickAt(f: StrictFrame, rect: DOMRect): Promise<void> {
  const origin = f.frame.getBoundingClientRect();
  const x = Math.round(origin.left + f.frame.clientLeft + rect.left + rect.width / 2);
  const y = Math.round(origin.top + f.frame.clientTop + rect.top + rect.height / 2);
  await sendMouse({ type: 'click', position: [x, y] });
}

function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim().replace(/\s+/g, ' ') === name,
  );
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}

async function inShadow<T extends Element>(f: StrictFrame, selector: string, what: string): Promise<T> {
  await waitUntil(() => f.el.shadowRoot!.querySelector(selector), `${what} did not appear`);
  const found = f.el.shadowRoot!.querySelector<T>(selector)!;
  await (found as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return found;
}

/** Asserts `rect` is drawn, wholly inside the frame's viewport. */
function expectInViewport(f: StrictFrame, rect: DOMRect, what: string): void {
  expect(rect.width, `${what} width`).to.be.greaterThan(0);
  expect(rect.height, `${what} height`).to.be.greaterThan(0);
  const box = `${what} at ${Math.round(rect.left)},${Math.round(rect.top)} ${Math.round(rect.width)}x${Math.round(rect.height)}`;
  expect(rect.left >= 0 && rect.top >= 0, `${box}: inside the viewport`).to.equal(true);
  expect(rect.right <= f.win.innerWidth && rect.bottom <= f.win.innerHeight, `${box}: inside ${f.win.innerWidth}x${f.win.innerHeight}`).to.equal(true);
}

/** Asserts `popup` sits next to `passage`: overlapping it horizontally, at most 48 px above or below. */
function expectNextTo(popup: DOMRect, passage: DOMRect, what: string): void {
  const overlaps = popup.left < passage.right && passage.left < popup.right;
  const gap = Math.max(popup.top - passage.bottom, passage.top - popup.bottom, 0);
  expect(overlaps && gap <= 48, `${what} (${Math.round(popup.left)},${Math.round(popup.top)}) next to the passage (${Math.round(passage.left)},${Math.round(passage.top)})`).to.equal(true);
}

async function expectNoViolations(f: StrictFrame, after: string): Promise<void> {
  const seen = await f.violations();
  expect(seen, `CSP violations after ${after}: ${JSON.stringify(seen)}`).to.deep.equal([]);
}

describe('<plaudit-article> under a strict Content Security Policy', () => {
  afterEach(async () => {
    await resetMouse();
    // Focus back to this window before the frame goes: WebKit otherwise leaves no window focused.
    window.focus();
    open?.remove();
    open = null;
  });

  it('the frame enforces the policy and reports what it refuses', async () => {
    const f = await openStrictFrame();
    // The canary is a refused style attribute: this engine reports style-src-attr violations.
    await f.violations();
    const refused = f.win.plauditCspViolations!.filter((v) => v.target === '<div#csp-canary>');
    expect(refused[0]?.directive).to.match(/^style-src/);
    expect(f.win.getComputedStyle(f.doc.getElementById('csp-canary')!).getPropertyValue('--canary')).to.equal('');
    // An inline script is refused too: Plaudit could only have loaded from this origin's URL.
    const inline = f.doc.createElement('script');
    inline.textContent = 'window.plauditInlineRan = true;';
    f.doc.head.append(inline);
    expect((f.win as { plauditInlineRan?: boolean }).plauditInlineRan).to.equal(undefined);
    const afterScript = await f.violations();
    expect(afterScript, JSON.stringify(afterScript)).to.have.length(1);
    expect(afterScript[0]!.directive).to.match(/^script-src/);
    inline.remove();
    // Plaudit ran, its layer loaded, and its adopted stylesheets apply.
    expect(f.el.layer).to.not.equal(null);
    expect(f.win.getComputedStyle(f.el.shadowRoot!.querySelector('.bar')!).display).to.equal('flex');
  });

  it('a mouse reader highlights, notes, opens cards, the link field and the chooser, with no violation', async () => {
    const f = await openStrictFrame();
    await expectNoViolations(f, 'loading');

    // Select: the toolbar shows inside the frame's viewport, next to the selection.
    const first = await selectInFrame(f, 'Quicksort picks a pivot');
    let bar = await inShadow<HTMLElement>(f, 'plaudit-selection-toolbar', 'the toolbar');
    await expectNoViolations(f, 'showing the toolbar');
    expectInViewport(f, bar.getBoundingClientRect(), 'the toolbar');
    expectNextTo(bar.getBoundingClientRect(), first.getBoundingClientRect(), 'the toolbar');

    // Highlight, clicked where the toolbar is drawn.
    await clickAt(f, button(bar.shadowRoot!, 'Highlight').getBoundingClientRect());
    await waitUntil(() => f.el.annotations.length === 1, 'highlight not saved');
    await waitUntil(() => !f.el.shadowRoot!.querySelector('plaudit-selection-toolbar'), 'toolbar stayed');
    await expectNoViolations(f, 'Highlight');

    // Add note: the editor opens inside the viewport; Save.
    const noted = await selectInFrame(f, 'Stable sorts keep equal items in order');
    bar = await inShadow<HTMLElement>(f, 'plaudit-selection-toolbar', 'the toolbar');
    expectInViewport(f, bar.getBoundingClientRect(), 'the toolbar');
    await clickAt(f, button(bar.shadowRoot!, 'Add note').getBoundingClientRect());
    const editor = await inShadow<HTMLElement>(f, 'plaudit-note-editor', 'the note editor');
    await expectNoViolations(f, 'opening the note editor');
    // The editor is a modal <dialog> in the top layer, centred by the browser.
    expectInViewport(f, editor.shadowRoot!.querySelector('dialog')!.getBoundingClientRect(), 'the note editor');
    const box = editor.shadowRoot!.querySelector('textarea')!;
    box.value = 'Stability matters for multi-key sorts';
    box.dispatchEvent(new f.win.InputEvent('input', { bubbles: true, composed: true }));
    await (editor as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    await clickAt(f, button(editor.shadowRoot!, 'Save').getBoundingClientRect());
    await waitUntil(() => f.el.annotations.length === 2, 'note not saved');
    await waitUntil(() => !f.el.shadowRoot!.querySelector('plaudit-note-editor'), 'editor stayed');
    await expectNoViolations(f, 'saving the note');

    // Its card: a click on the passage opens it beside the passage.
    f.doc.getSelection()!.removeAllRanges();
    await clickAt(f, noted.getClientRects()[0]!);
    const card = await inShadow<HTMLElement>(f, '.card', 'the card');
    await expectNoViolations(f, 'opening the card');
    expectInViewport(f, card.getBoundingClientRect(), 'the card');
    expectNextTo(card.getBoundingClientRect(), noted.getBoundingClientRect(), 'the card');
    expect(card.textContent).to.contain('Stability matters');

    // Copy link with no usable clipboard: the link field, centred in the viewport.
    Object.defineProperty(f.win.navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
      configurable: true,
    });
    await clickAt(f, button(card, 'Copy link').getBoundingClientRect());
    const link = await inShadow<HTMLElement>(f, '.popover.link', 'the link field');
    await expectNoViolations(f, 'showing the link field');
    expectInViewport(f, link.getBoundingClientRect(), 'the link field');
    await clickAt(f, button(link, 'Done').getBoundingClientRect());
    await waitUntil(() => !f.el.shadowRoot!.querySelector('.popover.link'), 'link field stayed');

    // Two annotations under one click: the chooser, beside the click.
    await selectInFrame(f, 'a pivot');
    bar = await inShadow<HTMLElement>(f, 'plaudit-selection-toolbar', 'the toolbar');
    await clickAt(f, button(bar.shadowRoot!, 'Highlight').getBoundingClientRect());
    await waitUntil(() => f.el.annotations.length === 3, 'overlapping highlight not saved');
    await waitUntil(() => !f.el.shadowRoot!.querySelector('plaudit-selection-toolbar'), 'toolbar stayed');
    f.doc.getSelection()!.removeAllRanges();
    const pivot = rangeOf(f.el, 'pivot');
    await clickAt(f, pivot.getClientRects()[0]!);
    const chooser = await inShadow<HTMLElement>(f, '.chooser', 'the chooser');
    await expectNoViolations(f, 'showing the chooser');
    expectInViewport(f, chooser.getBoundingClientRect(), 'the chooser');
    expectNextTo(chooser.getBoundingClientRect(), pivot.getBoundingClientRect(), 'the chooser');
    expect(chooser.querySelectorAll('li')).to.have.length(2);
  });

  it('the overlay painter (browsers without the CSS Custom Highlight API) draws with no violation', async () => {
    const f = await openStrictFrame();
    const host = f.doc.createElement('div');
    f.doc.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const painter = new HighlightPainter({ mode: 'overlay', document: f.doc, overlayContainer: shadow });
    expect(painter.mode).to.equal('overlay');
    const range = rangeOf(f.el, 'Merge sort splits');
    painter.set('a', range, 'note');
    await new Promise((resolve) => f.win.requestAnimationFrame(resolve));
    await new Promise((resolve) => f.win.requestAnimationFrame(resolve));
    await expectNoViolations(f, 'drawing overlay boxes');
    const boxes = shadow.querySelectorAll<HTMLElement>('.plaudit-overlay > .note');
    expect(boxes.length).to.be.greaterThan(0);
    // Placed over the passage: the layer's rules (position) and each box's left/top both applied.
    const drawn = boxes[0]!.getBoundingClientRect();
    const passage = range.getClientRects()[0]!;
    expect(Math.abs(drawn.left - passage.left), 'box left').to.be.lessThan(1);
    expect(Math.abs(drawn.top - passage.top), 'box top').to.be.lessThan(1);
    expect(Math.abs(drawn.width - passage.width), 'box width').to.be.lessThan(1);
    expect(f.win.getComputedStyle(boxes[0]!).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    painter.dispose();
    expect(shadow.childNodes.length).to.equal(0);
    expect(shadow.adoptedStyleSheets).to.have.length(0);
  });

  it('styleProps (the popups\' and the review list\'s positions) sets properties from the first render, with no violation', async () => {
    const f = await openStrictFrame();
    const container = f.doc.createElement('div');
    container.style.position = 'relative';
    f.doc.body.append(container);
    const draw = (props: StyleProps) => render(html`<div class="box" ${styleProps(props)}></div>`, container);
    draw({ position: 'absolute', left: '5px', transform: 'translateX(3px)' });
    const box = container.querySelector<HTMLElement>('.box')!;
    expect(box.style.left).to.equal('5px');
    expect(box.style.transform).to.equal('translateX(3px)');
    draw({ position: 'absolute', left: '7px' });
    expect(box.style.left).to.equal('7px');
    expect(box.style.transform, 'a property left out is removed').to.equal('');
    expect(box.getBoundingClientRect().left - container.getBoundingClientRect().left).to.equal(7);
    await expectNoViolations(f, 'rendering with styleProps');
  });
});
