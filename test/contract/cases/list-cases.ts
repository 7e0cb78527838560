import type { Annotation } from '../../../src/core/annotation.js';
import type { AnnotationPage } from '../../../src/sync/protocol.js';
import { annotationAt, articleId, assert, assertSame, create, editorGet, expectError, json, moderate, wire } from '../builders.js';
import type { ContractCase } from '../contract-types.js';

const ids = (page: AnnotationPage) => page.items.map((a) => a.id);

export const listCases: ContractCase[] = [
  {
    name: 'annotation list: 0-based pages of 50, oldest first; id, next and prev are absolute paths of the form {base}/annotations/?article={id}&page={n}',
    async run(ctx) {
      const article = articleId('paged');
      const start = Date.parse('2026-01-01T00:00:00Z');
      const made: Annotation[] = [];
      for (let i = 0; i < 52; i++) {
        const a = wire(article, { creator: ctx.reader.id, at: new Date(start + i * 1000).toISOString() });
        await create(ctx, a);
        made.push(a);
      }
      const url = (page: number) => `${ctx.base}/annotations/?article=${article}&page=${page}`;
      const first = await json<AnnotationPage>(await ctx.call(`/annotations/?article=${article}`), 200, 'no page: page 0');
      assert(first.type === 'AnnotationPage' && first.id === url(0), `page 0's id is ${url(0)}, got ${first.id}`);
      assertSame(first.partOf, { id: `${ctx.base}/annotations/?article=${article}`, type: 'AnnotationCollection', total: 52 }, 'partOf');
      assert(first.startIndex === 0 && first.items.length === 50, `50 items from 0, got ${first.items.length} from ${first.startIndex}`);
      assert(first.next === url(1), `next is ${url(1)}, got ${first.next}`);
      assert(!('prev' in first), 'page 0 has no prev');
      assert(first.next.startsWith(ctx.base), 'next is under the base');
      const second = await json<AnnotationPage>(await ctx.call(first.next.slice(ctx.base.length)), 200, 'follow next');
      assert(second.id === url(1) && second.startIndex === 50 && second.items.length === 2, 'page 1: the last 2');
      assert(second.prev === url(0) && !('next' in second), 'the last page has prev and no next');
      assertSame([...ids(first), ...ids(second)], made.map((a) => a.id), 'every annotation once, oldest first');
      const past = await json<AnnotationPage>(await ctx.call(`/annotations/?article=${article}&page=2`), 200, 'a page past the end');
      assert(past.items.length === 0 && past.prev === url(1) && past.startIndex === 100, 'an empty page past the end');
      const all = await json<AnnotationPage>(await ctx.call('/annotations/?page=1'), 200, 'without an article');
      assert(all.id === `${ctx.base}/annotations/?page=1` && all.partOf.id === `${ctx.base}/annotations/`, `the unfiltered form, got ${all.id} / ${all.partOf.id}`);
      assert(all.partOf.total === 52, "all of this reader's annotations");
      for (const bad of ['-1', 'x', '1.5']) await expectError(await ctx.call(`/annotations/?article=${article}&page=${bad}`), 400, 'invalid-page', `page=${bad}`);
      await expectError(await ctx.call('/annotations/?article=bad%20id'), 400, 'invalid-article-id', 'a bad article');
    },
  },
  {
    name: 'annotation list: a reader lists only what its token created, hidden ones left out (its GET still answers them); the editor lists all',
    async run(ctx) {
      const article = articleId('mixed');
      const other = ctx.newReader();
      const hiddenNote = wire(article, { creator: ctx.reader.id, note: 'To be hidden.' });
      const highlight = wire(article, { creator: ctx.reader.id });
      const theirs = wire(article, { creator: other.id, note: 'Theirs.' });
      const etag = await create(ctx, hiddenNote);
      await create(ctx, highlight);
      await create(ctx, theirs, other.token);
      await json(await moderate(ctx, hiddenNote, 'hidden', etag), 200, 'hide');
      const mine = await json<AnnotationPage>(await ctx.call(`/annotations/?article=${article}`), 200, 'my list');
      assertSame(ids(mine), [highlight.id], 'mine: the highlight, not the hidden note');
      assert(mine.partOf.total === 1, 'the total counts what the caller may list');
      const own = await json<Annotation>(await ctx.call(annotationAt(hiddenNote)), 200, 'the owner GETs the hidden note');
      assert(own['plaudit:status'] === 'hidden', 'with its status');
      assertSame(ids(await json(await ctx.call(`/annotations/?article=${article}`, { token: other.token }), 200, 'their list')), [theirs.id], 'theirs');
      const editor = await json<AnnotationPage>(await editorGet(ctx, `/annotations/?article=${article}`), 200, 'editor list');
      assertSame(ids(editor).sort(), [hiddenNote.id, highlight.id, theirs.id].sort(), 'the editor lists all three');
      assert(editor.items.find((a) => a.id === hiddenNote.id)!['plaudit:status'] === 'hidden', 'the hidden one with its status');
    },
  },
];
