// Subresource Integrity for the built bundles: prints a sha384 hash for each
// entry bundle and the chunks it loads, and writes them to dist/integrity.json,
// keyed by path relative to dist/ ("plaudit.js", "chunks/plaudit-sync-….js"), so
// a site generator can put them into `integrity` attributes and an import map.
//
// Run at the end of `npm run build`. The entries and their chunks come from
// dist/meta.json (written by scripts/build.mjs); without it, every .js in dist/
// and dist/chunks/ is hashed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ALGORITHM = 'sha384';

/** The integrity metadata of some bytes, as an `integrity` attribute wants it. */
export function sri(bytes) {
  return `${ALGORITHM}-${createHash(ALGORITHM).update(bytes).digest('base64')}`;
}

/**
 * Each entry file with the chunks its build emitted, all relative to `dist`,
 * in a stable order: `{ 'plaudit.js': ['chunks/plaudit-annotate-….js', …] }`.
 */
export function entriesIn(dist) {
  const metaFile = join(dist, 'meta.json');
  if (existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
    return Object.fromEntries(Object.entries(meta).map(([name, { outputs }]) => {
      const files = Object.keys(outputs).map((f) => relative(dist, f).split('\\').join('/'));
      const entry = `${name}.js`;
      return [entry, files.filter((f) => f !== entry).sort()];
    }));
  }
  // Chunk names start with their entry's name; the longest matching name wins,
  // so chunks/plaudit-claps-sync-… goes to plaudit-claps.js, not plaudit.js.
  const names = readdirSync(dist).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3))
    .sort((a, b) => b.length - a.length);
  const entries = Object.fromEntries([...names].sort().map((n) => [`${n}.js`, []]));
  const chunkDir = join(dist, 'chunks');
  for (const chunk of existsSync(chunkDir) ? readdirSync(chunkDir).filter((f) => f.endsWith('.js')).sort() : []) {
    const owner = names.find((n) => chunk.startsWith(`${n}-`));
    if (owner) entries[`${owner}.js`].push(`chunks/${chunk}`);
  }
  return entries;
}

/** `{ path relative to dist: 'sha384-…' }` for every entry and chunk. */
export function integrityOf(dist) {
  const integrity = {};
  for (const [entry, chunks] of Object.entries(entriesIn(dist))) {
    for (const file of [entry, ...chunks]) integrity[file] = sri(readFileSync(join(dist, file)));
  }
  return integrity;
}

function main() {
  const dist = process.argv[2] ?? 'dist';
  const integrity = integrityOf(dist);
  writeFileSync(join(dist, 'integrity.json'), `${JSON.stringify(integrity, null, 2)}\n`);
  console.log(`Subresource Integrity (${ALGORITHM}), also in ${join(dist, 'integrity.json')}:`);
  for (const [entry, chunks] of Object.entries(entriesIn(dist))) {
    console.log(`  ${entry}  ${integrity[entry]}`);
    for (const chunk of chunks) console.log(`    ${chunk}  ${integrity[chunk]}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
