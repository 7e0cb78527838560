// Checks what `npm publish` would ship, after `npm run build`: exactly the
// bundles and their chunks with source maps, the type declarations, the custom
// elements manifest, the integrity hashes, the licences, the README and
// package.json. Nothing from src/, test/, demo/ or scripts/, and no build
// leftovers (dist/meta.json is for `npm run size` only).
//
// It also checks that what ships hangs together: every path package.json names
// is in the package; each bundle has its map and each map embeds its sources
// (the package has no src/ to point at); every import in a bundle is a relative
// file that ships; dist/integrity.json lists every bundle with its current hash.
//
// Usage: node scripts/check-pack.mjs [package directory]   (default: .)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parseAst } from 'rollup/parseAst';
import { sri } from './sri.mjs';

const dir = process.argv[2] ?? '.';

/** The files a path may be, each with why it ships. */
const ALLOWED = [
  [/^package\.json$/, 'package.json'],
  [/^README\.md$/, 'README'],
  [/^LICENSE$/, 'licence'],
  [/^custom-elements\.json$/, 'custom elements manifest'],
  [/^dist\/THIRD-PARTY-LICENSES\.txt$/, 'third-party licences'],
  [/^dist\/integrity\.json$/, 'Subresource Integrity hashes'],
  [/^dist\/[\w-]+\.js(\.map)?$/, 'entry bundle'],
  [/^dist\/chunks\/[\w-]+\.js(\.map)?$/, 'lazily loaded chunk'],
  [/^dist\/types\/([\w.-]+\/)*[\w.-]+\.d\.ts$/, 'type declarations'],
  [/^dist\/server\/cli\.js(\.map)?$/, 'the plaudit-server bin'],
];
const REQUIRED = ['package.json', 'README.md', 'LICENSE', 'custom-elements.json',
  'dist/THIRD-PARTY-LICENSES.txt', 'dist/integrity.json', 'dist/server/cli.js'];

/** The specifiers a module imports, statically or with import(), parsed rather than matched. */
function importsOf(code) {
  const found = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if ((node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration'
      || node.type === 'ExportNamedDeclaration' || node.type === 'ImportExpression') && node.source) {
      found.push(node.source.type === 'Literal' ? String(node.source.value) : '(computed)');
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(parseAst(code));
  return found;
}

const problems = [];
const fail = (message) => problems.push(message);

if (!existsSync(join(dir, 'dist'))) {
  console.error(`check-pack: no ${join(dir, 'dist')}; run \`npm run build\` first.`);
  process.exit(1);
}

const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
  cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
}));
const packed = new Set(report.files.map((f) => f.path));
const read = (file) => readFileSync(join(dir, file), 'utf8');

// 1. Nothing else, and nothing missing.
for (const file of packed) {
  if (!ALLOWED.some(([pattern]) => pattern.test(file))) fail(`ships ${file}, which is not part of the package`);
}
for (const file of REQUIRED) if (!packed.has(file)) fail(`does not ship ${file}`);
const types = [...packed].filter((f) => f.startsWith('dist/types/'));
if (types.length === 0) fail('ships no type declarations (dist/types/)');

// 2. Every path package.json points at ships.
const pkg = JSON.parse(read('package.json'));
const targets = (value) => (typeof value === 'string' ? [value]
  : value && typeof value === 'object' ? Object.values(value).flatMap(targets) : []);
for (const [field, value] of Object.entries({
  main: pkg.main, module: pkg.module, types: pkg.types, customElements: pkg.customElements, exports: pkg.exports, bin: pkg.bin,
})) {
  for (const target of targets(value)) {
    const file = posix.normalize(target).replace(/^\.\//, '');
    if (!packed.has(file)) fail(`package.json ${field} names ${target}, which does not ship`);
  }
}
if (pkg.license === 'MIT' && packed.has('LICENSE') && !/MIT License/.test(read('LICENSE'))) {
  fail('package.json says MIT but LICENSE is not the MIT licence');
}

// 3. Bundles: a map each, maps with their sources, relative imports that ship.
const bundles = [...packed].filter((f) => /^dist\/(chunks\/)?[\w-]+\.js$/.test(f));
for (const bundle of bundles) {
  const code = read(bundle);
  const map = `${bundle}.map`;
  if (!packed.has(map)) fail(`${bundle} ships without ${map}`);
  const mapUrl = code.match(/\/\/# sourceMappingURL=(\S+)\s*$/)?.[1];
  if (mapUrl !== posix.basename(map)) fail(`${bundle} names its map ${mapUrl ?? '(none)'}, not ${posix.basename(map)}`);
  if (packed.has(map)) {
    const { sources = [], sourcesContent = [] } = JSON.parse(read(map));
    const missing = sources.filter((source, i) => typeof sourcesContent[i] !== 'string'
      && !packed.has(posix.normalize(posix.join(posix.dirname(bundle), source))));
    if (missing.length > 0) {
      fail(`${map} points at ${missing.length} of ${sources.length} sources that do not ship `
        + `(e.g. ${missing[0]}) and does not embed them (sourcesContent)`);
    }
  }
  for (const specifier of importsOf(code)) {
    if (!specifier.startsWith('./') && !specifier.startsWith('../')) {
      fail(`${bundle} imports "${specifier}", which a browser cannot resolve without an import map`);
      continue;
    }
    const target = posix.normalize(posix.join(posix.dirname(bundle), specifier));
    if (!packed.has(target)) fail(`${bundle} imports ${specifier} (${target}), which does not ship`);
  }
}
for (const map of [...packed].filter((f) => f.endsWith('.js.map'))) {
  if (!packed.has(map.slice(0, -'.map'.length))) fail(`${map} ships without its bundle`);
}

// 4. Integrity: every bundle listed, with the hash of the bytes that ship.
if (packed.has('dist/integrity.json')) {
  const integrity = JSON.parse(read('dist/integrity.json'));
  for (const bundle of bundles) {
    const key = bundle.slice('dist/'.length);
    const actual = sri(readFileSync(join(dir, bundle)));
    if (!(key in integrity)) fail(`dist/integrity.json has no hash for ${key}`);
    else if (integrity[key] !== actual) fail(`dist/integrity.json has a stale hash for ${key}; run \`npm run build\``);
  }
  for (const key of Object.keys(integrity)) {
    if (!packed.has(`dist/${key}`)) fail(`dist/integrity.json lists ${key}, which does not ship`);
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`npm pack: ${report.filename}, ${packed.size} files, ${kb(report.size)} packed, ${kb(report.unpackedSize)} unpacked`);
console.log(`  ${bundles.length} bundles + maps, ${types.length} declaration files, `
  + `${[...packed].filter((f) => !f.startsWith('dist/types/') && !/\.js(\.map)?$/.test(f)).join(', ')}`);
if (problems.length > 0) {
  console.error(`\ncheck-pack: ${problems.length} problem${problems.length === 1 ? '' : 's'}:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log('check-pack: the package holds exactly what it should.');
