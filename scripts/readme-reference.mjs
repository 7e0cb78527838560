// Writes the README's per-element reference tables from custom-elements.json, so
// they say what the elements' JSDoc says. Each table sits between markers in
// README.md's "Elements" section:
//
//   <!-- reference:plaudit-claps -->
//   ...generated...
//   <!-- /reference:plaudit-claps -->
//
// `node scripts/readme-reference.mjs` rewrites the blocks; with `--check` it
// changes nothing and exits 1, with the differing lines, when README.md is not
// what the manifest gives (CI runs that after the build).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const MANIFEST = 'custom-elements.json';
const README = 'README.md';
const NOTE = '<!-- Generated from custom-elements.json by scripts/readme-reference.mjs: edit the element\'s JSDoc, not this table. -->';
const BLOCK = /<!-- reference:([a-z][a-z0-9-]*) -->\n([\s\S]*?)<!-- \/reference:\1 -->/g;

/** Text for one table cell: one line, pipes escaped (also inside code spans, as GFM wants). */
const cell = (text) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => `\`${text}\``;

function signature(method) {
  const params = (method.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}`);
  return `${method.name}(${params.join(', ')})`;
}

/** The rows of one element's table, in the order a reader looks for them. */
function rows(element) {
  const members = element.members ?? [];
  const props = members.filter((m) => m.kind === 'field' && !m.attribute);
  const methods = members.filter((m) => m.kind === 'method');
  return [
    ...(element.attributes ?? []).map((a) => ['attribute', code(a.name), a.description]),
    ...props.map((p) => ['property', `${code(p.name)}${p.readonly ? ' (read-only)' : ''}`, p.description]),
    ...methods.map((m) => ['method', code(signature(m)), m.description]),
    ...(element.events ?? []).map((e) => ['event', code(e.name), e.description]),
    ...(element.slots ?? []).map((s) => ['slot', s.name ? code(s.name) : '(default)', s.description]),
    ...(element.cssProperties ?? []).map((c) => ['CSS property', code(c.name), c.description]),
    ...(element.cssParts ?? []).map((p) => ['part', code(p.name), p.description]),
  ];
}

/** The Markdown between an element's markers. */
export function reference(element) {
  const lines = [NOTE, '', '| kind | name | meaning |', '|---|---|---|'];
  for (const [kind, name, meaning] of rows(element)) lines.push(`| ${kind} | ${cell(name)} | ${cell(meaning)} |`);
  const reflected = (element.attributes ?? []).filter((a) => a.fieldName).map((a) => code(a.fieldName));
  if (reflected.length) {
    const one = reflected.length === 1;
    lines.push('', `${one ? 'The attribute is' : 'Each attribute is'} also a property: ${reflected.join(', ')}.`);
  }
  return `${lines.join('\n')}\n`;
}

/** README text with every reference block rewritten; throws on a block for an unknown element. */
export function rewrite(readme, manifest) {
  const elements = new Map(
    manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName, d]),
  );
  const seen = new Set();
  const text = readme.replace(BLOCK, (_all, tag) => {
    const element = elements.get(tag);
    if (!element) throw new Error(`${README} has a reference block for <${tag}>, which ${MANIFEST} does not list.`);
    seen.add(tag);
    return `<!-- reference:${tag} -->\n${reference(element)}<!-- /reference:${tag} -->`;
  });
  const missing = [...elements.keys()].filter((tag) => !seen.has(tag));
  if (missing.length) {
    throw new Error(`${README} has no reference block for ${missing.map((t) => `<${t}>`).join(', ')}: add <!-- reference:TAG --> <!-- /reference:TAG --> to its Elements section.`);
  }
  return text;
}

/**
 * The lines that differ (longest common subsequence): `-` and the line number in README.md as it is, `+` and
 * the line number in what the manifest gives.
 */
export function lineDiff(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++, j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
      out.push(`  - ${i + 1}: ${a[i++]}`);
    } else {
      out.push(`  + ${j + 1}: ${b[j++]}`);
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  if (!existsSync(MANIFEST)) {
    console.error(`${MANIFEST} is missing: run npm run build first.`);
    process.exit(1);
  }
  const readme = readFileSync(README, 'utf8');
  let next;
  try {
    next = rewrite(readme, JSON.parse(readFileSync(MANIFEST, 'utf8')));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  if (!check) {
    if (next !== readme) writeFileSync(README, next);
    console.log(next === readme ? `${README}: the reference tables are up to date.` : `${README}: reference tables rewritten from ${MANIFEST}.`);
  } else if (next !== readme) {
    console.error(
      `${README}'s reference tables differ from ${MANIFEST} (- README.md now, + what the JSDoc gives; line numbers in each):\n` +
        `${lineDiff(readme, next).join('\n')}\n` +
        'Change the element\'s JSDoc (src/components/**/*.component.ts), not the table; then run ' +
        '`npm run build` and `node scripts/readme-reference.mjs` to rewrite the tables.',
    );
    process.exit(1);
  } else {
    console.log(`${README}: the reference tables match ${MANIFEST}.`);
  }
}
