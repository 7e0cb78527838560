// Builds test/recipes/jekyll/ with the real `jekyll` (Debian: apt-get install
// jekyll) after the recipe's own copy step, and checks the posts: each wrapped
// with its slug as article id (escaped: Liquid does not escape by itself), the
// bundle loaded with its integrity, the import map valid JSON, the bundles
// published unchanged.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ODD_SLUG, checkPost, checkServedBundles, stageSite, toolSkip } from './recipe-helpers.mjs';

const CDN = 'https://cdn.jsdelivr.net/npm/plaudit@0.1.0/dist/';
const skip = toolSkip('jekyll', ['--version'], 'jekyll');

describe('Jekyll recipe', { skip }, () => {
  let site;
  const out = mkdtempSync(join(tmpdir(), 'plaudit-recipe-jekyll-out-'));

  const jekyll = (destination, configs = '_config.yml') => execFileSync('jekyll',
    ['build', '--quiet', '--source', site.dir, '--destination', destination, '--config', configs
      .split(',').map((c) => join(site.dir, c)).join(',')],
    { encoding: 'utf8', cwd: site.dir, stdio: ['ignore', 'pipe', 'pipe'] });

  before(() => {
    site = stageSite('jekyll');
    writeFileSync(join(site.dir, '_posts', `2026-03-03-${ODD_SLUG}.md`),
      '---\nlayout: post\ntitle: Odd characters in the slug\n---\nApostrophe, accent, ampersand, quotes, a less-than sign.\n');
    execFileSync('sh', ['copy-plaudit.sh'], { cwd: site.dir });
    jekyll(join(out, 'same-origin'));
    // A second config file overrides the first, e.g. a CDN for production.
    writeFileSync(join(site.dir, '_config.cdn.yml'), `plaudit:\n  endpoint: "https://feedback.example.com/api/plaudit"\n  base: "${CDN}"\n`);
    jekyll(join(out, 'cdn'), '_config.yml,_config.cdn.yml');
  });

  after(() => {
    site?.cleanup();
    rmSync(out, { recursive: true, force: true });
  });

  // The permalink is /:year/:month/:day/:title/; Jekyll drops quotes and < from :title.
  const FILES = { 'hello-world': '2026/03/01/hello-world', 'second-post': '2026/03/02/second-post', [ODD_SLUG]: "2026/03/03/l'été-&-co-3" };
  const post = (output, slug) => join(out, output, FILES[slug], 'index.html');

  test('each post is wrapped with its slug as article-id', () => {
    for (const [slug, title] of [['hello-world', 'Hello, world'], ['second-post', 'A second post']]) {
      checkPost(post('same-origin', slug), { articleId: slug, base: '/assets/plaudit/', integrity: site.integrity, title });
    }
  });

  test('a slug with quotes, &, < and accents comes out as exactly that id', () => {
    checkPost(post('same-origin', ODD_SLUG), {
      articleId: ODD_SLUG, base: '/assets/plaudit/', integrity: site.integrity, title: 'Odd characters in the slug',
    });
  });

  test('copy-plaudit.sh puts the bundles in the site unchanged', () => {
    checkServedBundles(join(out, 'same-origin', 'assets', 'plaudit'), site.integrity);
  });

  test('from a CDN (a second config file): CDN URLs, integrity and crossorigin', () => {
    for (const slug of ['hello-world', ODD_SLUG]) {
      checkPost(post('cdn', slug), { articleId: slug, base: CDN, integrity: site.integrity });
    }
  });
});
