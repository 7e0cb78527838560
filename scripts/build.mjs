// Builds the minified ES module bundles in dist/, one entry point at a time.
//
// Rollup bundles, because it lets us choose the chunks. A reader's page should
// make as few requests as possible and gzip compresses one file better than
// several, so each entry becomes at most four files:
//   dist/<entry>.js                  everything the page needs up front
//   dist/chunks/<entry>-annotate-*   the annotation layer, loaded when idle or on first use
//   dist/chunks/<entry>-fuzzy-*      approximate matching, only when an exact search fails
//   dist/chunks/<entry>-sync-*       sync, loaded only when an `endpoint` is set
//   dist/chunks/plaudit-review-transfer-*   the review's export and import, on first use
//   dist/chunks/<entry>-strings-<lang>-*    a language's strings, only on pages in that language
// (esbuild's automatic splitting made 14 files for the reader: 2.2 KB more gzip,
// and six requests before the clap button could render.)
// esbuild strips the types file by file; terser then minifies each chunk.
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { transform } from 'esbuild';
import { minify } from 'terser';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { minifyTemplates } from './minify-templates.mjs';

export const ENTRIES = ['plaudit', 'plaudit-claps', 'plaudit-review'].filter((name) =>
  existsSync(`src/${name}.ts`),
);

const tsconfigRaw = readFileSync('tsconfig.json', 'utf8');

/** Our sources import `./x.js` and mean `./x.ts`; esbuild removes the types. */
const typescript = {
  name: 'typescript',
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.') || !source.endsWith('.js')) return null;
    const file = resolve(dirname(importer), source.replace(/\.js$/, '.ts'));
    return existsSync(file) ? file : null;
  },
  async transform(code, id) {
    if (!id.endsWith('.ts')) return null;
    const result = await transform(minifyTemplates(code), {
      loader: 'ts', target: 'es2022', tsconfigRaw, sourcefile: id, sourcemap: true, legalComments: 'none',
    });
    return { code: result.code, map: result.map };
  },
};

/**
 * idb's cursor support (advancing a wrapped cursor, `for await (const cursor of
 * store)`, `store.iterate()`) is unused here, and no tree-shaking can drop it:
 * the iterators install a proxy trap as a side effect, and the advance methods
 * are checked on every wrapped call. This cuts both out of idb's build (about
 * 0.3 KB gzip in each bundle). The build fails if the code is not found (a new
 * idb); scripts/check-src.mjs refuses cursors in src/.
 */
const IDB_UNUSED = [
  /\nconst advanceMethodProps = [^]*?\n}\)\);\n(?=\nexport )/,
  /\n {4}if \(getCursorAdvanceMethods\(\)\.includes\(func\)\) {[^]*?\n {4}}\n/,
];
const idbWithoutCursors = {
  name: 'idb-without-cursors',
  transform(code, id) {
    if (!/[\\/]idb[\\/]build[\\/]index\.js$/.test(id)) return null;
    for (const unused of IDB_UNUSED) {
      if (!unused.test(code)) throw new Error(`${id}: ${unused} not found; check IDB_UNUSED for this idb version`);
      code = code.replace(unused, '\n');
    }
    return { code, map: null };
  },
};

/** Sync code, by file name; it loads only with an endpoint. */
const SYNC = /[\\/](sync[\\/]|controllers[\\/](clap-sync|sync-controller)|components[\\/](article[\\/]article-sync|sync-status[\\/]))/;

/** A language's strings (src/core/strings-de.ts): each its own chunk, loaded only on pages in that language. */
const LANGUAGE = /[\\/]core[\\/]strings-(?!en\b)(\w+)\.ts$/;

/** The approximate matcher, needed only when an exact search fails. */
const FUZZY = /[\\/](fuzzy-anchor\.ts|approx-string-match[\\/])/;

/**
 * Modules the entry imports statically stay in the entry file. What it imports
 * lazily goes to sync, to the fuzzy matcher, or with everything else to the
 * annotation layer. The few lazy modules both need (the annotation
 * store, say) go up front, so that neither lazy chunk has to load the other.
 * Naming every module is needed: Rollup would otherwise pull a lazy chunk's
 * dependencies into it, even ones the entry uses.
 */
function chunkFor(name) {
  let eager;
  let neededBySync;
  return (id, { getModuleIds, getModuleInfo }) => {
    if (!eager) {
      const reach = (roots) => {
        const seen = new Set();
        const visit = (m) => {
          if (seen.has(m)) return;
          seen.add(m);
          for (const dep of getModuleInfo(m).importedIds) visit(dep);
        };
        roots.forEach(visit);
        return seen;
      };
      const ids = [...getModuleIds()];
      eager = reach(ids.filter((m) => getModuleInfo(m).isEntry));
      neededBySync = reach(ids.filter((m) => SYNC.test(m)));
    }
    const language = id.match(LANGUAGE)?.[1];
    if (language) return `strings-${language}`;
    // The review loads its export and import code on first use.
    if (name === 'plaudit-review') return eager.has(id) ? name : 'transfer';
    if (SYNC.test(id) || (name !== 'plaudit' && !eager.has(id))) return 'sync';
    if (eager.has(id) || neededBySync.has(id)) return name;
    return FUZZY.test(id) ? 'fuzzy' : 'annotate';
  };
}

/** Minified bytes of each module Rollup put in a chunk. */
async function moduleSizes(modules) {
  const sizes = {};
  for (const [id, m] of Object.entries(modules)) {
    if (!m.code) continue;
    const { code } = await minify(m.code, { module: true, ecma: 2022, compress: false, format: { comments: false } });
    if (code) sizes[relative(process.cwd(), id).replace(/\\/g, '/')] = { bytesInOutput: code.length };
  }
  return sizes;
}

// dist/server/ is the server's build (scripts/build-server.mjs): kept.
for (const entry of existsSync('dist') ? readdirSync('dist') : []) {
  if (entry !== 'server') rmSync(`dist/${entry}`, { recursive: true, force: true });
}
mkdirSync('dist/chunks', { recursive: true });
/** The server's code (the shared endpoint and the Node parts) never goes to a browser bundle. */
const SERVER_ONLY = /[\\/]src[\\/](endpoint|server)[\\/]/;
// The same shape as esbuild's metafile, which `npm run size` reads.
const meta = {};
const thirdParty = new Map();
for (const name of ENTRIES) {
  const bundle = await rollup({
    input: { [name]: `src/${name}.ts` },
    plugins: [typescript, idbWithoutCursors, nodeResolve()],
    preserveEntrySignatures: 'allow-extension',
    onwarn(warning, warn) {
      if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
    },
  });
  const { output } = await bundle.generate({
    format: 'es',
    dir: 'dist',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: `chunks/${name}-[name]-[hash].js`,
    manualChunks: chunkFor(name),
  });
  await bundle.close();
  const outputs = {};
  for (const chunk of output) {
    if (chunk.type !== 'chunk') continue;
    const file = `dist/${chunk.fileName}`;
    const base = chunk.fileName.split('/').pop();
    // Repeated compression saves a few per cent over one pass, which matters under a 10 KB budget;
    // hoisting function declarations (safe: it is what the language does) saves 28 bytes more.
    const result = await minify(chunk.code, {
      module: true,
      ecma: 2022,
      compress: { passes: 3, pure_getters: true, hoist_funs: true },
      format: { comments: false },
      sourceMap: { content: chunk.map, url: `${base}.map`, includeSources: true },
    });
    writeFileSync(file, result.code);
    writeFileSync(`${file}.map`, result.map);
    const sibling = (f) => `dist/${f}`;
    outputs[file] = {
      // Each module's share of the chunk: its tree-shaken code, minified on its own (a
      // library's comments would otherwise count). scripts/size.mjs turns it into a
      // per-module table of gzip bytes.
      inputs: await moduleSizes(chunk.modules),
      imports: [
        ...chunk.imports.map((f) => ({ path: sibling(f), kind: 'import-statement' })),
        ...chunk.dynamicImports.map((f) => ({ path: sibling(f), kind: 'dynamic-import' })),
      ],
    };
    for (const id of Object.keys(chunk.modules)) {
      if (SERVER_ONLY.test(id)) throw new Error(`${file} would contain server code: ${id}`);
      const pkg = id.match(/node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/)?.[1];
      if (pkg) thirdParty.set(pkg, JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')));
    }
  }
  meta[name] = { outputs };
}
writeFileSync('dist/meta.json', JSON.stringify(meta));
// Licences of the packages bundled in, in place of comments inside the bundles.
writeFileSync('dist/THIRD-PARTY-LICENSES.txt', [...thirdParty.values()]
  .map((pkg) => `${pkg.name}@${pkg.version}: ${pkg.license}${pkg.author ? `, ${pkg.author.name ?? pkg.author}` : ''}\n${pkg.homepage ?? ''}\n`)
  .join('\n'));
console.log(`Built ${ENTRIES.map((n) => `dist/${n}.js`).join(', ')}`);
