import type { Method, RouteHandler, RouteSpec } from './responses.js';

/** A compiled route table: finds the handler of a method and a path under the base. */
export interface Router {
  /** The handler and its decoded `:params`; `methods` when only the method is wrong (a 405); null when no path matches. */
  match(method: string, path: string): { handler: RouteHandler; params: Record<string, string> } | { methods: Method[] } | null;
}

/** `:name` stands for one path segment; everything else is literal. */
export function createRouter(routes: readonly RouteSpec[]): Router {
  const compiled = routes.map(([method, pattern, handler]) => {
    const names: string[] = [];
    const source = pattern
      .split('/')
      .map((part) => {
        if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(part.slice(1));
        return '([^/]+)';
      })
      .join('/');
    return { method, handler, names, regex: new RegExp(`^${source}$`) };
  });
  return {
    match(method, path) {
      const methods: Method[] = [];
      for (const route of compiled) {
        const found = route.regex.exec(path);
        if (!found) continue;
        if (route.method !== method) {
          methods.push(route.method);
          continue;
        }
        const params: Record<string, string> = {};
        route.names.forEach((name, i) => (params[name] = decode(found[i + 1]!)));
        return { handler: route.handler, params };
      }
      return methods.length > 0 ? { methods } : null;
    },
  };
}

/** A percent-decoded segment; a malformed escape stays as sent (and then fails the id check). */
function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
