// Prints each bundle's gzip size and fails when one is over its budget.
// "Up front" is the entry file plus every chunk it imports statically; "lazy" is
// what it loads with a dynamic import on first use (the note editor, say). The
// total is what the most demanding page downloads: everything, and of the language
// chunks (German, Arabic) only the largest, as a page loads at most one.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const KB = 1024;
// Budgets from the foundation issue. `total` for the reader bundle is the issue's
// 28 KB target, which the annotation layer does not meet (about 45 KB with sync and
// one language): that figure is printed as NOT MET, and `totalCap` stops it from
// growing unnoticed. The cap went from 41 to 45.75 KB, and the claps-only budget from
// 10 to 10.5 KB, for the strings table and its languages (every string through one
// table, plural rules, German and Arabic chunks, the right-to-left UI: about 1.3 KB up
// front and 2 KB for a language), top-layer popovers and the storage-failure work (notes kept
// in memory while an old tab blocks an upgrade are stored once it closes), then to
// 46 KB for the note editor placed beside its passage (following it as the page scrolls,
// the passage marked meanwhile) and for keeping the page's inherited text styles and
// Plaudit's dark colours on their own side of the slot; the reader-on-real-devices
// issue owns bringing the total down.
const budgets = {
  'plaudit-claps': { upfront: 10.5 * KB },
  plaudit: { upfront: 16 * KB, total: 28 * KB, totalCap: 46 * KB },
  'plaudit-review': { upfront: 30 * KB },
};

let meta;
try {
  meta = JSON.parse(readFileSync('dist/meta.json', 'utf8'));
} catch {
  console.error('No dist/meta.json: run `npm run build` first.');
  process.exit(1);
}

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const fmt = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
let failed = false;

for (const [name, metafile] of Object.entries(meta)) {
  const outputs = metafile.outputs;
  const walk = (file, kind, seen) => {
    for (const imp of outputs[file]?.imports ?? []) {
      if (imp.external || seen.has(imp.path)) continue;
      if (kind === 'static' && imp.kind !== 'import-statement') continue;
      seen.add(imp.path);
      walk(imp.path, kind, seen);
    }
    return seen;
  };
  const entry = `dist/${name}.js`;
  const upfrontFiles = walk(entry, 'static', new Set([entry]));
  const allFiles = walk(entry, 'all', new Set([entry]));
  const lazyFiles = [...allFiles].filter((f) => !upfrontFiles.has(f));
  const upfront = [...upfrontFiles].reduce((sum, f) => sum + gz(f), 0);
  // A page loads one language's strings at most: the total counts the largest.
  const isLanguage = (f) => /-strings-\w+-/.test(f);
  const languages = [...allFiles].filter(isLanguage).map(gz);
  const total = [...allFiles].filter((f) => !isLanguage(f)).reduce((sum, f) => sum + gz(f), 0) + Math.max(0, ...languages);
  const budget = budgets[name] ?? {};
  const overUpfront = Boolean(budget.upfront && upfront > budget.upfront);
  const overCap = Boolean(budget.totalCap ? total > budget.totalCap : budget.total && total > budget.total);
  failed ||= overUpfront || overCap;
  console.log(
    `${overUpfront ? 'OVER' : 'ok  '} ${entry.padEnd(26)} up front ${fmt(upfront).padStart(9)}` +
      (budget.upfront ? ` (budget ${fmt(budget.upfront)})` : ''),
  );
  for (const f of lazyFiles) console.log(`       lazy ${f.padEnd(44)} ${fmt(gz(f)).padStart(9)}`);
  if (lazyFiles.length || budget.total) {
    const target = budget.total ? ` (target ${fmt(budget.total)}: ${total > budget.total ? 'NOT MET' : 'met'})` : '';
    const cap = budget.totalCap ? `, cap ${fmt(budget.totalCap)}${overCap ? ': OVER' : ''}` : '';
    console.log(`       total ${fmt(total).padStart(9)}${target}${cap}`);
  }
}

// `npm run size -- --modules`: where the reader's bytes go. Each chunk's gzip size is
// shared among its modules in proportion to their rendered (tree-shaken) bytes, so the
// figures are estimates that add up to the chunk.
if (process.argv.includes('--modules')) {
  const rows = [];
  for (const [name, metafile] of Object.entries(meta)) {
    for (const [file, out] of Object.entries(metafile.outputs)) {
      const inputs = Object.entries(out.inputs ?? {});
      const rendered = inputs.reduce((sum, [, i]) => sum + i.bytesInOutput, 0);
      const size = gz(file);
      for (const [id, i] of inputs) rows.push([name, file.replace(/^dist\/(chunks\/)?/, ''), id, (i.bytesInOutput / rendered) * size]);
    }
  }
  for (const [name] of Object.entries(meta)) {
    console.log(`\n${name}: gzip bytes by module (estimated)`);
    for (const [, file, id, bytes] of rows.filter((r) => r[0] === name).sort((a, b) => b[3] - a[3])) {
      console.log(`${String(Math.round(bytes)).padStart(7)}  ${file.split('-').slice(0, -1).join('-') || file}  ${id}`);
    }
  }
}
process.exit(failed ? 1 : 0);
