// Bundles the Node server, `src/server/cli.ts`, into one ES module:
// dist/server/cli.js, the package's `plaudit-server` bin. Our own code goes
// in; npm packages (pglite, pg) stay imports, so they remain dependencies
// that npm installs, and PGlite finds its WASM files beside its own code.
//
// Run: node scripts/build-server.mjs [--outfile PATH]   (tests build a copy elsewhere)
import { build } from 'esbuild';
import { NODE_BUNDLE } from './node-bundle.mjs';
import { chmodSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { outfile: { type: 'string' } } });
const outfile = values.outfile ?? 'dist/server/cli.js';

await build({
  entryPoints: ['src/server/cli.ts'],
  outfile,
  ...NODE_BUNDLE,
  sourcemap: true,
  legalComments: 'none',
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync(outfile, 0o755);
console.log(`Built ${outfile}`);
