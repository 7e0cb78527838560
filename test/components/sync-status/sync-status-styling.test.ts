/**
 * README's `<plaudit-sync-status>` CSS properties and part, used as a host
 * page would: on its own, and as `<plaudit-article>` renders it with an
 * endpoint (where a page reaches it only through inherited properties and the
 * article's `sync-status` part). Defaults first; read from the line as drawn,
 * in the error state for "Couldn't sync".
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/sync-status/sync-status.js';
import type { PlauditSyncStatusElement } from '../../../src/components/sync-status/sync-status.component.js';
import { acquireSyncEngine } from '../../../src/sync/sync-engine.js';
import { drawn, itDrawsProperties, pageStyles, type PropertyRow } from '../../helpers/page-style.js';
import { BASE, freshClientDb, serveMock, waitUntil, writeClaps } from '../../sync/helpers.js';
import { makeArticle, shadow, uniqueId } from '../article/helpers.js';

const PAGE = 'rgb(10, 20, 30)';
const message = (el: Element) => el.shadowRoot!.querySelector('[role="status"]')!;

/** A line on a page whose text is `PAGE`-coloured, 30px, after the server refused a change ("Couldn't sync"). */
async function refusedLine(): Promise<PlauditSyncStatusElement> {
  const db = await freshClientDb();
  const page = await fixture<HTMLDivElement>(html`<div class="page"><plaudit-sync-status endpoint=${BASE}></plaudit-sync-status></div>`);
  const el = page.querySelector('plaudit-sync-status')!;
  // More claps than a reader may give: the server refuses them.
  await writeClaps(db, `styling-${uniqueId()}`, 500);
  const engine = acquireSyncEngine(BASE);
  engine.notifyChanged();
  engine.release();
  await waitUntil(() => message(el).textContent!.trim().startsWith("Couldn't sync:"), "the line never said Couldn't sync");
  return el;
}

function drawnLine(el: Element): Record<string, string> {
  return {
    '--plaudit-sync-status-color': drawn(el.shadowRoot!.querySelector('[part=base]'), 'color', 'the line'),
    '--plaudit-sync-status-font-size': drawn(el.shadowRoot!.querySelector('[part=base]'), 'fontSize', 'the line'),
    '--plaudit-sync-status-error-color': drawn(message(el), 'color', "Couldn't sync"),
  };
}

/** Each thing a property decides: as drawn, by default (the current colour, 13px, #a4161a), and set by the page. */
const LIGHT: PropertyRow[] = [
  ['--plaudit-sync-status-color', PAGE, 'rgb(0, 90, 0)'],
  ['--plaudit-sync-status-font-size', '13px', '17px'],
  ['--plaudit-sync-status-error-color', 'rgb(164, 22, 26)', 'rgb(200, 0, 200)'],
];
/** In dark mode, "Couldn't sync" is #ff8a80 by default. */
const DARK: PropertyRow[] = LIGHT.map(([drawnAs, byDefault, set]) => [drawnAs, drawnAs.endsWith('error-color') ? 'rgb(255, 138, 128)' : byDefault, set]);

describe('<plaudit-sync-status> CSS properties and part, as a page uses them', () => {
  serveMock();
  const addPageStyle = pageStyles();
  beforeEach(() => addPageStyle(`.page { color: ${PAGE}; font-size: 30px; }`));

  itDrawsProperties(addPageStyle, { make: refusedLine, read: drawnLine, rows: LIGHT, on: [':root', 'plaudit-sync-status'] });
  itDrawsProperties(addPageStyle, { make: refusedLine, read: drawnLine, rows: DARK, on: [':root'], scheme: 'dark' });

  it('draws what the page sets on ::part(base)', async () => {
    const el = await refusedLine();
    const base = el.shadowRoot!.querySelector('[part=base]');
    expect(drawn(base, 'backgroundColor', 'part base'), 'with no page rule').to.equal('rgba(0, 0, 0, 0)');
    addPageStyle('plaudit-sync-status::part(base) { background-color: rgb(1, 2, 3); }');
    expect(drawn(base, 'backgroundColor', 'part base')).to.equal('rgb(1, 2, 3)');
  });

  it('in <plaudit-article>, takes the properties from :root and its base is the article\'s part sync-status', async () => {
    await freshClientDb();
    const el = await makeArticle(uniqueId(), undefined, `endpoint="${BASE}"`);
    await waitUntil(() => !!shadow(el).querySelector('plaudit-sync-status')?.shadowRoot?.querySelector('[part=base]'), 'no status line');
    const line = shadow(el).querySelector('plaudit-sync-status')!;
    const base = line.shadowRoot!.querySelector('[part=base]');
    expect(drawn(base, 'fontSize', 'the line'), 'with none set').to.equal('13px');
    addPageStyle(`:root { --plaudit-sync-status-color: rgb(0, 90, 0); --plaudit-sync-status-font-size: 17px; }
      plaudit-article::part(sync-status) { background-color: rgb(1, 2, 3); }`);
    expect({
      color: drawn(base, 'color', 'the line'),
      fontSize: drawn(base, 'fontSize', 'the line'),
      part: drawn(base, 'backgroundColor', 'the article\'s part sync-status'),
    }).to.deep.equal({ color: 'rgb(0, 90, 0)', fontSize: '17px', part: 'rgb(1, 2, 3)' });
  });
});
