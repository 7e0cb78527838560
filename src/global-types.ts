/**
 * Every public element by tag and every event by type, as the global maps have
 * them. The `declare global` augmentations themselves stay beside each tag's
 * registration (`components/x/x.ts`) and each event class (`events/*.ts`); this
 * module only imports them as types, so that the declarations of an entry that
 * re-exports it (`index.d.ts`, which registers nothing) reach all of them, and a
 * page that only `import type`s from `plaudit` still gets a typed
 * `querySelector('plaudit-claps')` and typed listeners. It has no runtime code:
 * the bundles never include it.
 */
import type { PlauditArticleElement } from './components/article/article.js';
import type { PlauditClapsElement } from './components/claps/claps.js';
import type { PlauditReviewElement } from './components/review/review.js';
import type { PlauditSyncStatusElement } from './components/sync-status/sync-status.js';
import type { PlauditAnnotationCreateEvent } from './events/plaudit-annotation-create.js';
import type { PlauditAnnotationDeleteEvent } from './events/plaudit-annotation-delete.js';
import type { PlauditAnnotationUpdateEvent } from './events/plaudit-annotation-update.js';
import type { PlauditBeforeClapEvent } from './events/plaudit-before-clap.js';
import type { PlauditClapEvent } from './events/plaudit-clap.js';
import type { PlauditModerateEvent } from './events/plaudit-moderate.js';
import type { PlauditReviewOpenEvent } from './events/plaudit-review-open.js';
import type { PlauditSyncStatusEvent } from './events/plaudit-sync-status.js';

/** The elements a page writes, by tag: the same entries as in `HTMLElementTagNameMap`. */
export interface PlauditElementTagNameMap {
  'plaudit-article': PlauditArticleElement;
  'plaudit-claps': PlauditClapsElement;
  'plaudit-sync-status': PlauditSyncStatusElement;
  'plaudit-review': PlauditReviewElement;
}

/** The events the elements fire, by type: the same entries as in `GlobalEventHandlersEventMap`. */
export interface PlauditEventMap {
  'plaudit-before-clap': PlauditBeforeClapEvent;
  'plaudit-clap': PlauditClapEvent;
  'plaudit-annotation-create': PlauditAnnotationCreateEvent;
  'plaudit-annotation-update': PlauditAnnotationUpdateEvent;
  'plaudit-annotation-delete': PlauditAnnotationDeleteEvent;
  'plaudit-sync-status': PlauditSyncStatusEvent;
  'plaudit-moderate': PlauditModerateEvent;
  'plaudit-review-open': PlauditReviewOpenEvent;
}
