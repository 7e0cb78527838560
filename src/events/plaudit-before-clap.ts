/** What a host sees before one clap is taken. */
export interface PlauditBeforeClapDetail {
  articleId: string;
  /** The reader's count before this clap. */
  count: number;
}

/**
 * Fired before each clap; call `preventDefault()` to veto it (for example, to
 * require sign-in first). A vetoed clap changes nothing and ends the hold.
 * Bubbles and crosses shadow roots.
 */
export class PlauditBeforeClapEvent extends Event {
  static readonly type = 'plaudit-before-clap';
  readonly detail: PlauditBeforeClapDetail;
  constructor(detail: PlauditBeforeClapDetail) {
    super(PlauditBeforeClapEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plaudit-before-clap': PlauditBeforeClapEvent;
  }
}
