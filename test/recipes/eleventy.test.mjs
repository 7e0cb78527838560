// Builds test/recipes/eleventy/ with Eleventy 3 (the devDependency) and checks
// the posts it writes: each wrapped with its own article id, the bundle loaded
// with its integrity, the bundles served unchanged from the site, and a slug of
// quotes, ampersands and a less-than sign coming out as exactly that slug.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Eleventy from '@11ty/eleventy';
import { ODD_SLUG, checkPost, checkServedBundles, stageSite } from './recipe-helpers.mjs';

const CDN = 'https://cdn.jsdelivr.net/npm/plaudit@0.1.0/dist/';

/** Builds the staged site into `output`, with PLAUDIT_BASE set or not. */
async function build(output, base) {
  if (base) process.env.PLAUDIT_BASE = base;
  else delete process.env.PLAUDIT_BASE;
  try {
    const eleventy = new Eleventy('.', output, { quietMode: true, configPath: 'eleventy.config.mjs' });
    await eleventy.write();
  } finally {
    delete process.env.PLAUDIT_BASE;
  }
}

describe('Eleventy recipe', () => {
  let site;
  // Outside the site, so that one build's output is not the next build's input.
  const out = mkdtempSync(join(tmpdir(), 'plaudit-recipe-eleventy-out-'));
  const cwd = process.cwd();

  before(async () => {
    site = stageSite('eleventy');
    writeFileSync(join(site.dir, 'posts', `2026-03-03-${ODD_SLUG}.md`),
      '---\ntitle: Odd characters in the slug\n---\nApostrophe, accent, ampersand, quotes, a less-than sign.\n');
    // Eleventy resolves the config's and data file's paths from the working directory.
    process.chdir(site.dir);
    await build(join(out, 'same-origin'));
    await build(join(out, 'cdn'), CDN);
  });

  after(() => {
    process.chdir(cwd);
    site?.cleanup();
    rmSync(out, { recursive: true, force: true });
  });

  // Eleventy keeps a file's date prefix in its URL; page.fileSlug drops it.
  const FILES = { 'hello-world': '2026-03-01-hello-world', 'second-post': '2026-03-02-second-post', [ODD_SLUG]: `2026-03-03-${ODD_SLUG}` };
  const post = (output, slug) => join(out, output, 'posts', FILES[slug], 'index.html');

  test('each post is wrapped with its own slug as article-id (same origin)', () => {
    for (const [slug, title] of [['hello-world', 'Hello, world'], ['second-post', 'A second post']]) {
      checkPost(post('same-origin', slug), { articleId: slug, base: '/assets/plaudit/', integrity: site.integrity, title });
    }
  });

  test('a slug with quotes, &, < and accents comes out unchanged and harmless', () => {
    checkPost(post('same-origin', ODD_SLUG), {
      articleId: ODD_SLUG, base: '/assets/plaudit/', integrity: site.integrity, title: 'Odd characters in the slug',
    });
  });

  test('the bundles are copied into the site unchanged', () => {
    checkServedBundles(join(out, 'same-origin', 'assets', 'plaudit'), site.integrity);
  });

  test('from a CDN: the same snippet with the CDN base, integrity and crossorigin', () => {
    for (const slug of ['hello-world', ODD_SLUG]) {
      checkPost(post('cdn', slug), { articleId: slug, base: CDN, integrity: site.integrity });
    }
  });

  test('the canonical link is the post URL on the site', async () => {
    const { parseFile, elements, attr } = await import('./recipe-helpers.mjs');
    const link = elements(parseFile(post('same-origin', 'hello-world')))
      .find((el) => el.tagName === 'link' && attr(el, 'rel') === 'canonical');
    assert.equal(attr(link, 'href'), 'https://blog.example.com/posts/2026-03-01-hello-world/');
  });
});
