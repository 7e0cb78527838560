// Site-wide Plaudit settings, read by _includes/plaudit-head.njk and plaudit.njk.
import { readFileSync } from 'node:fs';

export default function () {
  // Where the bundles are served: the site itself (eleventy.config.mjs copies
  // them to /assets/plaudit/) or a CDN, e.g.
  // PLAUDIT_BASE=https://cdn.jsdelivr.net/npm/plaudit@0.1.0/dist/
  const base = process.env.PLAUDIT_BASE ?? '/assets/plaudit/';
  // The build's hashes, so `integrity` always matches the files of the installed version.
  const integrity = JSON.parse(readFileSync('node_modules/plaudit/dist/integrity.json', 'utf8'));
  return {
    endpoint: process.env.PLAUDIT_ENDPOINT ?? 'https://feedback.example.com/api/plaudit',
    src: `${base}plaudit.js`,
    integrity: integrity['plaudit.js'],
    // The chunks plaudit.js imports later; an import map's `integrity` covers them.
    importMap: {
      integrity: Object.fromEntries(Object.entries(integrity)
        .filter(([file]) => file.startsWith('chunks/'))
        .map(([file, hash]) => [`${base}${file}`, hash])),
    },
  };
}
