import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { HoldController, systemClock } from '../../../src/controllers/hold-controller.js';
import { clapStoreStats } from '../../../src/storage/clap-store.js';
import { openPlauditDatabase } from '../../../src/storage/open-database.js';
import type { PlauditClapEvent } from '../../../src/events/plaudit-clap.js';
import { PlauditClapsElement } from '../../../src/components/claps/claps.component.js';
import { ManualClock } from '../../helpers/manual-clock.js';
import {
  clapButton,
  clapsFixture,
  key,
  liveRegion,
  part,
  press,
  release,
  settled,
  undoButton,
  uniqueArticle,
} from '../../helpers/claps.js';

describe('<plaudit-claps>', () => {
  let clock: ManualClock;
  beforeEach(() => {
    clock = new ManualClock();
    HoldController.clock = clock;
  });
  afterEach(() => {
    HoldController.clock = systemClock;
  });

  it('passes an axe check, empty and clapped', async () => {
    const el = await clapsFixture(uniqueArticle());
    await expect(el).to.be.accessible();
    const recorded = oneEvent(el, 'plaudit-clap');
    clapButton(el).click();
    await recorded;
    await el.updateComplete;
    // Let the "+1" bubble finish fading in: mid-fade, its contrast is momentarily low.
    await Promise.all(el.shadowRoot!.querySelector('.bubble')!.getAnimations().map((a) => a.finished));
    await expect(el).to.be.accessible();
  });

  it('has a button named "Clap..." and shows the reader count and total', async () => {
    const el = await clapsFixture(uniqueArticle());
    expect(clapButton(el).getAttribute('aria-label')).to.match(/^Clap/);
    expect(part(el, 'total')).to.equal('0 claps');
    expect(part(el, 'count')).to.equal('Clap up to 50 times');
  });

  it('counts one click as one clap and reports it', async () => {
    const el = await clapsFixture(uniqueArticle());
    const recorded = oneEvent(el, 'plaudit-clap');
    clapButton(el).click();
    const event = (await recorded) as PlauditClapEvent;
    expect(event.detail).to.include({ count: 1, delta: 1, total: 1, articleId: el.articleId });
    expect(event.composed).to.equal(true);
    await el.updateComplete;
    expect(part(el, 'count')).to.equal('You: 1 of 50');
    expect(liveRegion(el)).to.equal('You clapped 1 time. 49 left.');
  });

  it('counts Enter and Space as one clap each; key repeat does not add claps by itself', async () => {
    const el = await clapsFixture(uniqueArticle());
    let recorded = oneEvent(el, 'plaudit-clap');
    key(el, 'keydown', 'Enter');
    key(el, 'keydown', 'Enter', true);
    key(el, 'keyup', 'Enter');
    await recorded;
    recorded = oneEvent(el, 'plaudit-clap');
    key(el, 'keydown', ' ');
    key(el, 'keyup', ' ');
    await recorded;
    await el.updateComplete;
    expect(el.count).to.equal(2);
  });

  it('holding claps faster and faster up to the cap, in at most two write transactions', async () => {
    const el = await clapsFixture(uniqueArticle());
    const before = clapStoreStats.writeTransactions;
    press(el);
    clock.advance(1000);
    const afterOneSecond = el.count;
    clock.advance(1000);
    const afterTwoSeconds = el.count;
    expect(afterOneSecond).to.be.within(3, 12);
    expect(afterTwoSeconds - afterOneSecond).to.be.greaterThan(afterOneSecond);
    clock.advance(4000);
    expect(el.count).to.equal(50);
    await el.updateComplete;
    expect(part(el, 'bubble')).to.equal('+50');
    const recorded = oneEvent(el, 'plaudit-clap');
    release(el);
    const event = (await recorded) as PlauditClapEvent;
    expect(event.detail.delta).to.equal(50);
    expect(clapStoreStats.writeTransactions - before).to.be.at.most(2);
    const db = await openPlauditDatabase();
    expect((await db.get('claps', el.resolvedArticleId))?.count).to.equal(50);
  });

  it('holding the Space key claps repeatedly', async () => {
    const el = await clapsFixture(uniqueArticle());
    key(el, 'keydown', ' ');
    clock.advance(2500);
    const recorded = oneEvent(el, 'plaudit-clap');
    key(el, 'keyup', ' ');
    await recorded;
    expect(el.count).to.be.within(10, 49);
  });

  it('stops at the cap, says so, and further claps do nothing', async () => {
    const el = await clapsFixture(uniqueArticle(), '3');
    for (let i = 0; i < 3; i++) {
      const recorded = oneEvent(el, 'plaudit-clap');
      clapButton(el).click();
      await recorded;
    }
    await el.updateComplete;
    expect(clapButton(el).getAttribute('aria-label')).to.match(/^Clap.*most, 3/);
    expect(clapButton(el).getAttribute('aria-disabled')).to.equal('true');
    let fired = false;
    el.addEventListener('plaudit-clap', () => (fired = true));
    clapButton(el).click();
    await settled(el);
    expect(el.count).to.equal(3);
    expect(fired).to.equal(false);
    expect(liveRegion(el)).to.match(/most claps, 3/);
  });

  it('"Undo claps" sets the reader back to 0, and it stays 0', async () => {
    const id = uniqueArticle();
    const el = await clapsFixture(id);
    press(el);
    clock.advance(1500);
    let recorded = oneEvent(el, 'plaudit-clap');
    release(el);
    await recorded;
    await el.updateComplete;
    recorded = oneEvent(el, 'plaudit-clap');
    undoButton(el)!.click();
    const event = (await recorded) as PlauditClapEvent;
    expect(event.detail.count).to.equal(0);
    expect(event.detail.delta).to.be.lessThan(0);
    await el.updateComplete;
    expect(undoButton(el)).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(clapButton(el));
    el.remove();
    const again = await clapsFixture(id);
    expect(again.count).to.equal(0);
  });

  it('keeps claps across re-creation of the element', async () => {
    const id = uniqueArticle();
    const el = await clapsFixture(id);
    for (let i = 0; i < 4; i++) {
      const recorded = oneEvent(el, 'plaudit-clap');
      clapButton(el).click();
      await recorded;
    }
    el.remove();
    const again = await clapsFixture(id);
    expect(again.count).to.equal(4);
    expect(part(again, 'count')).to.equal('You: 4 of 50');
  });

  it('shows the same numbers in two elements for one article, even mid-hold', async () => {
    const id = uniqueArticle();
    const wrap = await fixture<HTMLDivElement>(
      html`<div><plaudit-claps article-id=${id}></plaudit-claps><plaudit-claps article-id=${id}></plaudit-claps></div>`,
    );
    const [top, bottom] = [...wrap.querySelectorAll('plaudit-claps')];
    await Promise.all([top.ready, bottom.ready]);
    press(top);
    clock.advance(1200);
    await bottom.updateComplete;
    expect(bottom.count).to.equal(top.count);
    expect(top.count).to.be.greaterThan(1);
    expect(part(bottom, 'count')).to.equal(part(top, 'count'));
    const recorded = oneEvent(top, 'plaudit-clap');
    release(top);
    await recorded;
  });

  it('lets the host veto a clap', async () => {
    const el = await clapsFixture(uniqueArticle());
    el.addEventListener('plaudit-before-clap', (e) => e.preventDefault());
    clapButton(el).click();
    await settled(el);
    expect(el.count).to.equal(0);
  });

  it('falls back to 50 for a malformed max-claps and warns once', async () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const el = await clapsFixture(uniqueArticle(), 'lots');
      el.requestUpdate();
      await el.updateComplete;
      expect(el.resolvedMax).to.equal(50);
      expect(part(el, 'count')).to.equal('Clap up to 50 times');
      expect(warnings.filter((w) => String(w).includes('max-claps'))).to.have.length(1);
    } finally {
      console.warn = original;
    }
  });
});

describe('<plaudit-claps> defined after the page set its properties', () => {
  it('keeps properties set before the element was upgraded', async () => {
    const tag = `plaudit-claps-late-${Date.now().toString(36)}`;
    const el = document.createElement(tag) as PlauditClapsElement;
    const article = uniqueArticle('late');
    Object.assign(el, { articleId: article, maxClaps: 7 });
    document.body.append(el);
    customElements.define(tag, class extends PlauditClapsElement {});
    try {
      await el.ready;
      await el.updateComplete;
      expect(el.resolvedArticleId).to.equal(article);
      expect(el.resolvedMax).to.equal(7);
      expect(el.getAttribute('max-claps')).to.equal('7');
      expect(part(el, 'count')).to.equal('Clap up to 7 times');
    } finally {
      el.remove();
    }
  });
});
