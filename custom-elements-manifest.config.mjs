/**
 * Generates custom-elements.json from the JSDoc on the element classes.
 *
 * The manifest is the public API and nothing else: the four elements a page
 * uses (each class carries `@tag`), with what their JSDoc documents. Inner
 * elements (`plaudit-note-editor`, `plaudit-notes-panel`,
 * `plaudit-selection-toolbar`, `plaudit-review-notes`) have no `@tag`: they live
 * in a public element's shadow root, a page never writes them, and they may
 * change with any release, so they are left out rather than listed as API.
 * Constants and event classes exported by the component modules are left out
 * too (the event classes are typed in `dist/types`).
 *
 * The analyzer reads `#private` members, lifecycle callbacks and an unnamed
 * event for every `this.dispatchEvent(new SomeEvent(detail))`; the plugin
 * below drops them, turns arrow-function fields into methods, and fails the
 * build when the JSDoc contract is incomplete (an element dispatching an event
 * class it does not document, or an item without a description).
 */

/** Called by the browser or by `LiteElement`, never by a page. */
const LIFECYCLE = new Set([
  'connectedCallback',
  'disconnectedCallback',
  'adoptedCallback',
  'attributeChangedCallback',
  'handleEvent',
  'render',
  'updated',
  'requestUpdate',
  'observedAttributes',
  'styles',
]);

/** Whether a class member node's initializer is a function (`undo = async () => {}`). */
function functionInitializer(ts, member) {
  const init = member.initializer;
  return init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : null;
}

/** The manifest's method entry for a field that holds a function: callers see a method. */
function fieldAsMethod(field, fn) {
  const method = { kind: 'method', name: field.name };
  if (field.description) method.description = field.description;
  const parameters = fn.parameters.map((p) => ({
    name: p.name.getText(),
    ...(p.type ? { type: { text: p.type.getText() } } : {}),
    ...(p.questionToken || p.initializer ? { optional: true } : {}),
  }));
  if (parameters.length) method.parameters = parameters;
  if (fn.type) method.return = { type: { text: fn.type.getText() } };
  return method;
}

const isPublic = (member) =>
  !member.static && !member.name.startsWith('#') && !member.privacy?.match(/^(private|protected)$/) && !LIFECYCLE.has(member.name);

function plauditPublicApi() {
  /** Contract problems, printed together at the end; any of them fails the build. */
  const problems = [];
  return {
    name: 'plaudit-public-api',

    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const doc = moduleDoc.declarations.find((d) => d.kind === 'class' && d.name === node.name.getText());
      if (!doc?.members) return;
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member)) continue;
        const fn = functionInitializer(ts, member);
        if (!fn) continue;
        const index = doc.members.findIndex((m) => m.kind === 'field' && m.name === member.name.getText());
        if (index !== -1) doc.members[index] = fieldAsMethod(doc.members[index], fn);
      }
    },

    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        mod.declarations = (mod.declarations ?? []).filter((d) => d.kind === 'class' && d.customElement && d.tagName);
        for (const element of mod.declarations) {
          const where = `<${element.tagName}> (${mod.path})`;
          if (element.members) element.members = element.members.filter(isPublic);
          if (element.events) {
            const named = element.events.filter((e) => e.name);
            // `this.dispatchEvent(new X(...))` gives an event with a type and no name: X must be documented.
            for (const found of element.events.filter((e) => !e.name)) {
              if (!named.some((e) => e.type?.text === found.type?.text)) {
                problems.push(`${where} dispatches ${found.type?.text ?? 'an event'}, which no @event in its JSDoc names`);
              }
            }
            element.events = named;
            for (const e of named) if (!e.type?.text) problems.push(`${where}: @event ${e.name} has no {EventClass} type`);
          }
          const items = [
            ['attribute', element.attributes],
            ['member', element.members],
            ['event', element.events],
            ['slot', element.slots],
            ['CSS property', element.cssProperties],
            ['part', element.cssParts],
          ];
          for (const [kind, list] of items) {
            for (const item of list ?? []) {
              if (!item.description?.trim()) problems.push(`${where}: ${kind} ${item.name || '(default)'} has no description`);
            }
          }
          for (const key of ['attributes', 'members', 'events', 'slots', 'cssProperties', 'cssParts', 'cssStates']) {
            if (element[key]?.length === 0) delete element[key];
          }
        }
        const kept = new Set(mod.declarations.map((d) => d.name));
        mod.exports = (mod.exports ?? []).filter((e) => kept.has(e.declaration?.name));
      }
      customElementsManifest.modules = customElementsManifest.modules.filter((m) => m.declarations.length);
      if (problems.length) {
        console.error(`custom-elements.json: the JSDoc contract is incomplete:\n  ${problems.join('\n  ')}`);
        process.exitCode = 1;
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.component.ts'],
  exclude: ['**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [plauditPublicApi()],
};
