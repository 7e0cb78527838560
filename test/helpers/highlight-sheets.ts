/** How many of the document's adopted stylesheets hold Plaudit's ::highlight() rules. */
export const highlightSheetCount = (): number =>
  document.adoptedStyleSheets.filter((s) => [...s.cssRules].some((r) => r.cssText.includes('plaudit-highlight'))).length;
