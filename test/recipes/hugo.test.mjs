// Builds test/recipes/hugo/ with the real `hugo` binary (Debian: apt-get
// install hugo) and checks the posts: each wrapped with its content file's name
// as article id, the bundle loaded with the integrity Hugo computed, the import
// map valid JSON (html/template escapes script contents it does not know), and
// the bundles published unchanged under their own names.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ODD_SLUG, checkPost, checkServedBundles, stageSite, toolSkip } from './recipe-helpers.mjs';

const CDN = 'https://cdn.jsdelivr.net/npm/plaudit@0.1.0/dist/';
const skip = toolSkip('hugo', ['version'], 'hugo');

describe('Hugo recipe', { skip }, () => {
  let site;
  const out = mkdtempSync(join(tmpdir(), 'plaudit-recipe-hugo-out-'));

  const hugo = (destination, env = {}) => execFileSync('hugo', ['--source', site.dir, '--destination', destination, '--quiet'], {
    encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });

  before(() => {
    site = stageSite('hugo');
    writeFileSync(join(site.dir, 'content', 'posts', `${ODD_SLUG}.md`),
      '---\ntitle: Odd characters in the slug\ndate: 2026-03-03\n---\nApostrophe, accent, ampersand, quotes, a less-than sign.\n');
    hugo(join(out, 'same-origin'));
    // Hugo reads params from the environment too, e.g. a CDN for production.
    hugo(join(out, 'cdn'), { HUGO_PARAMS_PLAUDIT_BASE: CDN });
  });

  after(() => {
    site?.cleanup();
    rmSync(out, { recursive: true, force: true });
  });

  // Hugo makes URLs from the title's file name with its own slug rules (urlize).
  const FILES = { 'hello-world': 'hello-world', 'second-post': 'second-post', [ODD_SLUG]: 'lété-co-3' };
  const post = (output, slug) => join(out, output, 'posts', FILES[slug], 'index.html');

  test('each post is wrapped with its content file name as article-id', () => {
    for (const [slug, title] of [['hello-world', 'Hello, world'], ['second-post', 'A second post']]) {
      checkPost(post('same-origin', slug), { articleId: slug, base: '/plaudit/', integrity: site.integrity, title });
    }
  });

  test('a file name with quotes, &, < and accents comes out as exactly that id', () => {
    checkPost(post('same-origin', ODD_SLUG), {
      articleId: ODD_SLUG, base: '/plaudit/', integrity: site.integrity, title: 'Odd characters in the slug',
    });
  });

  test('the bundles are published unchanged, under their own names', () => {
    checkServedBundles(join(out, 'same-origin', 'plaudit'), site.integrity);
  });

  test('from a CDN (HUGO_PARAMS_PLAUDIT_BASE): CDN URLs, integrity and crossorigin', () => {
    for (const slug of ['hello-world', ODD_SLUG]) {
      checkPost(post('cdn', slug), { articleId: slug, base: CDN, integrity: site.integrity });
    }
  });
});
