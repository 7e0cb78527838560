// Bundles the framework examples in demo/frameworks/ into demo/frameworks/build/,
// one ES module each (react.js, vue.js, svelte.js) exporting `mount(target, options)`.
// The frameworks go into these app bundles only, as in an author's app: never into
// Plaudit's own bundles, which the example pages load from /dist as a separate script.
// `plaudit` itself is external, so an accidental value import would fail loudly
// instead of bundling a second copy of the elements.
import { build } from 'esbuild';
import { compile } from 'svelte/compiler';
import { readFile, rm } from 'node:fs/promises';
import { relative } from 'node:path';

const DIR = 'demo/frameworks';
const OUT = `${DIR}/build`;

/** Compiles .svelte files with Svelte's own compiler (which strips `lang="ts"` types). */
const sveltePlugin = {
  name: 'svelte',
  setup(b) {
    b.onLoad({ filter: /\.svelte$/ }, async ({ path }) => {
      const filename = relative(process.cwd(), path);
      const { js, warnings } = compile(await readFile(path, 'utf8'), { filename, generate: 'client', dev: false });
      return {
        contents: `${js.code}\n//# sourceMappingURL=${js.map.toUrl()}`,
        loader: 'js',
        warnings: warnings.map((w) => ({ text: w.message, location: w.start && { file: filename, line: w.start.line, column: w.start.column } })),
      };
    });
  },
};

const common = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  external: ['plaudit', 'plaudit/*'],
  // The examples' own settings; the root tsconfig is for Plaudit's sources.
  tsconfigRaw: { compilerOptions: { jsx: 'react-jsx', verbatimModuleSyntax: true } },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

await rm(OUT, { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: { react: `${DIR}/react.tsx` }, outdir: OUT }),
  build({
    ...common,
    entryPoints: { vue: `${DIR}/vue.ts` },
    outdir: OUT,
    // The build with the template compiler, for `template:` strings in the browser.
    alias: { vue: 'vue/dist/vue.esm-bundler.js' },
    define: {
      ...common.define,
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  }),
  build({ ...common, entryPoints: { svelte: `${DIR}/svelte.ts` }, outdir: OUT, plugins: [sveltePlugin], conditions: ['browser', 'production'] }),
]);
console.log(`Built ${OUT}/{react,vue,svelte}.js`);
