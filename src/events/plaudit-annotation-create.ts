import type { Annotation } from '../core/annotation.js';

export interface PlauditAnnotationCreateDetail {
  /** The annotation as W3C Web Annotation JSON. */
  readonly annotation: Annotation;
}

/**
 * Fired by `<plaudit-article>` after a new highlight or note is saved (also when Undo restores a deleted one).
 * Bubbles and crosses shadow roots.
 */
export class PlauditAnnotationCreateEvent extends Event {
  static readonly eventName = 'plaudit-annotation-create';
  readonly detail: PlauditAnnotationCreateDetail;

  constructor(detail: PlauditAnnotationCreateDetail) {
    super(PlauditAnnotationCreateEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plaudit-annotation-create': PlauditAnnotationCreateEvent;
  }
}
