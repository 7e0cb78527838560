// Shrinks lit's css`` and html`` template literals in our sources: comments and
// indentation are dead weight in a bundle that must stay small.

const TEMPLATE = /\b(css|html|svg)`((?:\\.|\$\{(?:[^{}]|\{[^{}]*\})*\}|[^`\\$]|\$(?!\{))*)`/g;

function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

/** Whitespace runs with a line break become one space: rendering is unchanged. */
function minifyMarkup(text) {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** Minifies only the literal parts, never the `${...}` expressions. */
function minifyParts(body, minify) {
  return body
    .split(/(\$\{(?:[^{}]|\{[^{}]*\})*\})/)
    .map((part, i) => (i % 2 ? part : minify(part)))
    .join('');
}

/** The source with every css``, html`` and svg`` literal minified. */
export function minifyTemplates(source) {
  return source.replace(TEMPLATE, (_, tag, body) => {
    if (tag === 'css') return `css\`${minifyParts(body, (p) => minifyCss(p).replace(/:\s*(?=\S)/g, ':'))}\``;
    return `${tag}\`${minifyParts(body, minifyMarkup)}\``;
  });
}
