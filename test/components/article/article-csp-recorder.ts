/**
 * Loaded by the strict-CSP frame of `article-csp.test.ts` as its first module
 * script, so it runs before Plaudit's: records every Content Security Policy
 * violation of the frame's document, for the test to read.
 */
export interface RecordedViolation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  line: number;
  /** The element the violation was fired at, if any (the canary, or an element Plaudit made). */
  target: string;
}

const violations: RecordedViolation[] = [];

document.addEventListener('securitypolicyviolation', (e) => {
  const target = e.target instanceof Element
    ? `<${e.target.localName}${e.target.id ? `#${e.target.id}` : ''}${e.target.className ? `.${String(e.target.className).replace(/\s+/g, '.')}` : ''}>`
    : String(e.target);
  violations.push({
    directive: e.effectiveDirective || e.violatedDirective,
    blockedURI: e.blockedURI,
    sourceFile: e.sourceFile,
    line: e.lineNumber,
    target,
  });
});

Object.assign(window, { plauditCspViolations: violations });
