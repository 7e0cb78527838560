import type { DBSchema } from 'idb';
import type { Annotation } from '../core/annotation.js';

/** The name of Plaudit's one database on the reader's device. */
export const DB_NAME = 'plaudit';

/**
 * The schema version. Raise it by one with each change and add the step to
 * `migrations.ts`; an open tab holding an older version is asked to close it.
 */
export const DB_VERSION = 2;

/** The reader's claps for one article: the absolute count, never a delta. */
export interface ClapRecord {
  articleId: string;
  readerId: string;
  count: number;
  /** Raised by one with every write; the server keeps the highest. */
  rev: number;
  /** ISO time of the last change. */
  updated: string;
}

/** An annotation as kept on the device, with what sync needs to know about it. */
export interface AnnotationRecord {
  id: string;
  articleId: string;
  /** ISO time, copied from the annotation for the index. */
  modified: string;
  annotation: Annotation;
  /** A deletion waiting for the server; hidden from the reader. */
  deleted?: boolean;
  /** The server's ETag for the last version it acknowledged. */
  etag?: string;
}

/** What kinds of change the outbox carries to the server. */
export const OutboxKind = {
  Claps: 'claps',
  Article: 'article',
  AnnotationPut: 'annotation-put',
  AnnotationDelete: 'annotation-delete',
} as const;
export type OutboxKind = (typeof OutboxKind)[keyof typeof OutboxKind];

/** One change waiting to be sent. Changes with the same `key` coalesce into the latest. */
export interface OutboxEntry {
  seq?: number;
  key: string;
  kind: OutboxKind;
  articleId: string;
  /** The annotation id for annotation changes. */
  targetId?: string;
  /** Data that has no record of its own elsewhere (the article registration). */
  payload?: unknown;
  queuedAt: string;
  attempts: number;
  /** 'failed' after a validation error the reader must retry or discard. */
  state: 'pending' | 'failed';
  error?: string;
}

/** The last totals the server reported for an article, so the widget shows them offline. */
export interface TotalsRecord {
  articleId: string;
  total: number;
  clappers: number;
  /** The reader's own count as the server stored it, so a display can add unsent claps. */
  mine?: number;
  fetched: string;
}

export interface PlauditSchema extends DBSchema {
  meta: { key: string; value: string };
  claps: { key: string; value: ClapRecord };
  annotations: {
    key: string;
    value: AnnotationRecord;
    indexes: { 'by-article': string; 'by-modified': string };
  };
  outbox: {
    key: number;
    value: OutboxEntry;
    indexes: { 'by-key': string; 'by-article': string };
  };
  totals: { key: string; value: TotalsRecord };
}

export type StoreName = 'meta' | 'claps' | 'annotations' | 'outbox' | 'totals';
