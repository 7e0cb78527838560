// Makes sure the browsers the tests need are installed, from Debian's packages.
// `node scripts/ensure-browsers.mjs chromium` (npm test) or `... all` (npm run test:browsers).
// As root with apt, it installs what is missing; otherwise it stops with a message saying how.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { CHROMIUM, FIREFOX, WEBKIT_DRIVER, MINIBROWSER } from '../test/browsers.mjs';

const wanted = process.argv[2] === 'all' ? 'all' : 'chromium';
const needs = [{ path: CHROMIUM, packages: ['chromium'] }];
if (wanted === 'all') {
  needs.push(
    { path: FIREFOX, packages: ['firefox-esr'] },
    { path: WEBKIT_DRIVER, packages: ['webkit2gtk-driver'] },
    { path: MINIBROWSER, packages: ['webkit2gtk-driver'] },
    { path: '/usr/bin/xvfb-run', packages: ['xvfb', 'xauth'] },
  );
}
const missing = [...new Set(needs.filter((n) => !existsSync(n.path)).flatMap((n) => n.packages))];
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(
    `Plaudit's tests need ${missing.join(', ')}, which this machine lacks.\n` +
      (hasApt
        ? `Install them with:  sudo apt-get install -y ${missing.join(' ')}\n`
        : `Install a Chromium and point CHROME_PATH at it (FIREFOX_PATH, WEBKIT_DRIVER_PATH and MINIBROWSER_PATH for the others).\n`),
  );
  process.exit(1);
}
console.log(`Installing ${missing.join(', ')} from Debian's packages...`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing, 'fonts-dejavu-core'], {
  stdio: 'inherit',
  env,
});
