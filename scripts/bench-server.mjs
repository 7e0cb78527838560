// `npm run bench:server`: bundles test/bench/server-bench.ts with esbuild (Node 20
// cannot strip types) and runs it. See that file for what it measures.
import { build } from 'esbuild';
import { NODE_BUNDLE } from './node-bundle.mjs';
import { spawnSync } from 'node:child_process';

const outfile = '.build/bench-server/server-bench.mjs';
await build({
  entryPoints: ['test/bench/server-bench.ts'],
  outfile,
  ...NODE_BUNDLE,
  sourcemap: 'inline',
});
const run = spawnSync(process.execPath, ['--enable-source-maps', outfile], { stdio: 'inherit' });
process.exit(run.status ?? 1);
