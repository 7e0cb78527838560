import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/components/selection-toolbar/selection-toolbar.js';
import type {
  PlauditSelectionToolbar, ToolbarActionEvent,
} from '../../../src/components/selection-toolbar/selection-toolbar.component.js';

describe('<plaudit-selection-toolbar>', () => {
  it('is accessible', async () => {
    const el = await fixture<PlauditSelectionToolbar>(html`<plaudit-selection-toolbar></plaudit-selection-toolbar>`);
    await expect(el).to.be.accessible();
  });

  it('is one tab stop; arrow keys move between buttons; buttons report their action', async () => {
    const el = await fixture<PlauditSelectionToolbar>(html`<plaudit-selection-toolbar></plaudit-selection-toolbar>`);
    const buttons = [...el.shadowRoot!.querySelectorAll('button')];
    expect(buttons.map((b) => b.tabIndex)).to.deep.equal([0, -1, -1]);
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(buttons[0]);
    buttons[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    expect(el.shadowRoot!.activeElement).to.equal(buttons[1]);
    const event = oneEvent(el, 'plaudit-toolbar-action') as Promise<ToolbarActionEvent>;
    buttons[1]!.click();
    expect((await event).action).to.equal('note');
  });
});
