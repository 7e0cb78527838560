/**
 * Checks recorded HTTP exchanges against the protocol's OpenAPI document
 * (`src/endpoint/openapi.json`): path, method, status, media type, body schema
 * and the response headers the document marks required. Plain ESM so Node
 * (the server's contract run) and the web-test-runner plugin load it unbuilt.
 *
 *   const validator = createValidator(spec);
 *   validator.validate({ method: 'GET', path: '/annotations/?page=0', status: 200, headers, body });
 *   // -> [] or ['GET /annotations/ 200: body/items/0 must have required property "target"', ...]
 *   validator.checkCoverage(); // -> ['PUT /articles/{articleId} 413', ...] never seen
 */
import Ajv2020 from 'ajv/dist/2020.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'];
const ROOT = 'https://plaudit.invalid/openapi';

/** RFC 3339 date-time, and the few formats the document uses; ajv-formats is not a dependency. */
const FORMATS = {
  'date-time': /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/,
};

/**
 * @param {any} spec the parsed OpenAPI 3.1 document
 * @returns {{ validate(exchange: Exchange): string[], checkCoverage(options?: { ignore?: (c: Combination) => boolean }): string[], seen(): string[] }}
 *
 * @typedef {{ method: string, path: string, status: number, headers: Record<string, string>, body: unknown }} Exchange
 * @typedef {{ path: string, method: string, status: string, operation: any }} Combination
 */
export function createValidator(spec) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, formats: FORMATS });
  ajv.addKeyword({ keyword: 'example' });
  ajv.addSchema({ $id: ROOT, $defs: rewriteRefs(spec.components?.schemas ?? {}) });
  const compiled = new Map();
  const schemaCheck = (schema) => {
    const key = JSON.stringify(schema);
    let check = compiled.get(key);
    if (!check) compiled.set(key, (check = ajv.compile(rewriteRefs(schema))));
    return check;
  };

  const deref = (node) => {
    let n = node;
    for (let guard = 0; n && typeof n.$ref === 'string' && guard < 10; guard++) {
      n = n.$ref.slice(2).split('/').reduce((o, part) => o?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
    }
    return n;
  };

  // Literal paths before templated ones, fewer parameters first, so `/articles` never reads as `/articles/{articleId}`.
  const templates = Object.keys(spec.paths)
    .map((template) => ({
      template,
      params: (template.match(/\{[^}]+\}/g) ?? []).length,
      regex: new RegExp(`^${template.split(/\{[^}]+\}/).map(escapeRegex).join('([^/]+)')}$`),
    }))
    .sort((a, b) => a.params - b.params);

  const documented = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      for (const status of Object.keys(operation.responses ?? {})) documented.push({ path, method, status, operation });
    }
  }
  // Compile every schema now, so a mistake in the document fails here, once, with its place.
  for (const { path, method, status, operation } of documented) {
    const response = deref(operation.responses[status]);
    const where = `${method.toUpperCase()} ${path} ${status}`;
    try {
      for (const ref of Object.values(response.headers ?? {})) if (deref(ref).schema) schemaCheck(deref(ref).schema);
      for (const media of Object.values(response.content ?? {})) if (media.schema) schemaCheck(media.schema);
    } catch (error) {
      throw new Error(`${where}: the document's schema does not compile: ${error.message}`);
    }
  }
  const seen = new Set();
  const keyOf = (path, method, status) => `${method.toUpperCase()} ${path} ${status}`;

  return {
    validate(exchange) {
      const problems = [];
      const method = exchange.method.toLowerCase();
      const pathname = exchange.path.split('?')[0];
      const match = templates.find((t) => t.regex.test(pathname));
      const where = `${exchange.method.toUpperCase()} ${exchange.path} ${exchange.status}`;
      if (!match) return [`${where}: no documented path matches ${pathname}`];
      const item = spec.paths[match.template];
      const operation = item[method];
      if (!operation) return [`${where}: ${method.toUpperCase()} is not documented for ${match.template}`];
      const responses = operation.responses ?? {};
      const statusKey = [String(exchange.status), `${String(exchange.status)[0]}XX`, 'default'].find((k) => k in responses);
      if (!statusKey) {
        return [`${where}: status ${exchange.status} is not documented for ${method.toUpperCase()} ${match.template} (documented: ${Object.keys(responses).join(', ')})`];
      }
      seen.add(keyOf(match.template, method, statusKey));
      const response = deref(responses[statusKey]);
      const label = `${method.toUpperCase()} ${match.template} ${statusKey}`;
      const headers = Object.fromEntries(Object.entries(exchange.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));

      for (const [name, ref] of Object.entries(response.headers ?? {})) {
        const header = deref(ref);
        const value = headers[name.toLowerCase()];
        if (value === undefined) {
          if (header.required) problems.push(`${label}: the required header ${name} is missing`);
          continue;
        }
        if (header.schema) {
          const check = schemaCheck(header.schema);
          if (!check(value)) problems.push(...describe(check.errors, `${label}: header ${name} (${JSON.stringify(value)})`));
        }
      }

      const content = response.content;
      const hasBody = exchange.body !== null && exchange.body !== undefined;
      const contentType = headers['content-type'];
      if (!content) {
        if (hasBody) problems.push(`${label}: a body is not documented, but one came`);
        return problems;
      }
      if (!contentType) {
        problems.push(`${label}: no Content-Type (documented: ${Object.keys(content).join(' or ')})`);
        return problems;
      }
      const mediaKey = Object.keys(content).find((documentedType) => mediaTypeMatches(documentedType, contentType));
      if (!mediaKey) {
        problems.push(`${label}: Content-Type ${contentType} is not documented (documented: ${Object.keys(content).join(' or ')})`);
        return problems;
      }
      if (!hasBody) {
        problems.push(`${label}: the body is missing or not JSON`);
        return problems;
      }
      const schema = content[mediaKey].schema;
      if (schema) {
        const check = schemaCheck(schema);
        if (!check(exchange.body)) problems.push(...describe(check.errors, `${label}: body`));
      }
      return problems;
    },

    checkCoverage({ ignore } = {}) {
      return documented
        .filter((c) => !seen.has(keyOf(c.path, c.method, c.status)) && !ignore?.(c))
        .map((c) => keyOf(c.path, c.method, c.status));
    },

    seen() {
      return [...seen].sort();
    },
  };
}

/** Component schema refs, rewritten to point into the one schema that holds them all. */
function rewriteRefs(schema) {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${ROOT}#/$defs/`));
}

function escapeRegex(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `documented` (a media type, maybe with parameters) against an actual
 * Content-Type: the same type/subtype, and every parameter the document names
 * present with the same value (others may be added).
 */
export function mediaTypeMatches(documented, actual) {
  const parse = (text) => {
    const [essence, ...rest] = text.split(';');
    const params = new Map();
    for (const p of rest) {
      const at = p.indexOf('=');
      if (at < 0) continue;
      params.set(p.slice(0, at).trim().toLowerCase(), p.slice(at + 1).trim().replace(/^"(.*)"$/, '$1'));
    }
    return { essence: essence.trim().toLowerCase(), params };
  };
  const want = parse(documented);
  const got = parse(actual);
  if (want.essence !== got.essence) return false;
  return [...want.params].every(([k, v]) => got.params.get(k) === v);
}

function describe(errors, prefix) {
  return (errors ?? []).map((e) => {
    const at = e.instancePath ? e.instancePath.slice(1) : '';
    const extra = e.keyword === 'additionalProperties' ? ` "${e.params.additionalProperty}"`
      : e.keyword === 'const' ? ` ${JSON.stringify(e.params.allowedValue)}`
      : e.keyword === 'enum' ? ` ${JSON.stringify(e.params.allowedValues)}`
      : '';
    return `${prefix}${at ? `/${at}` : ''} ${e.message}${extra}`;
  });
}
