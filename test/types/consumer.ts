// A TypeScript page that uses Plaudit without a framework. It imports nothing but
// types from `plaudit` (index.d.ts, which registers no element): the global tag and
// event maps must still know every element and event.
import type {
  PlauditArticleElement,
  PlauditClapDetail,
  PlauditClapEvent,
  PlauditClapsElement,
  PlauditElementTagNameMap,
  PlauditEventMap,
} from 'plaudit';
import { assertType, type Equal } from './expect-type.js';

// Every public tag, typed by HTMLElementTagNameMap.
type Tag = 'plaudit-article' | 'plaudit-claps' | 'plaudit-sync-status' | 'plaudit-review';
assertType<Equal<keyof PlauditElementTagNameMap, Tag>>();
assertType<Equal<{ [K in Tag]: HTMLElementTagNameMap[K] }, PlauditElementTagNameMap>>();
assertType<Equal<HTMLElementTagNameMap['plaudit-claps'], PlauditClapsElement>>();
assertType<Equal<HTMLElementTagNameMap['plaudit-article'], PlauditArticleElement>>();

// Every event, typed by GlobalEventHandlersEventMap (so by HTMLElementEventMap and on `document` too).
type EventName =
  | 'plaudit-clap'
  | 'plaudit-before-clap'
  | 'plaudit-annotation-create'
  | 'plaudit-annotation-update'
  | 'plaudit-annotation-delete'
  | 'plaudit-sync-status'
  | 'plaudit-moderate'
  | 'plaudit-review-open';
assertType<Equal<keyof PlauditEventMap, EventName>>();
assertType<Equal<{ [K in EventName]: GlobalEventHandlersEventMap[K] }, PlauditEventMap>>();
assertType<Equal<HTMLElementEventMap['plaudit-clap'], PlauditClapEvent>>();
assertType<Equal<DocumentEventMap['plaudit-moderate'], PlauditEventMap['plaudit-moderate']>>();

// querySelector knows the element.
const claps = document.querySelector('plaudit-claps')!;
assertType<Equal<typeof claps.count, number>>();
assertType<Equal<typeof claps.total, number>>();
const cap: number = claps.resolvedMax;
claps.articleId = 'story-1';
claps.maxClaps = 10;
void claps.undo();

const article = document.querySelector('plaudit-article')!;
article.noteVisibility = 'shared';
const statuses: string[] = article.annotations.map((a) => a.status);

const review = document.querySelector('plaudit-review')!;
review.token = 'editor-token';

const status = document.querySelector('plaudit-sync-status')!;
status.endpoint = '/api/plaudit';

// Listeners are typed, on the element and on the document.
claps.addEventListener('plaudit-clap', (e) => {
  assertType<Equal<typeof e, PlauditClapEvent>>();
  assertType<Equal<typeof e.detail, PlauditClapDetail>>();
  const mine: number = e.detail.count;
  const total: number = e.detail.total;
  console.log(mine, total, cap, statuses);
});
claps.addEventListener('plaudit-before-clap', (e) => {
  if (e.detail.count >= 3) e.preventDefault();
});
document.addEventListener('plaudit-annotation-create', (e) => console.log(e.detail.annotation.id));
document.addEventListener('plaudit-sync-status', (e) => console.log(e.detail.endpoint, e.detail.status.state));
review.addEventListener('plaudit-moderate', (e) => console.log(e.detail.status, e.detail.previous));
review.addEventListener('plaudit-review-open', (e) => console.log(e.detail.url));

// Mistakes are errors; each line below must stay one.
// @ts-expect-error: a misspelt detail field
claps.addEventListener('plaudit-clap', (e) => e.detail.cuont);
// @ts-expect-error: a misspelt detail field on the document's listener
document.addEventListener('plaudit-before-clap', (e) => e.detail.articleID);
// @ts-expect-error: a property of the wrong type
claps.articleId = 42;
// @ts-expect-error: `count` is read-only (the reader's claps, not an input)
claps.count = 3;
// @ts-expect-error: not one of the note visibilities
article.noteVisibility = 'public';
// @ts-expect-error: the moderation detail has no `url`
review.addEventListener('plaudit-moderate', (e) => e.detail.url);
