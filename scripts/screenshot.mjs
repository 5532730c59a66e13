// Takes a headless-Chromium screenshot of a page: node scripts/screenshot.mjs URL out.png [width] [height]
// CLICK=<selector> presses something first; FORCED_COLORS=1 renders in forced colours (high contrast).
import puppeteer from 'puppeteer-core';
import { browserPath, CHROMIUM_ARGS } from './browsers.mjs';

const [url, out = 'screenshot.png', width = '1280', height = '900'] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: browserPath('chromium'),
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage();
  page.on('console', (message) => console.log(`[page] ${message.type()}: ${message.text()}`));
  page.on('requestfailed', (request) => console.log(`[request failed] ${request.url()}`));
  page.on(
    'response',
    (response) => response.status() >= 400 && console.log(`[${response.status()}] ${response.url()}`),
  );
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
  await page.setViewport({ width: Number(width), height: Number(height) });
  if (process.env.FORCED_COLORS) {
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
  }
  await page.goto(url, { waitUntil: 'networkidle0' });
  if (process.env.CLICK) {
    await page.evaluate((selector) => {
      // Reach through shadow roots: "theme-page >>> fragment-player >>> button".
      let node = document;
      for (const part of selector.split('>>>')) node = (node.shadowRoot ?? node).querySelector(part.trim());
      node.scrollIntoView({ block: 'center' });
      node.click();
    }, process.env.CLICK);
    await new Promise((resolve) => setTimeout(resolve, Number(process.env.WAIT ?? 3000)));
  }
  await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
} finally {
  await browser.close();
}
