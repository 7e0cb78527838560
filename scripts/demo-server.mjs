// `npm run demo:server`: the demo article and the editor review, served by
// the real plaudit-server with its embedded database (PGlite in
// ./plaudit-data, or PLAUDIT_DATA_DIR), instead of the in-browser mock.
//
// Builds the widget bundles and the server, makes an editor token named
// `demo` on first start (printed once; `--new-token` replaces it), then runs
// the server with the pages mounted beside the bundles: / holds the demo's own
// index.html and review.html with their scripts pointed at the built bundles
// (written to .build/demo-server/), /dist/ the bundles, /assets/ and
// /demo.css the demo's images and styles.
// Nothing else in the repository is reachable. Other arguments go to
// `plaudit-server serve` (e.g. `npm run demo:server -- --port 9000`).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const cli = 'dist/server/cli.js';
const args = process.argv.slice(2);
const newToken = args.includes('--new-token');
const serveArgs = args.filter((arg) => arg !== '--new-token');
const dataDir = process.env.PLAUDIT_DATA_DIR || './plaudit-data';

const run = (file, argv, options = {}) => execFileSync(process.execPath, [file, ...argv], { encoding: 'utf8', ...options });

console.log('Building the widgets and the server...');
run('scripts/build.mjs', [], { stdio: 'inherit' });
run('scripts/build-server.mjs', [], { stdio: 'inherit' });

/**
 * The demo's pages, as they are, but loading the built bundles instead of the
 * mock's TypeScript entry points (no mock, no fault panel).
 */
const PAGES = { 'index.html': ['./demo.ts', '/dist/plaudit.js'], 'review.html': ['./review.ts', '/dist/plaudit-review.js'] };
const pagesDir = '.build/demo-server';
mkdirSync(pagesDir, { recursive: true });
for (const [page, [from, to]] of Object.entries(PAGES)) {
  const html = readFileSync(`demo/${page}`, 'utf8');
  const tag = `<script type="module" src="${from}"></script>`;
  if (!html.includes(tag)) throw new Error(`demo/${page} no longer loads ${from}: update scripts/demo-server.mjs`);
  writeFileSync(`${pagesDir}/${page}`, html.replace(tag, `<script type="module" src="${to}"></script>`));
}

/** The `demo` editor token, when it is made now; null when one exists already. */
function ensureDemoToken() {
  const db = ['--data-dir', dataDir];
  const live = JSON.parse(run(cli, ['editor-token', 'list', '--json', ...db])).filter((t) => t.name === 'demo' && t.revoked === null);
  if (live.length > 0 && !newToken) return null;
  for (const token of live) run(cli, ['editor-token', 'revoke', token.id, ...db], { stdio: ['ignore', 'ignore', 'ignore'] });
  return run(cli, ['editor-token', 'create', '--name', 'demo', ...db], { stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

const token = ensureDemoToken();
const server = spawn(process.execPath, [
  cli, 'serve',
  '--data-dir', dataDir,
  '--static', `/=${pagesDir}`,
  '--static', '/dist/=dist',
  '--static', '/assets/=demo/assets',
  '--static', '/demo.css=demo/demo.css',
  ...serveArgs,
// Its own process group: a Ctrl+C reaches it once, through us, not twice (a second signal means "now").
], { stdio: ['ignore', 'inherit', 'pipe'], detached: true });

// Pass the server's messages through; once it is up, say where to look.
createInterface({ input: server.stderr }).on('line', (line) => {
  console.error(line);
  const up = /^Plaudit server on (http:\/\/[^/\s]+)/.exec(line);
  if (!up) return;
  const origin = up[1].replace('//0.0.0.0:', '//localhost:').replace('//[::]:', '//localhost:');
  console.error(`\n  The article:       ${origin}/`);
  console.error(`  The editor review: ${origin}/review.html`);
  console.error(token
    ? `  Editor token "demo" (shown this once; the review asks for it):\n\n    ${token}\n`
    : '  Sign in to the review with the "demo" editor token printed on the first start\n  (lost it? npm run demo:server -- --new-token)\n');
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill('SIGTERM'));
process.on('exit', () => server.exitCode === null && server.kill('SIGTERM'));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
