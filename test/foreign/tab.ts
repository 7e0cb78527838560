/** Helpers the foreign-page tests share: copying a link, opening it in a fresh "tab", reading quotes. */
import { waitUntil } from '../helpers/wait.js';
import type { PlauditArticleElement } from '../../src/components/article/article.component.js';
import { quoteOf } from '../../src/controllers/annotation-controller.js';

/** What "Copy link" on an annotation puts on the clipboard (the clipboard is stubbed for the call). */
export async function copiedLink(el: PlauditArticleElement, id: string): Promise<string> {
  let copied = '';
  const clipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  Object.defineProperty(navigator, 'clipboard', {
    value: { writeText: async (text: string) => void (copied = text) },
    configurable: true,
  });
  try {
    await el.layer!.actions.copyAnnotationLink(id);
  } finally {
    if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard);
    else delete (navigator as { clipboard?: unknown }).clipboard;
  }
  return copied;
}

/** The terms of a link's text directive, decoded: `[prefix-, start, (end,) -suffix]`. */
export function directiveTerms(link: string): string[] {
  const directive = link.split(':~:text=')[1] ?? '';
  return directive.split(',').map(decodeURIComponent);
}

export interface FreshTab {
  frame: HTMLIFrameElement;
  win: Window & {
    plauditArticle: PlauditArticleElement;
    plauditDeepActive(): Element | null;
    plauditInitialHtml: string;
  };
  close(): void;
}

/**
 * Opens `test/foreign/fresh-tab.html` in an iframe (its own window and modules,
 * the same origin's IndexedDB) with the fragment (and any `plaudit` query key) of `link`, showing article
 * `body` under `articleId`: a reader following a copied link in a new tab.
 */
export async function openInFreshTab(link: string, articleId: string, body: string): Promise<FreshTab> {
  const url = new URL(link);
  const query = url.searchParams.has('plaudit') ? `&plaudit=${encodeURIComponent(url.searchParams.get('plaudit')!)}` : '';
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:800px;height:600px;border:0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/test/foreign/fresh-tab.html?article=${encodeURIComponent(articleId)}&body=${body}${query}${url.hash}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as FreshTab['win'];
  await waitUntil(() => win.plauditArticle, 'fresh tab did not start');
  await win.plauditArticle.loaded;
  return {
    frame,
    win,
    close: () => {
      // Focus back to this window before the frame goes: WebKit otherwise leaves no
      // window focused, and the next test page gets no selection events.
      window.focus();
      frame.remove();
    },
  };
}

/** The stored quote (`exact`) of each of the element's annotations, in document order. */
export function quotesOf(el: PlauditArticleElement): string[] {
  return el.annotations.map((a) => quoteOf(a.annotation)?.exact ?? '');
}
