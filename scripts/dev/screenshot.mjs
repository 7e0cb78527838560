// Screenshots a page in headless Chromium: node scripts/dev/screenshot.mjs URL OUT.png [width] [height] [fullPage]
import puppeteer from 'puppeteer-core';
const [url, out, width = '1280', height = '900', full = 'false'] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
const page = await browser.newPage();
page.on('pageerror', (e) => console.log('pageerror:', e.message));
page.on('console', (m) => m.type() === 'error' || m.type() === 'warn' ? console.log(m.type(), m.text()) : undefined);
await page.setViewport({ width: Number(width), height: Number(height) });
await page.goto(url, { waitUntil: 'networkidle0' });
await new Promise((r) => setTimeout(r, 1500));
await page.screenshot({ path: out, fullPage: full === 'true' });
await browser.close();
