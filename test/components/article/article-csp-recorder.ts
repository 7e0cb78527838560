/**
 * Loaded by the strict-CSP frame of `article-csp.test.ts` as its first module
 * script, so it runs before Plaudit's: the demo's strict page's recorder, which
 * lists every Content Security Policy violation of the frame's document in
 * `window.plauditCspViolations`, for the test to read.
 */
import '../../../demo/csp-violations.js';

export type { CspViolation as RecordedViolation } from '../../../demo/csp-violations.js';
