/**
 * `demo/strict.html`, as the dev server sends it: with a `Content-Security-Policy`
 * header (`STRICT_POLICY` in web-dev-server.config.mjs: no inline script or
 * style, no eval, `object-src 'none'`, `base-uri 'none'`, Trusted Types with only
 * lit's policy). The page lists every violation (`demo/csp-violations.ts`); the
 * reader's paths by mouse and by keyboard, and the review element, must leave
 * none. Each engine is asked only what it enforces: Trusted Types where the
 * frame has `trustedTypes`.
 */
import { expect } from '@open-wc/testing';
import { resetMouse } from '@web/test-runner-commands';
import { waitUntil } from '../../helpers/wait.js';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';
import type { CspViolation } from '../../../demo/csp-violations.js';
import { chord } from './keys.js';
import { button, clickCentre, clickRect, expectInViewport, expectNextTo } from './geometry.js';

type FrameWindow = Window & typeof globalThis & { plauditCspViolations?: CspViolation[]; trustedTypes?: unknown };

interface Strict {
  frame: HTMLIFrameElement;
  win: FrameWindow;
  doc: Document;
  el: PlauditArticleElement;
  /** The violations so far, apart from the canary's, once every earlier one has been delivered. */
  violations(): Promise<CspViolation[]>;
}

let open: HTMLIFrameElement | null = null;

async function openStrictPage(): Promise<Strict> {
  const frame = document.createElement('iframe');
  Object.assign(frame.style, { position: 'fixed', left: '0', top: '0', width: '800px', height: '600px', border: '0', zIndex: '1' });
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = '/demo/strict.html';
  document.body.append(frame);
  open = frame;
  await loaded;
  const win = frame.contentWindow as FrameWindow;
  const doc = frame.contentDocument!;
  await waitUntil(() => win.plauditCspViolations && win.customElements.get('plaudit-article') && win.customElements.get('plaudit-review'), 'Plaudit did not load');
  const el = doc.querySelector('plaudit-article') as PlauditArticleElement;
  await el.loaded;
  await el.load();
  const canary = doc.getElementById('csp-canary')!;
  const isCanary = (v: CspViolation) => v.target === '<div#csp-canary>';
  let canaries = 0;
  return {
    frame, win, doc, el,
    // Violation events are queued in order: once the canary's is reported, every earlier one has been.
    async violations() {
      canaries++;
      canary.setAttribute('style', `--canary: ${canaries}`);
      await waitUntil(() => win.plauditCspViolations!.filter(isCanary).length === canaries, 'the canary violation was not reported');
      return win.plauditCspViolations!.filter((v) => !isCanary(v));
    },
  };
}

function rangeIn(f: Strict, text: string): Range {
  const walker = f.doc.createTreeWalker(f.el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at === -1) continue;
    const range = f.doc.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    return range;
  }
  throw new Error(`text not found: ${text}`);
}

async function selectIn(f: Strict, text: string): Promise<Range> {
  const range = rangeIn(f, text);
  range.startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
  const changed = new Promise((resolve) => f.doc.addEventListener('selectionchange', resolve, { once: true }));
  f.win.focus();
  f.doc.getSelection()!.removeAllRanges();
  f.doc.getSelection()!.addRange(range);
  await changed;
  return range;
}

const inShadow = async <T extends Element>(f: Strict, selector: string, what: string): Promise<T> => {
  await waitUntil(() => f.el.shadowRoot!.querySelector(selector), `${what} did not appear`);
  return f.el.shadowRoot!.querySelector<T>(selector)!;
};

async function expectNone(f: Strict, after: string): Promise<void> {
  const seen = await f.violations();
  expect(seen, `violations after ${after}: ${JSON.stringify(seen)}`).to.deep.equal([]);
}

describe('demo/strict.html under its Content-Security-Policy header', () => {
  afterEach(async () => {
    await resetMouse();
    window.focus();
    open?.remove();
    open = null;
  });

  it('is sent with the strict policy, which the frame enforces', async () => {
    const policy = (await fetch('/demo/strict.html')).headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "require-trusted-types-for 'script'", 'trusted-types lit-html']) {
      expect(policy, directive).to.contain(directive);
    }
    const f = await openStrictPage();
    await f.violations();
    expect(f.win.plauditCspViolations!.find((v) => v.target === '<div#csp-canary>')?.directive).to.match(/^style-src/);
    if (f.win.trustedTypes) {
      // A string into a script sink is refused: only lit's policy may make markup.
      expect(() => {
        f.doc.createElement('div').innerHTML = '<b>x</b>';
      }).to.throw();
      const refused = await f.violations();
      expect(refused.map((v) => v.directive)).to.deep.equal(['require-trusted-types-for']);
    }
  });

  it('the reader by mouse, by keyboard, and the review element: no violation', async () => {
    const f = await openStrictPage();
    await expectNone(f, 'loading');

    // Mouse: select, Highlight; select, Add note, Save; the card.
    const first = await selectIn(f, 'picks each letter');
    let bar = await inShadow<HTMLElement>(f, 'plaudit-selection-toolbar', 'the toolbar');
    expectInViewport(bar, 'the toolbar', f.win);
    expectNextTo(bar, first.getBoundingClientRect(), 'the toolbar');
    const before = f.el.annotations.length;
    await clickCentre(button(bar.shadowRoot!, 'Highlight'), 'Highlight', f.frame);
    await waitUntil(() => f.el.annotations.length === before + 1, 'highlight not saved');
    await expectNone(f, 'Highlight');

    await selectIn(f, 'Spacing is the real craft');
    bar = await inShadow<HTMLElement>(f, 'plaudit-selection-toolbar', 'the toolbar');
    await clickCentre(button(bar.shadowRoot!, 'Add note'), 'Add note', f.frame);
    const editor = await inShadow<HTMLElement>(f, 'plaudit-note-editor', 'the note editor');
    await (editor as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const box = editor.shadowRoot!.querySelector('textarea')!;
    box.value = 'Spacing, by hand';
    box.dispatchEvent(new f.win.InputEvent('input', { bubbles: true, composed: true }));
    await clickCentre(button(editor.shadowRoot!, 'Save'), 'Save', f.frame);
    await waitUntil(() => f.el.annotations.length === before + 2, 'note not saved');
    await waitUntil(() => !f.el.shadowRoot!.querySelector('plaudit-note-editor'), 'the editor stayed');
    await expectNone(f, 'saving a note');

    f.doc.getSelection()!.removeAllRanges();
    const noted = rangeIn(f, 'Spacing is the real craft');
    await clickRect(noted.getClientRects()[0]!, f.frame);
    const card = await inShadow<HTMLElement>(f, '.card', 'the card');
    expectInViewport(card, 'the card', f.win);
    expectNextTo(card, noted.getBoundingClientRect(), 'the card');
    await clickCentre(button(card, 'Close'), 'the card\'s Close', f.frame);
    await waitUntil(() => !f.el.shadowRoot!.querySelector('.card'), 'the card stayed');
    await expectNone(f, 'the card');

    // Keyboard: Alt+Shift+H to the toolbar, Enter highlights; Alt+Shift+N into the panel, Escape;
    // Alt+Shift+R starts the reading cursor, Escape leaves it.
    await selectIn(f, 'tied up with string');
    await inShadow<HTMLElement>(f, 'plaudit-selection-toolbar', 'the toolbar');
    await chord('Alt', 'Shift', 'KeyH');
    await waitUntil(() => f.el.shadowRoot!.activeElement?.localName === 'plaudit-selection-toolbar', 'Alt+Shift+H did not focus the toolbar');
    await chord('Enter');
    await waitUntil(() => f.el.annotations.length === before + 3, 'Enter did not highlight');
    f.doc.getSelection()!.removeAllRanges();
    await chord('Alt', 'Shift', 'KeyN');
    const panel = await inShadow<HTMLElement>(f, 'plaudit-notes-panel', 'the panel');
    expectInViewport(panel, 'the panel', f.win);
    await waitUntil(() => f.el.shadowRoot!.activeElement === panel, 'the panel did not take focus');
    await chord('Escape');
    await waitUntil(() => !f.el.shadowRoot!.querySelector('plaudit-notes-panel'), 'Escape did not close the panel');
    await chord('Alt', 'Shift', 'KeyR');
    const cursor = await inShadow<HTMLElement>(f, '.cursor', 'the reading cursor');
    expectInViewport(cursor, 'the reading cursor', f.win);
    await chord('Escape');
    await waitUntil(() => !f.el.shadowRoot!.querySelector('.cursor'), 'Escape did not leave the reading cursor');
    await expectNone(f, 'the keyboard paths');

    // The review element: rendered, and its help dialog opened by a click and closed with Escape.
    const review = f.doc.querySelector('plaudit-review')!;
    await waitUntil(() => review.shadowRoot?.querySelector('button[aria-haspopup="dialog"]'), 'the review did not render');
    const help = review.shadowRoot!.querySelector<HTMLElement>('button[aria-haspopup="dialog"]')!;
    // The review lays out as its data loads: scrolled to until it stays in view.
    await waitUntil(() => {
      help.scrollIntoView({ block: 'center', behavior: 'instant' });
      const r = help.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= f.win.innerHeight;
    }, 'the Shortcuts button never came into view');
    await clickCentre(help, 'the review\'s Shortcuts', f.frame);
    await waitUntil(() => review.shadowRoot!.querySelector('dialog.help[open]'), 'the click did not open the help');
    await chord('Escape');
    await waitUntil(() => !review.shadowRoot!.querySelector('dialog.help[open]'), 'Escape did not close the help');
    await expectNone(f, 'the review');
  });
});
