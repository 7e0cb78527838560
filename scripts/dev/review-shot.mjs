// Screenshots the demo's review page as an editor sees it.
// node scripts/dev/review-shot.mjs http://localhost:8000/demo/review.html out.png [stories|story|notes]
import puppeteer from 'puppeteer-core';
const [url, out, view = 'stories'] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
const page = await browser.newPage();
page.on('pageerror', (e) => console.log('pageerror:', e.message));
page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
await page.setViewport({ width: Number(process.env.WIDTH ?? 1280), height: 1000 });
if (process.env.DARK) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
await page.goto(url, { waitUntil: 'networkidle0' });
const inReview = (fn, arg) => page.waitForFunction(fn, { timeout: 20000 }, arg);
await inReview(() => document.querySelector('plaudit-review')?.shadowRoot?.querySelector('table.stories, form.sign-in, [role=alert]'));
if (view !== 'stories') {
  await page.evaluate((view) => {
    const review = document.querySelector('plaudit-review');
    if (view === 'notes') review.showView('notes');
    else review.shadowRoot.querySelector('table.stories tbody th button').click();
  }, view);
}
await new Promise((r) => setTimeout(r, 1500));
const clipY = Number(process.env.CLIP_Y ?? -1);
await page.screenshot(clipY >= 0 ? { path: out, clip: { x: 0, y: clipY, width: Number(process.env.WIDTH ?? 1280), height: 1000 }, captureBeyondViewport: true } : { path: out, fullPage: true });
await browser.close();
