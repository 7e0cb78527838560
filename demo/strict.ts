// The strict page's one script (demo/strict.html). It first starts listing
// Content Security Policy violations on the page (a test reads
// `window.plauditCspViolations`), then loads the reader and the review element
// from this origin; with no endpoint, both use this browser's storage only.
import './csp-violations.js';
import '../src/plaudit.js';
import '../src/plaudit-review.js';
