import type { Annotation } from '../core/annotation.js';

export interface PlauditAnnotationUpdateDetail {
  /** The annotation as W3C Web Annotation JSON. */
  readonly annotation: Annotation;
}

/**
 * Fired by `<plaudit-article>` after the reader edits a note or its visibility and it is saved.
 * Bubbles and crosses shadow roots.
 */
export class PlauditAnnotationUpdateEvent extends Event {
  static readonly eventName = 'plaudit-annotation-update';
  readonly detail: PlauditAnnotationUpdateDetail;

  constructor(detail: PlauditAnnotationUpdateDetail) {
    super(PlauditAnnotationUpdateEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plaudit-annotation-update': PlauditAnnotationUpdateEvent;
  }
}
