import { expect } from '@open-wc/testing';
import type { Annotation } from '../../src/core/annotation.js';
import { LIMITS, type ImportResult, type ReviewPage } from '../../src/sync/protocol.js';
import { BASE, startTestMock, type TestMock } from '../sync/helpers.js';
import { annotation, auth, editor, editorClient, ID, ld, tokenOf } from './editor-fixtures.js';

describe('mock endpoint: POST /review/import', () => {
  let mock: TestMock;
  let f: typeof fetch;
  before(async () => {
    mock = await startTestMock();
    f = mock.fetch;
  });
  after(() => mock.stop());
  beforeEach(() => mock.reset());
  afterEach(() => {
    mock.store.clock = Date.now;
  });
  const { get } = editorClient(() => mock);

  const item = (n: number, options: { note?: string; visibility?: string | null; status?: string } = {}) => {
    const a = annotation(n, '12-01T10:00', [{ type: 'TextQuoteSelector', exact: 'It is' }], { article: 'imported', ...(options.note ? { note: options.note, creator: 0 } : {}) });
    const out = a as unknown as Record<string, unknown>;
    if (options.visibility === null) delete out['plaudit:visibility'];
    else if (options.visibility !== undefined) out['plaudit:visibility'] = options.visibility;
    if (options.status !== undefined) out['plaudit:status'] = options.status;
    return out;
  };
  const post = (body: string, contentType = ld['Content-Type']) =>
    f(`${BASE}/review/import`, { method: 'POST', headers: { ...editor, 'Content-Type': contentType }, body });
  const result = async (response: Response) => (await response.json()) as ImportResult & { error?: string };

  it('creates, then finds everything unchanged, then updates what changed', async () => {
    const items = [item(10, { note: 'Kept hidden', visibility: null, status: 'hidden' }), item(11), item(12, { note: 'Shared' })];
    const first = await post(JSON.stringify({ items }));
    expect(first.status).to.equal(200);
    expect(await result(first)).to.deep.equal({ created: 3, updated: 0, unchanged: 0, rejected: [] });
    const list = await get<ReviewPage>('/review/annotations?article=imported&sort=position');
    expect(list.total).to.equal(3);
    const imported = list.items.find((i) => i.annotation.id.endsWith(ID[10]!))!;
    expect(imported.status).to.equal('hidden');
    expect(imported.annotation['plaudit:visibility'], 'a note without visibility is stored shared').to.equal('shared');

    const etag = (await f(`${BASE}/articles`, { headers: editor })).headers.get('ETag')!;
    const second = await post(JSON.stringify({ items }), 'application/json');
    expect(await result(second)).to.deep.equal({ created: 0, updated: 0, unchanged: 3, rejected: [] });
    expect((await f(`${BASE}/articles`, { headers: { ...editor, 'If-None-Match': etag } })).status, 'nothing was written').to.equal(304);

    const before = (await f(`${BASE}/annotations/${ID[12]}`, { headers: editor })).headers.get('ETag');
    items[2] = item(12, { note: 'Shared, and edited' });
    expect(await result(await post(JSON.stringify({ items })))).to.deep.equal({ created: 0, updated: 1, unchanged: 2, rejected: [] });
    const updated = await f(`${BASE}/annotations/${ID[12]}`, { headers: editor });
    expect(updated.headers.get('ETag')).not.to.equal(before);
    expect(((await updated.json()) as Annotation).body!.value).to.equal('Shared, and edited');
    // Imported annotations belong to no reader token.
    const put = await f(`${BASE}/annotations/${ID[11]}`, {
      method: 'PUT', headers: { ...auth(tokenOf(0)), ...ld, 'If-Match': '*' }, body: JSON.stringify(item(11)),
    });
    expect(put.status).to.equal(403);
  });

  it('applies nothing when any item is invalid, and lists every rejected one', async () => {
    await post(JSON.stringify({ items: [item(10)] }));
    const stored = await mock.store.annotationsOf(null);
    const writes = await mock.store.version();
    const noTarget = item(14);
    delete noTarget.target;
    const response = await post(JSON.stringify({
      items: [item(13), noTarget, item(15, { note: 'Mine', visibility: 'private' }), { ...item(16), id: ID[16] }, item(13), item(17, { status: 'deleted' })],
    }));
    expect(response.status).to.equal(422);
    const body = await result(response);
    expect(body.error).to.equal('invalid-import');
    expect([body.created, body.updated, body.unchanged]).to.deep.equal([0, 0, 0]);
    expect(body.rejected.map((r) => [r.index, r.id])).to.deep.equal([
      [1, `urn:uuid:${ID[14]}`], [2, `urn:uuid:${ID[15]}`], [3, ID[16]], [4, `urn:uuid:${ID[13]}`], [5, `urn:uuid:${ID[17]}`],
    ]);
    expect(body.rejected.every((r) => r.reason.length > 0)).to.equal(true);
    expect(await mock.store.annotationsOf(null)).to.deep.equal(stored);
    expect(await mock.store.version()).to.equal(writes);
    expect((await f(`${BASE}/annotations/${ID[13]}`, { headers: editor })).status).to.equal(404);
  });

  it('rejects prototype keys at any depth', async () => {
    const text = (value: unknown, key: string, inside = '') => JSON.stringify(value).replace(`${inside}{`, `${inside}{"${key}":{"polluted":true},`);
    const items = [
      text(item(13), '__proto__'),
      text(item(14), 'constructor', '"target":'),
      text(item(15, { note: 'n' }), 'prototype', '"body":'),
    ];
    const response = await post(`{"items":[${items.join(',')}]}`);
    expect(response.status).to.equal(422);
    const body = await result(response);
    expect(body.rejected.map((r) => [r.index, r.reason])).to.deep.equal([
      [0, 'the key "__proto__" is not accepted'],
      [1, 'the key "constructor" is not accepted'],
      [2, 'the key "prototype" is not accepted'],
    ]);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect((await post('{"items":[],"__proto__":{"polluted":true}}')).status).to.equal(422);
    expect(await mock.store.annotationsOf(null)).to.deep.equal([]);
  });

  it('refuses an oversize body, too many items and other media types', async () => {
    const big = await post(`{"items":[],"pad":"${'x'.repeat(LIMITS.maxImportBytes)}"}`);
    expect(big.status).to.equal(413);
    const many = await post(JSON.stringify({ items: Array.from({ length: LIMITS.maxImportItems + 1 }, () => ({})) }));
    expect(many.status).to.equal(413);
    expect((await result(many)).error).to.equal('too-many-items');
    expect((await post('{"items":[]}', 'text/plain')).status).to.equal(415);
    expect((await post('{"items":')).status).to.equal(400);
    expect((await post('{"things":[]}')).status).to.equal(422);
    expect(await mock.store.annotationsOf(null)).to.deep.equal([]);
  });
});
