/**
 * The W3C Web Annotation Data Model, as far as Plaudit uses it.
 * https://www.w3.org/TR/annotation-model/
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Selects text by quoting it, with context on both sides to choose among repeats. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Selects text by its offsets in the article's text model (see `core/text-model`). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  format: 'text/plain';
  purpose?: 'commenting';
}

export interface AnnotationTarget {
  /** The article id. */
  source: string;
  selector: Selector[];
}

/** Who may see a note: it stays on the device, or it is shared with the editors when sync is on. */
export const NoteVisibility = { Private: 'private', Shared: 'shared' } as const;
export type NoteVisibility = (typeof NoteVisibility)[keyof typeof NoteVisibility];

export interface Annotation {
  '@context': typeof ANNOTATION_CONTEXT;
  /** `urn:uuid:...` */
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  /** The reader id. */
  creator: string;
  body?: TextualBody;
  target: AnnotationTarget;
  /** Where an imported annotation came from: its id in the tool that made it (W3C `via`). */
  via?: string;
  /** Plaudit's own fields, outside the W3C vocabulary. */
  'plaudit:textHash'?: string;
  'plaudit:visibility'?: NoteVisibility;
  /** Moderation status, owned by the server. */
  'plaudit:status'?: 'new' | 'reviewed' | 'hidden';
}

/** How an annotation was found on the current article text. */
export const AnchorStatus = { Anchored: 'anchored', Moved: 'moved', Orphan: 'orphan' } as const;
export type AnchorStatus = (typeof AnchorStatus)[keyof typeof AnchorStatus];
