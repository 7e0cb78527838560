// Lists every Content Security Policy violation of the page it runs in, in
// `#csp-violations` and `#csp-status` (as text: a violation's details are never
// markup) and in `window.plauditCspViolations`, which the strict-page test
// reads. Load it before anything else, so it hears everything after it.

/** One violation, as the page lists it. */
export interface CspViolation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  line: number;
  /** The element it was fired at (`<div#csp-canary>`), or the document. */
  target: string;
}

const violations: CspViolation[] = [];

document.addEventListener('securitypolicyviolation', (e) => {
  const el = e.target instanceof Element ? e.target : null;
  const target = el ? `<${el.localName}${el.id ? `#${el.id}` : ''}>` : String(e.target);
  const v = { directive: e.effectiveDirective || e.violatedDirective, blockedURI: e.blockedURI, sourceFile: e.sourceFile, line: e.lineNumber, target };
  violations.push(v);
  const item = document.createElement('li');
  item.textContent = `${v.directive} refused ${v.blockedURI || 'inline'} at ${v.sourceFile}:${v.line} (${v.target})`;
  document.getElementById('csp-violations')?.append(item);
  const status = document.getElementById('csp-status');
  if (status) status.textContent = `Policy violations: ${violations.length}.`;
});

Object.assign(window, { plauditCspViolations: violations });
