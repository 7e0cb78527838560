// The validator itself, in Node: `node --test test/contract/openapi-validator.test.mjs`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createValidator, mediaTypeMatches } from './openapi-validator.mjs';

const spec = JSON.parse(readFileSync(new URL('../../src/endpoint/openapi.json', import.meta.url), 'utf8'));
const ANNO = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
const UUID = '0b8d6f0e-7c1a-4c5e-9d33-2f1a6b7c8d90';
const annotation = {
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id: `urn:uuid:${UUID}`,
  type: 'Annotation',
  motivation: 'commenting',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  creator: '1b8d6f0e-7c1a-4c5e-9d33-2f1a6b7c8d91',
  body: { type: 'TextualBody', value: 'Hello', format: 'text/plain', purpose: 'commenting' },
  target: { source: 'story', selector: [{ type: 'TextQuoteSelector', exact: 'the type' }] },
  'plaudit:visibility': 'shared',
};
const got = (status, headers, body) => ({ method: 'GET', path: `/annotations/${UUID}`, status, headers, body });
const goodHeaders = { 'content-type': ANNO, etag: '"a1"', link: '<http://www.w3.org/ns/ldp#Resource>; rel="type"' };

test('a valid answer has no problems, and counts as seen', () => {
  const v = createValidator(spec);
  assert.deepEqual(v.validate(got(200, goodHeaders, annotation)), []);
  assert.ok(v.seen().includes(`GET /annotations/{uuid} 200`));
  assert.ok(!v.checkCoverage().includes(`GET /annotations/{uuid} 200`));
  assert.ok(v.checkCoverage().includes(`GET /annotations/{uuid} 404`));
});

test('paths, methods and statuses must be documented', () => {
  const v = createValidator(spec);
  assert.match(v.validate({ ...got(200, goodHeaders, annotation), path: '/nowhere' })[0], /no documented path/);
  assert.match(v.validate({ ...got(200, goodHeaders, annotation), method: 'POST' })[0], /POST is not documented/);
  assert.match(v.validate(got(418, goodHeaders, annotation))[0], /status 418 is not documented/);
  // Literal paths win over templates; a query is not part of the path.
  assert.deepEqual(v.validate({ method: 'GET', path: '/articles?period=7d', status: 304, headers: { etag: 'W/"x"', 'cache-control': 'private, no-cache', vary: 'Authorization' }, body: null }), []);
});

test('required headers, header values, media types and bodies are checked', () => {
  const v = createValidator(spec);
  const { etag: _etag, ...noEtag } = goodHeaders;
  assert.deepEqual(v.validate(got(200, noEtag, annotation)), ['GET /annotations/{uuid} 200: the required header ETag is missing']);
  assert.match(v.validate(got(200, { ...goodHeaders, etag: 'W/"weak"' }, annotation)).join(), /header ETag/);
  assert.match(v.validate(got(200, { ...goodHeaders, 'content-type': 'application/json' }, annotation)).join(), /Content-Type application\/json is not documented/);
  assert.match(v.validate(got(200, goodHeaders, { ...annotation, 'plaudit:visibility': 'private' })).join(), /plaudit:visibility must be equal to constant/);
  assert.match(v.validate(got(200, goodHeaders, null)).join(), /body is missing/);
  const error = (body) => v.validate(got(404, { 'content-type': 'application/json' }, body));
  assert.deepEqual(error({ error: 'not-found', reason: 'no such annotation' }), []);
  assert.match(error({ error: 'not-found', reason: 'x', extra: 1 }).join(), /must NOT have additional properties "extra"/);
  assert.match(error({ error: 'gone', reason: 'x' }).join(), /error must be equal to constant "not-found"/);
  assert.match(v.validate({ method: 'DELETE', path: `/annotations/${UUID}`, status: 204, headers: {}, body: { no: 'body' } }).join(), /a body is not documented/);
});

test('media types: same type and subtype, and every documented parameter', () => {
  assert.ok(mediaTypeMatches('application/json', 'application/json; charset=utf-8'));
  assert.ok(mediaTypeMatches(ANNO, 'application/ld+json;profile=http://www.w3.org/ns/anno.jsonld'));
  assert.ok(!mediaTypeMatches(ANNO, 'application/ld+json'));
  assert.ok(!mediaTypeMatches('application/json', 'application/ld+json'));
});

test('the document: every operation under the base documents 401, 429 and 503; every path has a preflight', () => {
  for (const [path, item] of Object.entries(spec.paths)) {
    if (path === '/healthz') continue;
    assert.ok(item.options, `${path} has OPTIONS`);
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
      if (!item[method]) continue;
      for (const status of ['401', '429', '503']) assert.ok(item[method].responses[status], `${method} ${path} ${status}`);
    }
  }
});
