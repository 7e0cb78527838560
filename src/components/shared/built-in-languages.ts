import { offerLanguages } from './locale.js';

/**
 * The languages Plaudit ships besides English, each a chunk loaded only on a
 * page in that language. Imported by the reader's elements, not by the review
 * (English only), so the review's bundle carries no language chunks.
 */
offerLanguages({
  de: () => import('../../core/strings-de.js').then((m) => m.DE),
  ar: () => import('../../core/strings-ar.js').then((m) => m.AR),
});
