/**
 * Plain generated blog pages for startup.bench.ts: a header, a nav, one article of the
 * generated text (article-generator.ts) and a footer, with a small inline stylesheet, the way a
 * static blog serves a post. The Plaudit page loads the built reader bundle and wraps the article
 * in `<plaudit-article>`; the control is the same page without either.
 */
import { generateArticle, render } from './article-generator.js';

export const BUNDLE = '/dist/plaudit.js';

const STYLE = `body { margin: 0; font: 18px/1.6 Georgia, serif; color: #222; background: #fdfdfb; }
header, footer { padding: 16px 24px; background: #f1efe9; font-family: system-ui, sans-serif; }
nav a { margin-right: 16px; color: #245; }
main { max-width: 720px; margin: 0 auto; padding: 24px; }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid #ccc; color: #555; }
h1 { font-size: 2.2em; line-height: 1.2; }`;

export interface StartupPage {
  /** The article's HTML (blocks only), also its text for seeding annotations. */
  articleHtml: string;
  text: string;
  /** A full page, with or without Plaudit. */
  page(options: { plaudit: boolean; articleId?: string }): string;
}

/** A blog post of about `words` words; the same seed gives the same page. */
export function blogPage(words: number, seed = 3000): StartupPage {
  const rendered = render(generateArticle(seed, words, 0).blocks);
  return {
    articleHtml: rendered.html,
    text: rendered.text,
    page({ plaudit, articleId = `startup-${words}` }) {
      const article = `<article><h1>Notes from the print shop, part ${words}</h1> ${rendered.html}</article>`;
      return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Notes from the print shop</title>
<style>${STYLE}</style>
${plaudit ? `<script type="module" src="${BUNDLE}"></script>` : ''}
</head>
<body>
<header><strong>The Letterpress Blog</strong> <nav><a href="#">Home</a><a href="#">Archive</a><a href="#">About</a></nav></header>
<main>
${plaudit ? `<plaudit-article article-id="${articleId}">${article}</plaudit-article>` : article}
</main>
<footer>© 2026 The Letterpress Blog. <a href="#">RSS</a></footer>
</body>
</html>`;
    },
  };
}
