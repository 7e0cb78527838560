// A static check that Plaudit's sources stay usable under a strict Content
// Security Policy (no 'unsafe-eval', no 'unsafe-inline' for scripts or styles)
// and never parse markup from strings. It reads `src/**/*.ts` (or the files and
// folders given as arguments), strips comments, and matches each rule below as
// a regular expression. Rules about markup look only at the text of template
// literals (lit templates and plain ones), so `const style = ...` in code is
// not a style attribute. Exits 1 with one `file:line: rule: message` per hit.
//
// It is a tripwire, not a proof: a string built elsewhere and passed to
// `setTimeout`, or an attribute name held in a variable, passes unseen.
//
// Run: node scripts/check-src.mjs [paths...]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The rules. `view` is what a rule is matched against: `code` is the source
 * with comments and regular expression literals blanked (strings and templates
 * kept); `markup` is only the text of template literals (everything else
 * blanked; `${` markers kept). Each `message` says what the rule catches and
 * what to write instead.
 */
export const RULES = [
  // script-src without 'unsafe-eval' refuses these; and code from strings is never needed.
  { id: 'eval', view: 'code', pattern: /(?<![\w$])eval\s*\(/g, message: 'eval() compiles a string (needs unsafe-eval)' },
  { id: 'function-constructor', view: 'code', pattern: /(?<![\w$.])(?:new\s+)?Function\s*\(/g, message: 'new Function() compiles a string (needs unsafe-eval)' },
  { id: 'string-timer', view: 'code', pattern: /(?<![\w$])set(?:Timeout|Interval)\s*\(\s*['"`]/g, message: 'setTimeout/setInterval with a string compiles it (needs unsafe-eval); pass a function' },
  // Markup parsed from strings: an XSS path for user text, and how inline handlers and styles sneak in.
  { id: 'html-assignment', view: 'code', pattern: /(?:\.|\[\s*['"`])(?:inner|outer)HTML(?:['"`]\s*\])?\s*\+?=(?!=)/g, message: 'innerHTML/outerHTML assignment parses markup; build nodes or use a lit template' },
  { id: 'html-insertion', view: 'code', pattern: /\.(?:insertAdjacentHTML|setHTMLUnsafe|createContextualFragment)\s*\(/g, message: 'parses markup from a string; build nodes or use a lit template' },
  { id: 'unsafe-directive', view: 'code', pattern: /(?<![\w$])unsafe(?:HTML|SVG|MathML)(?![\w$])/g, message: 'lit unsafeHTML/unsafeSVG renders a string as markup' },
  { id: 'document-write', view: 'code', pattern: /(?<![\w$])document\s*\.\s*write(?:ln)?\s*\(/g, message: 'document.write parses markup (and blocks the parser)' },
  // style-src without 'unsafe-inline' refuses style attributes and <style> elements; CSSOM
  // property sets (`el.style.left = ...`, `setProperty`, our styleProps directive) and
  // adopted constructed stylesheets are allowed.
  { id: 'style-attribute', view: 'markup', pattern: /(?<![\w$.@?[:-])style\s*=\s*(?:["'`]|\$\{|[^\s>])/g, message: 'style attribute in a template; bind ${styleProps({...})} (components/shared/style-props.ts) instead' },
  // lit's styleMap sets properties on updates but writes the style attribute on its first render.
  { id: 'style-map', view: 'code', pattern: /(?<![\w$])styleMap(?![\w$])/g, message: "lit's styleMap writes the style attribute on its first render; use styleProps" },
  { id: 'css-text', view: 'code', pattern: /\.(?:cssText|style)\s*\+?=(?!=)/g, message: '.cssText = / .style = (or lit .style=${...}) writes the style attribute; set properties (el.style.left = ...)' },
  { id: 'set-style-attribute', view: 'code', pattern: /\bsetAttribute(?:NS\s*\([^,)]*,|\s*\()\s*['"`]style['"`]/g, message: "setAttribute('style', ...) writes the style attribute; set properties instead" },
  { id: 'style-element', view: 'code', pattern: /\bcreateElement(?:NS\s*\([^,)]*,|\s*\()\s*['"`]style['"`]|<style[\s>]/gi, message: 'a <style> element is inline style; adopt a constructed CSSStyleSheet' },
  // script-src without 'unsafe-inline' refuses inline handlers; lit's @click=${fn} is a listener.
  { id: 'inline-handler', view: 'markup', pattern: /(?<![\w$.@?:-])on[a-z]+\s*=/g, message: 'inline event handler attribute; use @event=${fn}' },
  { id: 'set-handler-attribute', view: 'code', pattern: /\bsetAttribute(?:NS\s*\([^,)]*,|\s*\()\s*['"`]on[a-z]+['"`]/g, message: 'setAttribute of an on* handler is an inline handler; use addEventListener' },
  // The build cuts idb's cursor support out (scripts/build.mjs, IDB_UNUSED): a cursor would break only in dist.
  { id: 'idb-cursor', view: 'code', pattern: /\.(?:openCursor|openKeyCursor|iterate)\s*\(|\bfor\s+await\b/g, message: "idb's cursors and async iterators are cut from the build; use getAll / getAllFromIndex (or drop that cut in scripts/build.mjs)" },
];

/**
 * Narrow exceptions, each with its reason: `{ file, rule, text }` skips a hit of
 * `rule` in `file` whose line contains `text`. Empty: nothing in src/ needs one.
 */
export const ALLOW = [];

const KEYWORDS_BEFORE_REGEX = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await',
]);

/** The `code` and `markup` views of a source (see RULES), the same length, newlines kept. */
export function views(source) {
  const code = [...source];
  const markup = source.replace(/[^\n]/g, ' ').split('');
  const blank = (from, to) => {
    for (let j = from; j < to; j++) if (code[j] !== '\n') code[j] = ' ';
  };
  // Each entry: 'template', or a brace depth counter for a `${...}` expression (or the top level).
  const stack = [{ braces: 0 }];
  let last = ''; // the last significant code token: a punctuator or a word
  let i = 0;
  while (i < source.length) {
    const top = stack[stack.length - 1];
    const c = source[i];
    const next = source[i + 1];
    if (top === 'template') {
      if (c === '\\') {
        markup[i] = c;
        if (next !== undefined && next !== '\n') markup[i + 1] = next;
        i += 2;
      } else if (c === '`') {
        stack.pop();
        last = '`';
        i++;
      } else if (c === '$' && next === '{') {
        markup[i] = '$';
        markup[i + 1] = '{';
        stack.push({ braces: 0 });
        last = '{';
        i += 2;
      } else {
        if (c !== '\n') markup[i] = c;
        i++;
      }
      continue;
    }
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== c && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      i = j + 1;
      last = 'string';
    } else if (c === '`') {
      stack.push('template');
      i++;
    } else if (c === '/' && (last === '' || /^[(,=:[!&|?{};+\-*%<>~^]$/.test(last) || KEYWORDS_BEFORE_REGEX.has(last))) {
      // A regular expression literal: blanked, so a `/*` or `//` inside is not a comment
      // and a sanitizer's pattern (/on\w+=/) is not a hit.
      let j = i + 1;
      let inClass = false;
      while (j < source.length && source[j] !== '\n' && (inClass || source[j] !== '/')) {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        j++;
      }
      blank(i + 1, j);
      i = j + 1;
      last = 'regex';
    } else if (/[\w$]/.test(c)) {
      let j = i;
      while (j < source.length && /[\w$]/.test(source[j])) j++;
      last = source.slice(i, j);
      i = j;
    } else {
      if (c === '{') top.braces++;
      else if (c === '}') {
        if (top.braces === 0 && stack.length > 1) {
          stack.pop(); // back into the template
          markup[i] = '}';
          i++;
          continue;
        }
        top.braces--;
      }
      if (!/\s/.test(c)) last = c;
      i++;
    }
  }
  return { code: code.join(''), markup: markup.join('') };
}

/** The hits of every rule in one source text: `{ line, rule, message }`. */
export function checkSource(source) {
  const text = views(source);
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (index) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const hits = [];
  for (const rule of RULES) {
    for (const match of text[rule.view].matchAll(rule.pattern)) {
      hits.push({ line: lineOf(match.index), rule: rule.id, message: rule.message });
    }
  }
  return hits.sort((a, b) => a.line - b.line);
}

function tsFiles(path) {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => {
    const full = join(path, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function main(args) {
  const files = (args.length ? args : ['src']).flatMap(tsFiles).sort();
  let problems = 0;
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const lines = source.split('\n');
    const name = relative(process.cwd(), file) || file;
    for (const hit of checkSource(source)) {
      const allowed = ALLOW.some((a) => a.file === name && a.rule === hit.rule && lines[hit.line - 1].includes(a.text));
      if (allowed) continue;
      problems++;
      console.error(`${name}:${hit.line}: ${hit.rule}: ${hit.message}`);
    }
  }
  if (problems > 0) {
    console.error(`check-src: ${problems} problem(s) in ${files.length} files`);
    process.exit(1);
  }
  console.log(`check-src: ${files.length} files, no problems`);
}

if (import.meta.url === new URL(process.argv[1], 'file:').href) main(process.argv.slice(2));
