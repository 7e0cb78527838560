import { readFileSync } from 'node:fs';
import { createValidator } from './openapi-validator.mjs';

const SPEC = new URL('../../src/endpoint/openapi.json', import.meta.url);

/**
 * A web-test-runner plugin that validates recorded exchanges against the
 * protocol's OpenAPI document, in Node, for browser tests:
 *
 *   executeServerCommand('plaudit-openapi-validate', { exchanges }) -> string[][] (problems per exchange)
 *   executeServerCommand('plaudit-openapi-coverage')                 -> string[]   (documented, never seen)
 *   executeServerCommand('plaudit-openapi-reset')                    -> true       (reads the document again, forgets coverage)
 */
export function openapiPlugin() {
  let validator = null;
  const current = () => (validator ??= createValidator(JSON.parse(readFileSync(SPEC, 'utf8'))));
  return {
    name: 'plaudit-openapi',
    executeCommand({ command, payload }) {
      // Problems go back as answers: a thrown error would make the runner print the whole payload.
      if (command === 'plaudit-openapi-validate') {
        try {
          return (payload?.exchanges ?? []).map((exchange) => current().validate(exchange));
        } catch (error) {
          return [[`the validator failed: ${error instanceof Error ? error.message : error}`]];
        }
      }
      if (command === 'plaudit-openapi-coverage') return current().checkCoverage();
      if (command === 'plaudit-openapi-reset') {
        validator = null;
        current();
        return true;
      }
      return undefined;
    },
  };
}
