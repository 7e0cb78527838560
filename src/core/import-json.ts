import { FORBIDDEN_KEYS, IMPORT_LIMITS } from './import-limits.js';

/** A plain object from `JSON.parse` (not an array, not null). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An own property, or undefined. Reading `obj[key]` could reach the prototype
 * (`obj.constructor` is always there); `JSON.parse` makes `__proto__` an own key.
 */
export function own(value: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(value, key) ? value[key] : undefined;
}

/**
 * The first thing in a parsed record that makes it unsafe or oversized: a
 * forbidden key at any depth, nesting beyond `maxDepth`, or a string or key
 * longer than `maxStringLength` (the note has its own limit and message).
 * Answers a reason, or null. Walks own keys only.
 */
export function inspectJson(value: unknown): string | null {
  const path: string[] = [];
  const where = () => path.join('.') || '(top level)';
  const walk = (node: unknown, depth: number): string | null => {
    if (typeof node === 'string') {
      if (isNote(path)) {
        if (node.length > IMPORT_LIMITS.maxNoteLength) return `the note is longer than ${count(IMPORT_LIMITS.maxNoteLength)} characters`;
      } else if (node.length > IMPORT_LIMITS.maxStringLength) {
        return `the text at ${where()} is longer than ${count(IMPORT_LIMITS.maxStringLength)} characters`;
      }
      return null;
    }
    if (typeof node !== 'object' || node === null) return null;
    if (depth > IMPORT_LIMITS.maxDepth) return `nested more than ${IMPORT_LIMITS.maxDepth} levels deep at ${where()}`;
    const keys = Array.isArray(node) ? node.keys() : Object.keys(node);
    for (const key of keys) {
      const name = String(key);
      if (FORBIDDEN_KEYS.has(name)) return `forbidden key "${name}" at ${where()}`;
      if (name.length > IMPORT_LIMITS.maxStringLength) return `a key at ${where()} is longer than ${count(IMPORT_LIMITS.maxStringLength)} characters`;
      path.push(name);
      const problem = walk((node as Record<string, unknown>)[name], depth + 1);
      path.pop();
      if (problem) return problem;
    }
    return null;
  };
  return walk(value, 0);
}

/** `body.value`, `body.N.value` or `bodyValue`: where a note's text may be. */
function isNote(path: readonly string[]): boolean {
  if (path.length === 1) return path[0] === 'bodyValue';
  if (path[0] !== 'body' || path[path.length - 1] !== 'value') return false;
  return path.length === 2 || (path.length === 3 && /^\d+$/.test(path[1]!));
}

/** `10000` -> `10,000`, the same in every locale. */
export const count = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Whether two JSON values are the same, whatever the order of their keys. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => jsonEqual(item, other[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((k) => x[k] !== undefined);
  const otherKeys = Object.keys(y).filter((k) => y[k] !== undefined);
  return keys.length === otherKeys.length && keys.every((k) => Object.hasOwn(y, k) && jsonEqual(x[k], y[k]));
}

/** JSON with keys sorted at every level: the same text for the same content. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
