// The Node server's tests: esbuild bundles each test/server/*.test.ts (or the
// files given) into .build/test-server/, and Node's own test runner runs them
// (Node 20 cannot strip types itself). npm packages stay imports, resolved
// from node_modules as in production.
//
// Run: node scripts/test-server.mjs [test/server/x.test.ts ...]
import { build } from 'esbuild';
import { NODE_BUNDLE } from './node-bundle.mjs';
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { basename } from 'node:path';

const outdir = '.build/test-server';
const given = process.argv.slice(2);
const files = given.length > 0
  ? given
  : readdirSync('test/server').filter((f) => f.endsWith('.test.ts')).sort().map((f) => `test/server/${f}`);

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: files,
  outdir,
  outExtension: { '.js': '.mjs' },
  ...NODE_BUNDLE,
  sourcemap: 'inline',
});

const bundles = files.map((f) => `${outdir}/${basename(f).replace(/\.ts$/, '.mjs')}`);
const run = spawnSync(process.execPath, ['--enable-source-maps', '--test', ...bundles], { stdio: 'inherit' });
process.exit(run.status ?? 1);
