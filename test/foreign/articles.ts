/**
 * Articles unlike the demo's, for trying Plaudit on pages it has never seen.
 * Each is the light DOM an author would wrap in `<plaudit-article>`.
 */

/** A documentation page: headings, code blocks, a table, a definition list, inline code and kbd. */
export const DOCS_ARTICLE = `<article class="docs">
  <h1 id="install">Installing <code>frobnicate</code></h1>
  <p>Run the installer from a terminal. Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to abort at any time.</p>
  <pre><code>$ npm install frobnicate
$ npx frobnicate --init   # writes frob.config.json
</code></pre>
  <h2 id="options">Options</h2>
  <table>
    <thead><tr><th>Flag</th><th>Default</th><th>Meaning</th></tr></thead>
    <tbody>
      <tr><td><code>--depth</code></td><td>3</td><td>How many levels the walker descends before giving up.</td></tr>
      <tr><td><code>--dry-run</code></td><td>off</td><td>Print what would change, change nothing.</td></tr>
    </tbody>
  </table>
  <dl>
    <dt>Walker</dt>
    <dd>The part that visits every file exactly once, in lexical order.</dd>
    <dt>Frob</dt>
    <dd>A single reversible rewrite of one file.</dd>
  </dl>
  <p>Configuration lives in <code>frob.config.json</code>; unknown keys are rejected with a clear message.</p>
  <p class="tip" style="user-select: none">Tip: this line cannot be selected.</p>
  <p>Rewrites are atomic, so an interrupted run leaves every file either old or new.</p>
</article>`;

/** A news page: figure with image and caption, footnotes, details, hidden bits, SVG, RTL, display: contents. */
export const NEWS_ARTICLE = `<article class="news">
  <header>
    <p class="kicker" aria-hidden="true">WORLD</p>
    <h1>River towns vote to share one ferry</h1>
    <p class="byline">By <a href="#author">Ana Ruiz</a> &middot; <time datetime="2024-05-02">2 May</time></p>
  </header>
  <figure>
    <img alt="The ferry at dawn" width="40" height="20" src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='40' height='20'/%3E">
    <figcaption>The old ferry leaves Kell at dawn.</figcaption>
  </figure>
  <p>Three river towns agreed on Tuesday to run a single ferry between them<sup id="r1"><a href="#fn1">1</a></sup>, ending a dispute that began decades ago.</p>
  <div style="display: contents"><p>The vote was close in Kell, where the harbour master warned of longer queues in summer.</p></div>
  <p>Residents of Dunmore <svg width="12" height="12" aria-hidden="true"><text x="0" y="10">icon label</text></svg>welcomed the plan, saying the crossing had become too expensive.</p>
  <p hidden>Editor's note: confirm the figures before publishing.</p>
  <details>
    <summary>How the vote worked</summary>
    <p>Each town council cast one vote, and a simple majority was enough.</p>
  </details>
  <blockquote><p>We should have done this years ago, said the mayor of Lorn.</p></blockquote>
  <p dir="rtl" lang="ar">قالت المجالس إن العبّارة الجديدة ستبدأ العمل في الربيع.</p>
  <p>The first shared crossing is planned for the spring, weather permitting.</p>
  <ol class="footnotes"><li id="fn1">Kell, Dunmore and Lorn. <a href="#r1">Back</a></li></ol>
</article>`;

/** Plain prose for the hostile-CSS page (the page's stylesheet is the unfamiliar part). */
export const ESSAY_ARTICLE = `<article class="essay">
  <h1>Notes from a quiet harbour</h1>
  <p>The boats come in at six, long before the town wakes, and leave again by noon.</p>
  <p class="aside" hidden>This aside is marked hidden, but the page's stylesheet shows it anyway.</p>
  <p>Nobody remembers who painted the lighthouse red, only that it has always been so.</p>
  <p>In winter the harbour freezes at its edges, and the gulls stand on the ice like small grey judges.</p>
  <p><mark>Marked text</mark> and <button type="button">a button in the article</button> sit in the last paragraph.</p>
</article>`;

/** A hostile page stylesheet: resets, odd root size, styled buttons and marks, [hidden] shown. */
export const HOSTILE_CSS = `
  html { font-size: 10px; }
  *, *::before, *::after { box-sizing: content-box; margin: 0; padding: 0; border: 0; font: inherit; }
  button { background: red; color: yellow; padding: 30px; font-size: 30px; }
  mark { background: none; color: inherit; }
  ::selection { background: black; color: white; }
  [hidden] { display: block; }
  p { line-height: 1; }
`;

/** By name, for the fresh-tab page. */
export const ARTICLES: Record<string, string> = { docs: DOCS_ARTICLE, news: NEWS_ARTICLE, essay: ESSAY_ARTICLE };
