import { expect } from '@open-wc/testing';
import type { PlauditReviewNotes } from '../../../src/components/review/review-notes.component.js';
import { waitUntil } from '../../helpers/wait.js';
import { allNotes, buttonNamed, reviewFixture, seedHandMade, serveMock, STORY } from './helpers.js';


const panel = (list: PlauditReviewNotes) => list.shadowRoot!.querySelector('section.import');

/** Reads a file through the list's Import control, as an editor choosing it would. */
async function chooseFile(list: PlauditReviewNotes, file: File): Promise<void> {
  const input = list.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
  const data = new DataTransfer();
  data.items.add(file);
  input.files = data.files;
  input.dispatchEvent(new Event('change'));
  await list.updateComplete;
  // Read and checked: no progress bar, and the report offers Close (or Cancel).
  await waitUntil(() => !panel(list)?.querySelector('progress') &&
    [...panel(list)?.querySelectorAll('button') ?? []].some((b) => /^(Close|Cancel)$/.test(b.textContent!.trim())),
    'the import never reported', { timeout: 15_000 });
}

const jsonFile = (value: unknown, name = 'feedback.jsonld') => new File([JSON.stringify(value)], name, { type: 'application/ld+json' });

describe('<plaudit-review> export and import', () => {
  const served = serveMock();
  const mockOf = () => served.mock;

  it('exports JSON-LD and CSV; export, wipe, import gives back every annotation exactly', async () => {
    await seedHandMade(['First, with a comma', 'Second "quoted"\nover two lines', '=HYPERLINK("https://evil.example")']);
    const el = await reviewFixture();
    const list = await allNotes(el);
    const exported = await list.exportBlob('jsonld');
    expect(exported.count).to.equal(5);
    expect(exported.name).to.match(/\.jsonld$/);
    const collection = JSON.parse(await exported.blob.text());
    expect(collection.type).to.equal('AnnotationCollection');
    expect(collection.total).to.equal(5);
    const before = (await mockOf().store.annotationsOf(STORY.id)).map((s) => s.annotation);
    const csv = await (await list.exportBlob('csv')).blob.text();
    expect(csv).to.contain(`"'=HYPERLINK(""https://evil.example"")"`);
    expect(csv).to.contain('"Second ""quoted""\nover two lines"');

    // Wipe the annotations only (the story stays registered), then import the file back.
    await mockOf().store.clear();
    await seedStoryOnly();
    await chooseFile(list, new File([exported.blob], exported.name));
    expect(panel(list)!.textContent).to.contain('5 records can be imported');
    buttonNamed(panel(list)!, 'Import 5 records').click();
    await waitUntil(() => /Imported: 5 new/.test(panel(list)!.textContent ?? ''), 'the import did not finish');
    const after = (await mockOf().store.annotationsOf(STORY.id)).map((s) => s.annotation);
    expect(after).to.deep.equal(before);
    // The same file again creates nothing.
    buttonNamed(panel(list)!, 'Close').click();
    await chooseFile(list, new File([exported.blob], exported.name));
    buttonNamed(panel(list)!, 'Import 5 records').click();
    await waitUntil(() => /Imported/.test(panel(list)!.textContent ?? ''));
    expect(panel(list)!.textContent!.replace(/\s+/g, ' ')).to.contain('Imported: 0 new, 0 updated, 5 already there');
    expect(await mockOf().store.annotationsOf(STORY.id)).to.have.length(5);
  });

  it('rejects hostile files with a clear message and leaves nothing half imported', async () => {
    const [good] = await seedHandMade([]);
    const el = await reviewFixture();
    const list = await allNotes(el);
    const count = async () => (await mockOf().store.annotationsOf(STORY.id)).length;
    const start = await count();

    await chooseFile(list, new File(['{"type":"AnnotationCollection","first":{"items":[{"id":'], 'cut.jsonld'));
    expect(panel(list)!.querySelector('[role=alert]')!.textContent).to.match(/not valid JSON/i);
    buttonNamed(panel(list)!, 'Close').click();

    const big = new File([new Uint8Array(50 * 1024 * 1024)], 'huge.jsonld');
    await chooseFile(list, big);
    expect(panel(list)!.querySelector('[role=alert]')!.textContent).to.match(/50 MB; an import may be at most 20 MB/);
    buttonNamed(panel(list)!, 'Close').click();

    const fresh = () => ({ ...good!, id: `urn:uuid:${crypto.randomUUID()}` });
    const polluted = JSON.parse(`{"target":{"source":"${STORY.id}","selector":[{"type":"TextQuoteSelector","exact":"x","__proto__":{"polluted":1}}]}}`);
    const hostile = [
      fresh(),
      { ...fresh(), motivation: 'bookmarking' },
      { ...fresh(), body: { type: 'TextualBody', value: 42 } },
      { ...fresh(), ...polluted, target: polluted.target },
      { ...fresh(), body: { type: 'TextualBody', value: 'x'.repeat(5 * 1024 * 1024), format: 'text/plain' } },
    ];
    await chooseFile(list, jsonFile(hostile));
    const report = panel(list)!.textContent!;
    expect(report).to.contain('1 record can be imported').and.contain('4 records were rejected');
    expect(panel(list)!.querySelectorAll('.rejected li')).to.have.length(4);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(await count(), 'nothing applied before the editor confirms').to.equal(start);

    // The network fails: nothing at all is stored, and the editor is told so.
    mockOf().faults.set({ offline: true });
    buttonNamed(panel(list)!, 'Import 1 record').click();
    await waitUntil(() => /not confirmed/.test(panel(list)!.textContent ?? ''), 'no failure message');
    mockOf().faults.heal();
    expect(await count()).to.equal(start);
  });
});

async function seedStoryOnly(): Promise<void> {
  const { readers } = await import('./helpers.js');
  await fetch(`/api/plaudit/articles/${STORY.id}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${readers[0]!.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: STORY.title, url: STORY.url, textHash: 'hand', paragraphs: STORY.paragraphs }),
  });
}
