// The other two entries' declarations: `plaudit/claps` (the clap button alone) and
// `plaudit/review` (the editors' bundle) export their classes and event types, the
// same ones the global maps hold.
import type { PlauditBeforeClapEvent, PlauditClapEvent, PlauditClapsElement } from 'plaudit/claps';
import type {
  PlauditElementTagNameMap,
  PlauditModerateDetail,
  PlauditModerateEvent,
  PlauditReviewElement,
  PlauditReviewOpenDetail,
  PlauditReviewOpenEvent,
} from 'plaudit/review';
import { assertType, type Equal } from './expect-type.js';

assertType<Equal<HTMLElementTagNameMap['plaudit-claps'], PlauditClapsElement>>();
assertType<Equal<HTMLElementEventMap['plaudit-clap'], PlauditClapEvent>>();
assertType<Equal<HTMLElementEventMap['plaudit-before-clap'], PlauditBeforeClapEvent>>();

assertType<Equal<HTMLElementTagNameMap['plaudit-review'], PlauditReviewElement>>();
assertType<Equal<PlauditElementTagNameMap['plaudit-review'], PlauditReviewElement>>();
assertType<Equal<HTMLElementEventMap['plaudit-moderate'], PlauditModerateEvent>>();
assertType<Equal<HTMLElementEventMap['plaudit-review-open'], PlauditReviewOpenEvent>>();
assertType<Equal<PlauditModerateEvent['detail'], PlauditModerateDetail>>();
assertType<Equal<PlauditReviewOpenEvent['detail'], PlauditReviewOpenDetail>>();

const review = document.createElement('plaudit-review');
review.addEventListener('plaudit-review-open', (e) => {
  e.preventDefault();
  console.log(e.detail.url, e.detail.annotation.id);
});
// @ts-expect-error: a misspelt detail field
review.addEventListener('plaudit-review-open', (e) => e.detail.href);
