// Vue 3 with the generated dist/types/vue.d.ts, checked without a .vue file. Vue's
// template checker (vue-tsc, Volar) reads a global component's bindings from its
// `$props` type and its listeners from its `$emit` type; these are the checks it
// makes for `<plaudit-claps max-claps="5" :articleId="id" @plaudit-clap="...">`.
import type {} from 'plaudit/vue';
import type { PlauditAnnotationCreateEvent, PlauditClapEvent, PlauditClapsElement } from 'plaudit';
import type { GlobalComponents } from 'vue';
import { assertType, type Equal } from './expect-type.js';

type Claps = InstanceType<GlobalComponents['plaudit-claps']>;
type ClapsProps = Claps['$props'];

// A template ref is the element itself.
declare const ref: Claps;
const el: PlauditClapsElement = ref;
assertType<Equal<typeof ref.count, number>>();

// Bindings: attributes (kebab-case), properties, and the `@plaudit-clap` listener as Vue compiles it.
export const bindings: ClapsProps = {
  'max-claps': '5',
  articleId: 'story-1',
  class: 'claps',
  onPlauditClap: (e) => {
    assertType<Equal<typeof e, PlauditClapEvent>>();
    return e.detail.count + el.total;
  },
  onPlauditBeforeClap: (e) => e.preventDefault(),
};

// `@plaudit-clap="handler"`: the event and its payload, from `$emit`.
ref.$emit('plaudit-clap', new Event('plaudit-clap') as PlauditClapEvent);
declare const articleRef: InstanceType<GlobalComponents['plaudit-article']>;
articleRef.$emit('plaudit-annotation-create', new Event('x') as PlauditAnnotationCreateEvent);

export const article: InstanceType<GlobalComponents['plaudit-article']>['$props'] = { 'note-visibility': 'shared', 'no-claps': true };
export const review: InstanceType<GlobalComponents['plaudit-review']>['$props'] = { period: '7d', onPlauditReviewOpen: (e) => e.preventDefault() };
export const status: InstanceType<GlobalComponents['plaudit-sync-status']>['$props'] = { endpoint: '/api/plaudit' };

// Mistakes are errors; each line below must stay one.
// @ts-expect-error: a misspelt detail field
export const misspelt: ClapsProps = { onPlauditClap: (e) => e.detail.cuont };
// @ts-expect-error: a property of the wrong type
export const wrongType: ClapsProps = { articleId: 42 };
// @ts-expect-error: not one of the note visibilities
export const visibility: InstanceType<GlobalComponents['plaudit-article']>['$props'] = { 'note-visibility': 'public' };
// @ts-expect-error: the element fires no such event
ref.$emit('plaudit-clapped', new Event('x'));
// @ts-expect-error: a listener for another event's payload
articleRef.$emit('plaudit-annotation-create', new Event('x') as PlauditClapEvent);
