// Svelte 5 with the generated dist/types/svelte.d.ts, checked without a .svelte
// file. svelte-check turns `<plaudit-claps max-claps="5" articleId={id}
// onplaudit-clap={...}>` into `svelteHTML.createElement('plaudit-claps', { ... })`,
// typed by svelteHTML.IntrinsicElements (which extends svelte/elements'
// SvelteHTMLElements, the interface the generated file augments). Svelte ships
// that namespace in a file it leaves out of its exports map for the language
// server to load; this test loads it the same way.
/// <reference path="../../node_modules/svelte/svelte-html.d.ts" />
import type {} from 'plaudit/svelte';
import type { PlauditClapEvent, PlauditClapsElement } from 'plaudit';
import type { SvelteHTMLElements } from 'svelte/elements';
import { assertType, type Equal } from './expect-type.js';

const claps = svelteHTML.createElement('plaudit-claps', {
  'max-claps': '5',
  articleId: 'story-1',
  class: 'claps',
  'onplaudit-before-clap': (e) => e.detail.count > 3 && e.preventDefault(),
  'onplaudit-clap': (e) => {
    assertType<Equal<typeof e.detail.count, number>>();
    const el: PlauditClapsElement = e.currentTarget;
    return el.total;
  },
});
// `bind:this` gets the element.
assertType<Equal<typeof claps, PlauditClapsElement>>();

svelteHTML.createElement('plaudit-article', { 'article-id': 'story-1', 'no-claps': true, 'onplaudit-annotation-delete': (e) => e.detail.annotation.id });
svelteHTML.createElement('plaudit-review', { period: 'all', 'onplaudit-review-open': (e) => e.preventDefault() });
svelteHTML.createElement('plaudit-sync-status', { endpoint: '/api/plaudit' });

// The same entry as svelte/elements has it (for `let props: SvelteHTMLElements['plaudit-claps'] = $props()`).
type ClapsAttributes = SvelteHTMLElements['plaudit-claps'];
assertType<Equal<Parameters<NonNullable<ClapsAttributes['onplaudit-clap']>>[0]['detail'], PlauditClapEvent['detail']>>();

// Mistakes are errors; each line below must stay one.
// @ts-expect-error: a misspelt detail field
svelteHTML.createElement('plaudit-claps', { 'onplaudit-clap': (e) => e.detail.cuont });
// @ts-expect-error: a property of the wrong type
svelteHTML.createElement('plaudit-claps', { articleId: 42 });
// @ts-expect-error: an attribute is text
svelteHTML.createElement('plaudit-claps', { 'max-claps': 5 });
// @ts-expect-error: not one of the review periods
svelteHTML.createElement('plaudit-review', { period: '1y' });
