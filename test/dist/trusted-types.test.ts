// Both built bundles on one page that enforces Trusted Types, as the README tells
// an author to set it up: `require-trusted-types-for 'script'; trusted-types lit-html
// 'allow-duplicates'`. Each bundle carries its own copy of lit, and each copy
// creates the `lit-html` policy once; 'allow-duplicates' lets the second do so.
// Chromium enforces Trusted Types (this runner is Chromium only).
import { expect } from '@open-wc/testing';
import type { RecordedViolation } from '../components/article/article-csp-recorder.js';
import { waitUntil } from '../helpers/wait.js';

const ORIGIN = location.origin;
/** The README's policy (strict CSP plus Trusted Types), the origin named as in article-csp.test.ts. */
const POLICY = [
  `default-src 'self' ${ORIGIN}`, `script-src 'self' ${ORIGIN}`, `style-src 'self' ${ORIGIN}`,
  "require-trusted-types-for 'script'", "trusted-types lit-html 'allow-duplicates'",
].join('; ');

type FrameWindow = Window & typeof globalThis & { plauditCspViolations?: RecordedViolation[] };

describe('Trusted Types: plaudit-claps.js and plaudit.js on one page', () => {
  it('defines and renders every element with no policy violation', async () => {
    const frame = document.createElement('iframe');
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="${POLICY}"><title>Trusted Types</title>
      <script type="module" src="/test/components/article/article-csp-recorder.ts"></script>
      <script type="module" src="/dist/plaudit-claps.js"></script>
      <script type="module" src="/dist/plaudit.js"></script></head>
      <body><plaudit-claps article-id="tt-${crypto.randomUUID()}"></plaudit-claps>
      <plaudit-article article-id="tt-${crypto.randomUUID()}"><article><h1>Trusted</h1><p>A paragraph to read under Trusted Types.</p></article></plaudit-article></body></html>`;
    document.body.append(frame);
    try {
      await loaded;
      const win = frame.contentWindow as FrameWindow;
      const doc = frame.contentDocument!;
      expect((win as unknown as { trustedTypes?: unknown }).trustedTypes, 'this browser enforces Trusted Types').to.not.equal(undefined);
      await waitUntil(() => win.customElements.get('plaudit-claps') && win.customElements.get('plaudit-article'), 'an element was never defined');
      const article = doc.querySelector('plaudit-article') as HTMLElement & { loaded: Promise<void> };
      await article.loaded;
      await waitUntil(() => doc.querySelector('plaudit-claps')!.shadowRoot?.querySelector('button'), 'the standalone clap button did not render');
      await waitUntil(() => article.shadowRoot?.querySelector('plaudit-claps')?.shadowRoot?.querySelector('button'), "the article's clap button did not render");
      expect(win.plauditCspViolations, 'violations').to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
