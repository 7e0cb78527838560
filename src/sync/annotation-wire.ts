import type { Annotation } from '../core/annotation.js';

/**
 * Whether an annotation may leave the device. A note (an annotation with a body)
 * goes only when the reader shared it; a note without a visibility counts as
 * private, so a bug elsewhere can never leak one. A highlight without a note is
 * shared as an anonymous signal unless it is explicitly private.
 */
export function isShareable(annotation: Annotation): boolean {
  const visibility = annotation['plaudit:visibility'];
  if (visibility === 'private') return false;
  if (annotation.body) return visibility === 'shared';
  return true;
}

/**
 * The annotation as sent: server-owned fields removed, and a highlight without
 * a note sent without its `creator`, as an anonymous signal.
 */
export function toWire(annotation: Annotation): Annotation {
  const wire: Annotation = { ...annotation };
  delete wire['plaudit:status'];
  if (!wire.body) delete (wire as Partial<Annotation>).creator;
  return wire;
}

/**
 * Merges after a 412: the reader's text (body, target, motivation, visibility)
 * wins when the reader edited it at least as late as the server's copy; fields
 * the server owns (moderation status) always come from the server.
 */
export function mergeAnnotation(local: Annotation, server: Annotation): Annotation {
  const readerWins = Date.parse(local.modified) >= Date.parse(server.modified);
  const merged: Annotation = readerWins
    ? { ...local }
    : {
        ...local,
        motivation: server.motivation,
        target: server.target,
        modified: server.modified,
        ...(server.body ? { body: server.body } : {}),
      };
  if (!readerWins && !server.body) delete merged.body;
  const status = server['plaudit:status'];
  if (status) merged['plaudit:status'] = status;
  else delete merged['plaudit:status'];
  return merged;
}

/** Whether sending `local` would change nothing the server holds. */
export function sameOnServer(local: Annotation, server: Annotation): boolean {
  const a = toWire(local);
  const b = toWire(server);
  return (
    a.modified === b.modified &&
    a.motivation === b.motivation &&
    a['plaudit:visibility'] === b['plaudit:visibility'] &&
    JSON.stringify(a.body ?? null) === JSON.stringify(b.body ?? null) &&
    JSON.stringify(a.target) === JSON.stringify(b.target)
  );
}
