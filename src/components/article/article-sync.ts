import { resolveArticleId } from '../../core/article-id.js';
import { textHash } from '../../core/text-hash.js';
import type { TextModel } from '../../core/text-model.js';
import { SyncController } from '../../controllers/sync-controller.js';
import { openPlauditDatabase } from '../../storage/open-database.js';
import type { ArticleInfo, SyncEngine } from '../../sync/sync-engine.js';
import '../sync-status/sync-status.js';
import type { ArticleLayer } from './article-layer.js';

/** The blocks whose texts are the article's paragraphs for the editors. */
const BLOCKS = 'p,li,blockquote,h1,h2,h3,h4,h5,h6';

/**
 * What `<plaudit-article>` tells the server about its article: its title (the
 * article's own `<h1>`, else the page's `og:title`, else the page title, since
 * a story's headline often sits in a header outside the wrapped body and its
 * first `<h2>` is only a section), the canonical URL (else the page address),
 * a hash of the text model and the texts of its blocks.
 */
export function describeArticle(host: Element & { resolvedArticleId: string }, model: TextModel): ArticleInfo {
  const doc = host.ownerDocument;
  const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return {
    articleId: host.resolvedArticleId,
    title: text(host.querySelector('h1')) ||
      (doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '').trim() ||
      doc.title.trim() || text(host.querySelector('h2')),
    url: resolveArticleId(null, doc),
    textHash: textHash(model.text),
    paragraphs: [...host.querySelectorAll(BLOCKS)].map(text).filter(Boolean),
  };
}

/**
 * The article's sync wiring, imported only once the element has an `endpoint`
 * (with `<plaudit-sync-status>`, which the bar shows): binds the element to the
 * page's sync engine, so annotation changes are sent, and registers the article
 * with the engine once the layer has built the text model, again whenever the
 * text or the endpoint changes (the engine skips an unchanged text hash). The
 * element fires `plaudit-sync-status` on each status change, as documented;
 * the status line it renders does not, so a page hears each change once.
 */
export class ArticleSync extends SyncController {
  #registered: [SyncEngine, TextModel] | null = null;

  constructor(private readonly layer: ArticleLayer) {
    super(layer.host, { endpoint: () => layer.host.endpoint });
  }

  hostUpdated(): void {
    const { engine } = this;
    const model = this.layer.store.model;
    const [lastEngine, lastModel] = this.#registered ?? [];
    if (!engine || !model || (engine === lastEngine && model === lastModel)) return;
    this.#registered = [engine, model];
    const info = describeArticle(this.layer.host, model);
    openPlauditDatabase()
      .then((db) => engine.registerArticle(db, info))
      // Without IndexedDB nothing is queued for the server, the registration included.
      .catch(() => undefined);
  }
}
