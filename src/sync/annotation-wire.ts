import type { Annotation } from '../core/annotation.js';

/**
 * Whether an annotation may leave the device. A note (an annotation with a body)
 * goes only when the reader shared it; a note without a visibility counts as
 * private, so a bug elsewhere can never leak one. A highlight without a note
 * always goes, without its creator, as an anonymous signal: the visibility
 * choice is a note's (older versions stored `private` on every highlight).
 */
export function isShareable(annotation: Annotation): boolean {
  return annotation.body ? annotation['plaudit:visibility'] === 'shared' : true;
}

/**
 * The annotation as sent: server-owned fields removed, and a highlight without
 * a note sent without its `creator` or a visibility (older versions stored
 * `private` on highlights, which a server refuses), as an anonymous signal.
 */
export function toWire(annotation: Annotation): Annotation {
  const wire: Partial<Annotation> = { ...annotation };
  delete wire['plaudit:status'];
  if (!wire.body) {
    delete wire.creator;
    delete wire['plaudit:visibility'];
  }
  return wire as Annotation;
}

/**
 * Merges after a 412: the reader's text (body, target, motivation, visibility)
 * wins when the reader edited it at least as late as the server's copy; fields
 * the server owns (moderation status) always come from the server.
 */
export function mergeAnnotation(local: Annotation, server: Annotation): Annotation {
  const { motivation, target, modified, body } = server;
  const merged: Annotation =
    Date.parse(local.modified) >= Date.parse(modified) ? { ...local } : { ...local, motivation, target, modified, body };
  if (!merged.body) delete merged.body;
  merged['plaudit:status'] = server['plaudit:status'];
  if (!merged['plaudit:status']) delete merged['plaudit:status'];
  return merged;
}

/** What of an annotation the server compares: its text, target, visibility and time. */
const content = (a: Annotation): string =>
  JSON.stringify([a.modified, a.motivation, a['plaudit:visibility'], a.body, a.target]);

/** Whether sending `local` would change nothing the server holds. */
export function sameOnServer(local: Annotation, server: Annotation): boolean {
  return content(local) === content(server);
}
