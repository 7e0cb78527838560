import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import type { PlauditClapsElement } from '../../../src/components/claps/claps.component.js';
import { HoldController, systemClock } from '../../../src/controllers/hold-controller.js';
import { openPlauditDatabase, resetPlauditDatabase } from '../../../src/storage/open-database.js';
import { ManualClock } from '../../helpers/manual-clock.js';
import { clapButton, clapsFixture, part, press, release, uniqueArticle } from '../../helpers/claps.js';
import { failWrites, silenceWarnings, type WriteFailure } from '../../helpers/storage-failure.js';

async function clickAndRecord(el: PlauditClapsElement): Promise<void> {
  const recorded = oneEvent(el, 'plaudit-clap');
  clapButton(el).click();
  await recorded;
  await el.updateComplete;
}

/** Makes every write to the claps store fail as a full disk would; returns the undo. */
const failClapWrites = (mode: WriteFailure): (() => void) => failWrites('claps', mode, ['put']);

/** Opens the second-tab page in an iframe: its own window, modules and database connection. */
async function openTab(article: string, max = '50'): Promise<PlauditClapsElement> {
  const frame = await fixture<HTMLIFrameElement>(
    html`<iframe src=${`/test/fixtures/claps-tab.html?article=${article}&max=${max}`}></iframe>`,
  );
  await waitUntil(() => Boolean(frame.contentWindow && 'plauditReady' in frame.contentWindow), 'tab loads', {
    timeout: 15000,
  });
  await (frame.contentWindow as unknown as { plauditReady: Promise<void> }).plauditReady;
  return frame.contentDocument!.querySelector('plaudit-claps') as PlauditClapsElement;
}

describe('<plaudit-claps> storage and faults', () => {
  afterEach(() => {
    HoldController.clock = systemClock;
  });

  it('keeps a burst and raises no error when the page removes the button while it is written', async () => {
    const errors: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
    addEventListener('unhandledrejection', onRejection);
    try {
      const id = uniqueArticle('removed');
      const el = await clapsFixture(id);
      const reported = oneEvent(el, 'plaudit-clap');
      press(el);
      release(el);
      // An SPA's route change, the moment the reader lets go.
      el.remove();
      const db = await openPlauditDatabase();
      await waitUntil(async () => (await db.get('claps', id))?.count === 1, 'the clap was not stored');
      // The burst's report still runs (it threw here before).
      expect((await reported).detail.count).to.equal(1);
      expect(errors).to.deep.equal([]);
    } finally {
      removeEventListener('unhandledrejection', onRejection);
    }
  });

  it('repairs a corrupt stored record, warns, and keeps working', async () => {
    const db = await openPlauditDatabase();
    const cases: [unknown, number][] = [
      ['twelve', 0],
      [-4, 0],
      [999, 50],
      [7.9, 7],
    ];
    for (const [bad, expected] of cases) {
      const id = uniqueArticle('corrupt');
      await db.put('claps', { articleId: id, readerId: 'x', count: bad as number, rev: 3, updated: 'never' });
      const spy = silenceWarnings();
      try {
        const el = await clapsFixture(id);
        expect(el.count, `stored ${String(bad)}`).to.equal(expected);
        expect(spy.warnings.some((w) => w.includes('corrupt'))).to.equal(true);
        expect((await db.get('claps', id))?.count).to.equal(expected);
        if (expected < 50) {
          await clickAndRecord(el);
          expect(el.count).to.equal(expected + 1);
        }
      } finally {
        spy.restore();
      }
    }
  });

  it('works in memory with a visible hint when IndexedDB cannot be opened', async () => {
    resetPlauditDatabase();
    const factory = indexedDB as IDBFactory & { open: IDBFactory['open'] };
    const original = factory.open;
    factory.open = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const spy = silenceWarnings();
    try {
      const el = await clapsFixture(uniqueArticle('private'));
      expect(part(el, 'hint')).to.equal('Not saved on this device');
      await clickAndRecord(el);
      await clickAndRecord(el);
      expect(el.count).to.equal(2);
      expect(part(el, 'count')).to.equal('You: 2 of 50');
    } finally {
      factory.open = original;
      spy.restore();
      resetPlauditDatabase();
    }
  });

  for (const { mode, label } of [
    { mode: 'throw', label: 'put throws QuotaExceededError' },
    { mode: 'abort', label: 'the transaction aborts with QuotaExceededError' },
  ] as const) {
    it(`keeps claps in memory when a write fails (${label}), never losing the stored ones, and saves them later`, async () => {
      const id = uniqueArticle('quota');
      const el = await clapsFixture(id);
      for (let i = 0; i < 5; i++) await clickAndRecord(el);
      const restoreWrites = failClapWrites(mode);
      const spy = silenceWarnings();
      const db = await openPlauditDatabase();
      try {
        await clickAndRecord(el);
        expect(el.count).to.equal(6);
        expect(part(el, 'hint')).to.equal('Not saved on this device');
        expect((await db.get('claps', id))?.count).to.equal(5);
      } finally {
        restoreWrites();
        spy.restore();
      }
      await clickAndRecord(el);
      expect(el.count).to.equal(7);
      expect((await db.get('claps', id))?.count).to.equal(7);
      expect(part(el, 'hint')).to.equal('');
    });

    it(`an undo whose write failed (${label}) is still applied by the next write`, async () => {
      const id = uniqueArticle('undo-quota');
      const el = await clapsFixture(id);
      for (let i = 0; i < 3; i++) await clickAndRecord(el);
      const restoreWrites = failClapWrites(mode);
      const spy = silenceWarnings();
      const db = await openPlauditDatabase();
      try {
        await el.undo();
        expect(el.count).to.equal(0);
        expect((await db.get('claps', id))?.count).to.equal(3);
      } finally {
        restoreWrites();
        spy.restore();
      }
      await clickAndRecord(el);
      expect(el.count).to.equal(1);
      expect((await db.get('claps', id))?.count).to.equal(1);
    });
  }

  it('agrees with another tab, and the cap holds when both clap at once', async () => {
    const id = uniqueArticle('tabs');
    const clock = new ManualClock();
    HoldController.clock = clock;
    const here = await clapsFixture(id, '12');
    const there = await openTab(id, '12');
    press(here);
    clock.advance(1500);
    expect(here.count).to.be.within(6, 11);
    for (let i = 0; i < 6; i++) {
      const recorded = oneEvent(there, 'plaudit-clap');
      clapButton(there).click();
      await recorded;
    }
    expect(there.count).to.equal(6);
    const recorded = oneEvent(here, 'plaudit-clap');
    release(here);
    await recorded;
    const db = await openPlauditDatabase();
    expect((await db.get('claps', id))?.count).to.equal(12);
    await waitUntil(() => there.count === 12 && here.count === 12, 'both tabs show the capped count', { timeout: 3000 });
  });

  it("a page's global CSS does not change the widget", async () => {
    const el = await clapsFixture(uniqueArticle('css'));
    const measure = () => {
      const button = clapButton(el).getBoundingClientRect();
      const total = getComputedStyle(el.shadowRoot!.querySelector('[part="total"]')!);
      return { w: button.width, h: button.height, font: total.fontSize, family: total.fontFamily, line: total.lineHeight };
    };
    const clean = measure();
    const hostile = document.createElement('style');
    hostile.textContent = `html { font-size: 5px; line-height: 4; }
      * { box-sizing: content-box !important; letter-spacing: 3px; }
      button { all: unset; padding: 40px !important; font-size: 40px; background: red; display: none; }
      body { font: italic 31px/9 fantasy; text-transform: uppercase; }`;
    document.head.append(hostile);
    try {
      el.requestUpdate();
      await el.updateComplete;
      expect(measure()).to.deep.equal(clean);
      expect(getComputedStyle(clapButton(el)).display).to.not.equal('none');
    } finally {
      hostile.remove();
    }
  });
});
