import type { Annotation } from '../core/annotation.js';

export interface PlauditReviewOpenDetail {
  /** The passage's deep link: the story's address with the annotation id and a text fragment. */
  url: string;
  annotation: Annotation;
}

/**
 * Fired by `<plaudit-review>` before it opens a passage in the story (the "o"
 * key or "Open passage"). Cancelable: `preventDefault()` keeps the review from
 * opening a new tab, so a host can navigate its own way. Bubbles and is composed.
 */
export class PlauditReviewOpenEvent extends Event {
  static readonly type = 'plaudit-review-open';
  readonly detail: PlauditReviewOpenDetail;

  constructor(detail: PlauditReviewOpenDetail) {
    super(PlauditReviewOpenEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plaudit-review-open': PlauditReviewOpenEvent;
  }
}
