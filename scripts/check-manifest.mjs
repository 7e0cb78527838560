// Checks custom-elements.json (written by `npm run build`) against the Custom
// Elements Manifest JSON schema, with ajv, and against the rules that make it
// Plaudit's public API: the four public elements and nothing else, no private
// members, and a description on everything (the README's tables are made of
// them). Runs in Node because ajv is CommonJS and does not load in the test
// browsers; test/manifest/manifest.test.ts checks the manifest against the live
// elements. Exits 1 with one line per problem.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';

/** The elements a page uses. Adding one to this list is a decision about the public API. */
export const PUBLIC_TAGS = ['plaudit-article', 'plaudit-claps', 'plaudit-review', 'plaudit-sync-status'];

const MANIFEST = 'custom-elements.json';

/** The problems with a manifest, as sentences; empty when it is good. */
export function checkManifest(manifest, schema) {
  const problems = [];
  // The schema has `"type": ["string", "boolean"]` unions, which strict mode wants allowed explicitly.
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  const validate = ajv.compile(schema);
  if (!validate(manifest)) {
    for (const error of validate.errors) problems.push(`schema: ${error.instancePath || '/'} ${error.message}`);
  }
  // A declaration matches the schema as a plain class when it is not a valid custom element (an event
  // without a name, say), so the rules below check what the schema cannot.
  const elements = (manifest.modules ?? []).flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, path: m.path })));
  const tags = elements.map((e) => e.tagName).filter(Boolean).sort();
  if (JSON.stringify(tags) !== JSON.stringify([...PUBLIC_TAGS].sort())) {
    problems.push(`elements: expected ${PUBLIC_TAGS.join(', ')}; the manifest has ${tags.join(', ') || 'none'}`);
  }
  for (const e of elements) {
    const where = e.tagName ? `<${e.tagName}>` : `${e.name} (${e.path})`;
    if (!e.customElement || !e.tagName) problems.push(`${where}: only custom elements with a tag belong in the manifest`);
    for (const m of e.members ?? []) {
      if (m.name.startsWith('#') || m.privacy === 'private' || m.privacy === 'protected' || m.static) {
        problems.push(`${where}: member ${m.name} is not public API`);
      }
    }
    for (const [kind, list] of Object.entries({
      attribute: e.attributes,
      member: e.members,
      event: e.events,
      slot: e.slots,
      'CSS property': e.cssProperties,
      part: e.cssParts,
    })) {
      const seen = new Set();
      for (const item of list ?? []) {
        const name = item.name || '(default)';
        if (seen.has(name)) problems.push(`${where}: ${kind} ${name} is listed twice`);
        seen.add(name);
        if (!item.description?.trim()) problems.push(`${where}: ${kind} ${name} has no description`);
      }
    }
    for (const event of e.events ?? []) {
      if (!event.name) problems.push(`${where}: an event without a name`);
      if (!/\bdetail: \{/.test(event.description ?? '')) problems.push(`${where}: event ${event.name} does not say its \`detail: { ... }\``);
      if (!/\bbubbles\b|does not bubble/i.test(event.description ?? '')) problems.push(`${where}: event ${event.name} does not say whether it bubbles`);
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(MANIFEST)) {
    console.error(`${MANIFEST} is missing: run npm run build first.`);
    process.exit(1);
  }
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve('custom-elements-manifest/schema.json'), 'utf8'));
  const problems = checkManifest(JSON.parse(readFileSync(MANIFEST, 'utf8')), schema);
  if (problems.length) {
    console.error(`${MANIFEST} does not pass:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`${MANIFEST}: valid against the Custom Elements Manifest schema; ${PUBLIC_TAGS.length} public elements.`);
}
