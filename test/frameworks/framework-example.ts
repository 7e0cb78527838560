// What each framework test checks, on the built files an author would have: Plaudit's
// bundle from dist/ (`npm run build`) and the framework example from
// demo/frameworks/build/ (`node scripts/build-frameworks.mjs`). The framework renders
// <plaudit-claps> with an attribute and a property, and its own listener must hear
// the clap the reader gives inside the element's shadow root.
import { expect } from '@open-wc/testing';
import type { PlauditClapDetail } from '../../src/index.js';
import type { PlauditClapsElement } from '../../src/components/claps/claps.component.js';
import { waitUntil } from '../helpers/wait.js';

/** What demo/frameworks/example.ts declares (kept apart so the suite's type check needs no dist/). */
interface FrameworkExample {
  mount(
    target: Element,
    options: { articleId: string; maxClaps: number; onClap?: (detail: PlauditClapDetail) => void },
  ): { unmount(): void };
}

const PLAUDIT = '/dist/plaudit.js';
const MAX = 5;

/**
 * Records what is set through the element's property setters, so a test can tell
 * a property a framework set from an attribute it set. Returns the undo.
 */
function recordPropertyWrites(names: string[], writes: Array<[string, unknown]>): () => void {
  const proto = customElements.get('plaudit-claps')!.prototype as object;
  const originals = names.map((name) => [name, Object.getOwnPropertyDescriptor(proto, name)!] as const);
  for (const [name, original] of originals) {
    Object.defineProperty(proto, name, {
      ...original,
      set(this: HTMLElement, value: unknown) {
        writes.push([name, value]);
        original.set!.call(this, value);
      },
    });
  }
  return () => originals.forEach(([name, original]) => Object.defineProperty(proto, name, original));
}

/** Resolves with the first truthy value `get` returns. */
async function until<T>(get: () => T | null | undefined, message: string): Promise<T> {
  let value: T | null | undefined;
  await waitUntil(() => (value = get()), message);
  return value!;
}

export function describeFrameworkExample(framework: string, packageName: string, bundle: string): void {
  describe(`${framework}: demo/frameworks/build/${bundle} with the built dist/plaudit.js`, () => {
    let example: FrameworkExample;
    let target: HTMLElement;
    let mounted: { unmount(): void } | undefined;
    const heard: PlauditClapDetail[] = [];
    const writes: Array<[string, unknown]> = [];
    let restoreSetters = () => {};
    const articleId = `frameworks-${bundle}-${crypto.randomUUID()}`;

    before(async () => {
      // Variables, so that TypeScript does not resolve the paths: these are built files.
      const plaudit = PLAUDIT;
      const app = `/demo/frameworks/build/${bundle}`;
      // The elements first, as the example pages load them.
      await import(plaudit);
      restoreSetters = recordPropertyWrites(['articleId', 'maxClaps'], writes);
      example = (await import(app)) as FrameworkExample;
      target = document.createElement('div');
      document.body.append(target);
      mounted = example.mount(target, { articleId, maxClaps: MAX, onClap: (detail) => heard.push(detail) });
    });

    after(() => {
      mounted?.unmount();
      target.remove();
      restoreSetters();
    });

    const claps = () => until(() => target.querySelector('plaudit-claps'), `${framework} did not render <plaudit-claps>`);

    it('renders the element with the attribute and the property it was given', async () => {
      const el = await claps();
      expect(el).to.be.instanceOf(customElements.get('plaudit-claps')!);
      // The attribute: written as one (no property setter ran), and the element parsed it.
      expect(el.getAttribute('max-claps')).to.equal(String(MAX));
      expect(writes.filter(([name]) => name === 'maxClaps')).to.deep.equal([]);
      expect(el.resolvedMax).to.equal(MAX);
      // The property: its setter ran, and reflected it as `article-id`. Set as an
      // attribute instead, it would be `articleid` and the element would not see it.
      expect(writes.filter(([name]) => name === 'articleId').at(-1)).to.deep.equal(['articleId', articleId]);
      expect(el.articleId).to.equal(articleId);
      expect(el.getAttribute('article-id')).to.equal(articleId);
      expect(el.hasAttribute('articleid')).to.equal(false);
      await el.ready;
      expect(el.count).to.equal(0);
      await waitUntil(() => el.shadowRoot?.textContent?.includes(`Clap up to ${MAX} times`), 'the cap was not rendered');
      expect(target.querySelector('.heard')?.textContent).to.contain(`${framework} has heard no clap yet`);
    });

    it(`hears plaudit-clap in ${framework}'s own listener when the reader claps`, async () => {
      const el: PlauditClapsElement = await claps();
      const button = await until(() => el.shadowRoot?.querySelector<HTMLButtonElement>('button.clap'), 'no clap button');
      button.click();
      await waitUntil(() => heard.length === 1, `${framework}'s listener did not hear plaudit-clap`);
      expect(heard[0]).to.include({ articleId, count: 1, delta: 1 });
      expect(el.count).to.equal(1);
      await waitUntil(() => el.shadowRoot?.textContent?.includes(`You: 1 of ${MAX}`), 'the count was not rendered');
      // The framework re-rendered from the state its listener set.
      await waitUntil(
        () => target.querySelector('.heard')?.textContent?.includes(`${framework} heard plaudit-clap: you gave 1`),
        `${framework} did not render what its listener heard`,
      );
    });

    it(`leaves ${packageName} out of Plaudit's own bundles`, async () => {
      const licences = await (await fetch('/dist/THIRD-PARTY-LICENSES.txt')).text();
      expect(licences).to.match(/^[\w@/.-]+@\d/m, 'the licences file lists no package');
      expect(licences).not.to.match(new RegExp(`^${packageName}(-dom)?@`, 'm'));
    });
  });
}
