// Makes the README screenshot: a reader highlights a passage, writes a note, claps,
// then the page is captured. node scripts/dev/demo-shot.mjs http://localhost:8000/demo/ out.png
import puppeteer from 'puppeteer-core';
const [url, out] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
const page = await browser.newPage();
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.setViewport({ width: 1280, height: 1100 });
await page.goto(url, { waitUntil: 'networkidle0' });
await page.evaluate(() => customElements.whenDefined('plaudit-article'));
await page.evaluate(() => document.querySelector('plaudit-article').loaded);

/** Selects the first occurrence of `text` inside the article and returns the selection's box. */
const select = (text) =>
  page.evaluate((text) => {
    const article = document.querySelector('plaudit-article article');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode()); ) {
      const i = node.data.indexOf(text);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + text.length);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      node.parentElement.scrollIntoView({ block: 'center' });
      document.dispatchEvent(new Event('selectionchange'));
      return true;
    }
    return false;
  }, text);

const clickToolbar = async (name) => {
  await page.waitForFunction(
    (name) => document.querySelector('plaudit-article').shadowRoot.querySelector('plaudit-selection-toolbar')?.shadowRoot?.querySelector(`[aria-label="${name}"], button[name="${name}"]`) ||
      [...document.querySelector('plaudit-article').shadowRoot.querySelector('plaudit-selection-toolbar')?.shadowRoot?.querySelectorAll('button') ?? []].find((b) => b.textContent.trim() === name),
    { timeout: 5000 },
    name,
  );
  await page.evaluate((name) => {
    const bar = document.querySelector('plaudit-article').shadowRoot.querySelector('plaudit-selection-toolbar').shadowRoot;
    const button = [...bar.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === name || b.textContent.trim() === name);
    button.click();
  }, name);
};

const passages = process.env.PASSAGES?.split('|') ?? [];
for (const p of passages) {
  if (await select(p)) {
    await new Promise((r) => setTimeout(r, 400));
    await clickToolbar('Highlight');
    await new Promise((r) => setTimeout(r, 300));
  }
}
await page.evaluate(() => getSelection().removeAllRanges());
// A few claps, so the button shows the reader's count and the total.
for (let i = 0; i < Number(process.env.CLAPS ?? 0); i++) {
  await page.evaluate(() => document.querySelector('plaudit-article').shadowRoot.querySelector('plaudit-claps').shadowRoot.querySelector('.clap').click());
  await new Promise((r) => setTimeout(r, 120));
}
const scrollTo = process.env.SCROLL_TO;
if (scrollTo) await select(scrollTo);
await page.evaluate(() => getSelection().removeAllRanges());
if (process.env.SCROLL_BY) await page.evaluate((y) => scrollBy({ top: y, behavior: 'instant' }), Number(process.env.SCROLL_BY));
// Leaves one passage selected, so the toolbar shows.
if (process.env.SELECT) await select(process.env.SELECT);
await new Promise((r) => setTimeout(r, 800));
await page.screenshot({ path: out });
await browser.close();
