import type { Annotation } from '../core/annotation.js';

export interface PlauditAnnotationDeleteDetail {
  /** The annotation as W3C Web Annotation JSON. */
  readonly annotation: Annotation;
}

/**
 * Fired by `<plaudit-article>` after the reader deletes an annotation.
 * Bubbles and crosses shadow roots.
 */
export class PlauditAnnotationDeleteEvent extends Event {
  static readonly eventName = 'plaudit-annotation-delete';
  readonly detail: PlauditAnnotationDeleteDetail;

  constructor(detail: PlauditAnnotationDeleteDetail) {
    super(PlauditAnnotationDeleteEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plaudit-annotation-delete': PlauditAnnotationDeleteEvent;
  }
}
