/**
 * What a reader means, for the randomized fault tests (against the mock in
 * `fault-randomized.test.ts`, against the real server in
 * `test/server-e2e/server-faults.test.ts`): one random change at a time,
 * written to the client database as the widget writes it, and remembered, so
 * that the server's state can be checked against it afterwards.
 */
import type { Annotation } from '../../src/core/annotation.js';
import type { PlauditDatabase } from '../../src/storage/open-database.js';
import { isShareable } from '../../src/sync/annotation-wire.js';
import { deleteAnnotation, makeAnnotation, tick, writeAnnotation, writeClaps } from './helpers.js';

export interface ReaderModel {
  /** The reader's count per article. */
  claps: Map<string, number>;
  notes: Map<string, { annotation: Annotation; deleted: boolean }>;
  /** Every private text ever written: none may reach a server. */
  privateTexts: Set<string>;
}

export const newReaderModel = (): ReaderModel => ({ claps: new Map(), notes: new Map(), privateTexts: new Set() });

/** What the step was: a change to send, a reload or a pause for the test to act on, or nothing. */
export type Step = 'claps' | 'create' | 'edit' | 'delete' | 'reload' | 'pause' | 'none';
/** The steps that leave a change in the outbox. */
export const CHANGES: ReadonlySet<Step> = new Set(['claps', 'create', 'edit', 'delete']);

/** A shared note's text: SQL and JSON metacharacters, so they travel and are stored as they are. */
const sharedText = (op: number, verb: string) => `${verb} note ${op}: it's "quoted" \\ and ; DROP TABLE x; --`;

/**
 * One random step by the reader with `readerId`: claps up (or now and then
 * down), a new highlight or note (shared or private), an edit (sometimes
 * changing its visibility), a deletion, a reload or a pause.
 */
export async function randomStep(
  db: PlauditDatabase,
  model: ReaderModel,
  random: () => number,
  readerId: string,
  articles: readonly string[],
  op: number,
): Promise<Step> {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const privateText = () => {
    const text = `PRIVATE-${op}-${model.privateTexts.size}`;
    model.privateTexts.add(text);
    return text;
  };
  const live = () => [...model.notes.values()].filter((n) => !n.deleted);
  const roll = random();
  if (roll < 0.35) {
    const articleId = pick(articles);
    const now = model.claps.get(articleId) ?? 0;
    const next = random() < 0.1 ? Math.floor(random() * now) : Math.min(50, now + 1 + Math.floor(random() * 3));
    model.claps.set(articleId, next);
    await writeClaps(db, articleId, next);
    return 'claps';
  }
  if (roll < 0.55) {
    const kind = random();
    const visibility = kind < 0.5 ? 'shared' : kind < 0.75 ? 'private' : undefined;
    const text = visibility === 'private' ? privateText() : visibility === 'shared' ? sharedText(op, 'shared') : undefined;
    const annotation = makeAnnotation({
      creator: readerId,
      articleId: pick(articles),
      ...(text === undefined ? {} : { note: text }),
      ...(visibility ? { visibility } : {}),
    });
    model.notes.set(annotation.id, { annotation, deleted: false });
    await writeAnnotation(db, annotation);
    return 'create';
  }
  if (roll < 0.72) {
    if (live().length === 0) return 'none';
    const target = pick(live());
    const toggle = random() < 0.25;
    const wasPrivate = target.annotation['plaudit:visibility'] === 'private';
    const visibility = toggle ? (wasPrivate ? 'shared' : 'private') : target.annotation['plaudit:visibility'] ?? 'shared';
    const text = visibility === 'private' ? privateText() : sharedText(op, 'edited');
    target.annotation = {
      ...target.annotation,
      motivation: 'commenting',
      modified: tick(),
      body: { type: 'TextualBody', value: text, format: 'text/plain' },
      'plaudit:visibility': visibility,
    };
    await writeAnnotation(db, target.annotation);
    return 'edit';
  }
  if (roll < 0.84) {
    if (live().length === 0) return 'none';
    const target = pick(live());
    target.deleted = true;
    await deleteAnnotation(db, target.annotation.id);
    return 'delete';
  }
  return roll < 0.9 ? 'reload' : 'pause';
}

/** The annotations a server should hold in the end: the live ones that may leave the device. */
export const expectedOnServer = (model: ReaderModel): Annotation[] =>
  [...model.notes.values()].filter((n) => !n.deleted && isShareable(n.annotation)).map((n) => n.annotation);
