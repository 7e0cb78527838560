import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { clapButton, clapsFixture, uniqueArticle } from '../../helpers/claps.js';

describe('<plaudit-claps> and reduced motion', () => {
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' }).catch(() => undefined);
  });

  it('does not animate the button or the bubble when the reader asks for reduced motion', async function () {
    try {
      await emulateMedia({ reducedMotion: 'reduce' });
    } catch {
      this.skip(); // This browser's driver cannot emulate the media feature.
    }
    if (!matchMedia('(prefers-reduced-motion: reduce)').matches) this.skip();
    const el = await clapsFixture(uniqueArticle('motion'));
    const bubble = el.shadowRoot!.querySelector('.bubble')!;
    expect(getComputedStyle(clapButton(el)).transitionDuration.split(',').every((d) => parseFloat(d) === 0)).to.equal(true);
    expect(getComputedStyle(bubble).transitionDuration.split(',').every((d) => parseFloat(d) === 0)).to.equal(true);
  });

  it('does animate them otherwise', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' }).catch(() => undefined);
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    const el = await clapsFixture(uniqueArticle('motion'));
    const bubble = el.shadowRoot!.querySelector('.bubble')!;
    expect(parseFloat(getComputedStyle(bubble).transitionDuration)).to.be.greaterThan(0);
  });
});
