// Builds the minified ES module bundles in dist/. Each entry point is built on its
// own, so a page that loads only one file gets everything it needs up front;
// code an entry loads lazily (dynamic import) becomes a chunk beside it.
import { build } from 'esbuild';
import { minify } from 'terser';
import { minifyTemplates } from './minify-templates.mjs';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

export const ENTRIES = ['plaudit', 'plaudit-claps', 'plaudit-review'].filter((name) =>
  existsSync(`src/${name}.ts`),
);

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
const metafiles = {};
for (const name of ENTRIES) {
  const result = await build({
    entryPoints: { [name]: `src/${name}.ts` },
    outdir: 'dist',
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    chunkNames: `chunks/${name}-[name]-[hash]`,
    metafile: true,
    tsconfig: 'tsconfig.json',
    logLevel: 'warning',
    plugins: [minifyTemplates],
  });
  metafiles[name] = result.metafile;
}
// A second, slower pass: terser's repeated compression saves a few per cent over
// esbuild alone, which matters under a 10 KB budget. Source maps are kept in step.
for (const file of new Set(Object.values(metafiles).flatMap((m) => Object.keys(m.outputs)))) {
  if (!file.endsWith('.js')) continue;
  const code = readFileSync(file, 'utf8');
  const map = readFileSync(`${file}.map`, 'utf8');
  const base = file.split('/').pop();
  const result = await minify(code, {
    module: true,
    ecma: 2022,
    compress: { passes: 3, pure_getters: true },
    format: { comments: /^!/ },
    sourceMap: { content: map, url: `${base}.map` },
  });
  writeFileSync(file, result.code);
  writeFileSync(`${file}.map`, result.map);
}
writeFileSync('dist/meta.json', JSON.stringify(metafiles));
console.log(`Built ${ENTRIES.map((n) => `dist/${n}.js`).join(', ')}`);
