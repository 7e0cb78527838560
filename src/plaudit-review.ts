/**
 * The editor's bundle: registers `<plaudit-review>`. Reader pages never load it.
 * `<script type="module" src=".../plaudit-review.js"></script>` then `<plaudit-review endpoint="..."></plaudit-review>`.
 */
import './components/review/review.js';

export { PlauditReviewElement } from './components/review/review.component.js';
export { PlauditModerateEvent, type PlauditModerateDetail } from './events/plaudit-moderate.js';
export { PlauditReviewOpenEvent, type PlauditReviewOpenDetail } from './events/plaudit-review-open.js';
export type * from './sync/protocol.js';
export type { PlauditElementTagNameMap, PlauditEventMap } from './global-types.js';
