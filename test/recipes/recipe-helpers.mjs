// Shared by the recipe tests: a throwaway copy of a recipe site with Plaudit
// "installed" in it, and checks of the HTML a site generator wrote, made on the
// parsed document (parse5, the HTML standard's parser), never on the text.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';
import { integrityOf, sri } from '../../scripts/sri.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');

/** A file name no site generator handles without escaping: quotes, &, <, accents. */
export const ODD_SLUG = `l'été & "co" <3`;

export const ENDPOINT = 'https://feedback.example.com/api/plaudit';

/**
 * The skip reason when a site generator's binary is absent (the recipe is then
 * documented only), or false. With PLAUDIT_REQUIRE_RECIPES=1 (CI) an absent
 * binary fails instead, so a failed install cannot pass unnoticed.
 */
export function toolSkip(command, args, aptPackage) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (!result.error && result.status === 0) {
    console.log(result.stdout.trim());
    return false;
  }
  const reason = `${command} is not installed (Debian: apt-get install ${aptPackage}); the recipe is documented only`;
  if (process.env.PLAUDIT_REQUIRE_RECIPES === '1') throw new Error(`${reason}, and PLAUDIT_REQUIRE_RECIPES=1`);
  return reason;
}

/**
 * Copies the bundles and chunks of the current build (snapshotted, since a
 * rebuild empties dist/) with their hashes into `target`, the way a site gets
 * them from the npm package.
 */
export function copyBundles(target) {
  mkdirSync(join(target, 'chunks'), { recursive: true });
  for (const file of readdirSync(DIST).filter((f) => f.endsWith('.js'))) cpSync(join(DIST, file), join(target, file));
  for (const file of readdirSync(join(DIST, 'chunks')).filter((f) => f.endsWith('.js'))) {
    cpSync(join(DIST, 'chunks', file), join(target, 'chunks', file));
  }
  const integrity = integrityOf(target);
  writeFileSync(join(target, 'integrity.json'), `${JSON.stringify(integrity, null, 2)}\n`);
  return integrity;
}

/**
 * A temporary copy of test/recipes/<name>, with the package's built files at
 * node_modules/plaudit/dist (as `npm install plaudit` leaves them).
 */
export function stageSite(name) {
  assert.ok(existsSync(join(DIST, 'plaudit.js')) && existsSync(join(DIST, 'chunks')),
    'no dist/plaudit.js: run `npm run build` before the recipe tests');
  const dir = mkdtempSync(join(tmpdir(), `plaudit-recipe-${name}-`));
  cpSync(join(ROOT, 'test', 'recipes', name), dir, { recursive: true });
  const pkg = join(dir, 'node_modules', 'plaudit');
  mkdirSync(pkg, { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  const integrity = copyBundles(join(pkg, 'dist'));
  return { dir, integrity, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const children = (node) => node.childNodes ?? node.content?.childNodes ?? [];

/** Every element under `node`, in document order. */
export function elements(node, found = []) {
  for (const child of children(node)) {
    if (child.tagName) found.push(child);
    elements(child, found);
  }
  return found;
}

export const attr = (el, name) => el.attrs.find((a) => a.name === name)?.value;

export function textOf(node) {
  return children(node).map((c) => (c.nodeName === '#text' ? c.value : textOf(c))).join('');
}

export function parseFile(file) {
  return parse(readFileSync(file, 'utf8'));
}

/**
 * Checks one built post: the article wrapped in exactly one <plaudit-article>
 * with this id and endpoint; the entry loaded as a module from `src` with its
 * integrity (and `crossorigin`); when `importMap` is expected, an import map
 * before the module script giving every chunk's integrity under `base`.
 */
export function checkPost(file, { articleId, endpoint = ENDPOINT, base, integrity, title, importMap = true }) {
  const doc = parseFile(file);
  const all = elements(doc);

  const wrappers = all.filter((el) => el.tagName === 'plaudit-article');
  assert.equal(wrappers.length, 1, `${file}: one <plaudit-article>`);
  const [wrapper] = wrappers;
  assert.equal(attr(wrapper, 'article-id'), articleId, `${file}: article-id is exactly the slug`);
  assert.equal(attr(wrapper, 'endpoint'), endpoint, `${file}: endpoint`);
  const article = elements(wrapper).find((el) => el.tagName === 'article');
  assert.ok(article, `${file}: an <article> inside <plaudit-article>`);
  if (title) assert.match(textOf(article), new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), `${file}: the post is inside`);
  // Stray markup from an unescaped slug (`<3`, `"`) would add elements or attributes.
  assert.deepEqual(wrapper.attrs.map((a) => a.name).sort(), ['article-id', 'endpoint'], `${file}: no stray attributes`);

  const modules = all.filter((el) => el.tagName === 'script' && attr(el, 'type') === 'module');
  assert.equal(modules.length, 1, `${file}: one module script`);
  const [script] = modules;
  const src = attr(script, 'src');
  // The chunks import the entry back by its plain URL; a query string or a
  // renamed file would load a second copy of it.
  assert.equal(src, `${base}plaudit.js`, `${file}: the entry at its plain URL`);
  assert.equal(attr(script, 'integrity'), integrity['plaudit.js'], `${file}: integrity of plaudit.js`);
  assert.equal(attr(script, 'crossorigin'), 'anonymous', `${file}: crossorigin="anonymous"`);

  const maps = all.filter((el) => el.tagName === 'script' && attr(el, 'type') === 'importmap');
  if (!importMap) {
    assert.equal(maps.length, 0, `${file}: no import map`);
    return doc;
  }
  assert.equal(maps.length, 1, `${file}: one import map`);
  assert.ok(all.indexOf(maps[0]) < all.indexOf(script), `${file}: the import map comes before the module script`);
  const map = JSON.parse(textOf(maps[0]));
  const chunks = Object.keys(integrity).filter((f) => f.startsWith('chunks/'));
  assert.ok(chunks.length > 0);
  assert.deepEqual(map.integrity, Object.fromEntries(chunks.map((f) => [`${base}${f}`, integrity[f]])),
    `${file}: the import map's integrity covers every chunk`);
  return doc;
}

/** Checks that `site` serves the bundles byte for byte under `dir` (same-origin hosting). */
export function checkServedBundles(dir, integrity) {
  for (const [file, hash] of Object.entries(integrity)) {
    const served = join(dir, file);
    assert.ok(existsSync(served), `${served} is published`);
    assert.equal(sri(readFileSync(served)), hash, `${served} is the built file, unchanged`);
  }
}
