import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/components/notes-panel/notes-panel.js';
import type { PanelActionEvent, PlauditNotesPanel } from '../../../src/components/notes-panel/notes-panel.component.js';
import { tokenizeNote } from '../../../src/components/notes-panel/note-text.js';
import type { AnnotationView } from '../../../src/controllers/annotation-controller.js';
import type { Annotation } from '../../../src/core/annotation.js';

function view(id: string, quote: string, note: string, status: AnnotationView['status'], start: number): AnnotationView {
  const annotation = {
    '@context': 'http://www.w3.org/ns/anno.jsonld', id, type: 'Annotation',
    motivation: note ? 'commenting' : 'highlighting', created: '2024-05-01T10:00:00Z', modified: '2024-05-01T10:00:00Z',
    creator: 'r', target: { source: 'a', selector: [{ type: 'TextQuoteSelector', exact: quote }] },
    ...(note ? { body: { type: 'TextualBody', value: note, format: 'text/plain' } } : {}),
  } as Annotation;
  return { id, annotation, status, start, end: start + quote.length, range: null, quote, note };
}

const views = [
  view('urn:uuid:1', 'first passage', '', 'anchored', 0),
  view('urn:uuid:2', 'second passage', 'See https://example.com/x. <img src=x onerror=alert(1)>', 'moved', 40),
  view('urn:uuid:3', 'lost passage', 'gone', 'orphan', -1),
];

describe('<plaudit-notes-panel>', () => {
  it('is accessible', async () => {
    const el = await fixture<PlauditNotesPanel>(html`<plaudit-notes-panel .views=${views}></plaudit-notes-panel>`);
    await expect(el).to.be.accessible();
  });

  it('lists annotations as a list in the given order, orphans apart', async () => {
    const el = await fixture<PlauditNotesPanel>(html`<plaudit-notes-panel .views=${views}></plaudit-notes-panel>`);
    const root = el.shadowRoot!;
    const items = [...root.querySelectorAll('ol > li')];
    expect(items.map((li) => li.getAttribute('data-id'))).to.deep.equal(['urn:uuid:1', 'urn:uuid:2']);
    const orphans = [...root.querySelectorAll('ul > li')];
    expect(orphans).to.have.length(1);
    expect(orphans[0]!.textContent).to.contain('lost passage');
    expect(root.querySelector('#orphans')!.textContent).to.contain('no longer found');
    expect(root.querySelector('img')).to.equal(null);
    expect(items[1]!.textContent).to.contain('<img src=x onerror=alert(1)>');
    const link = items[1]!.querySelector('a')!;
    expect(link.href).to.equal('https://example.com/x');
    expect(link.rel).to.equal('noopener noreferrer nofollow');
    const event = oneEvent(el, 'plaudit-panel-action') as Promise<PanelActionEvent>;
    (orphans[0]!.querySelector('button') as HTMLButtonElement).click();
    const { action, id } = await event;
    expect([action, id]).to.deep.equal(['delete', 'urn:uuid:3']);
  });

  it('links only http(s) URLs', () => {
    expect(tokenizeNote('javascript:alert(1) and http://a.example/b, done')).to.deep.equal([
      { text: 'javascript:alert(1) and ' },
      { href: 'http://a.example/b', label: 'http://a.example/b' },
      { text: ', done' },
    ]);
  });
});
