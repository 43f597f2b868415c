// Screenshots of a built site's pages with Debian's chromium (for looking at them, not a test), at a
// desktop (1280 px) and a phone (390 px) width, each path in English and Korean:
//   node site/screenshots.mjs SITE_DIR OUT_DIR [path ...]      (FULL=1 for whole pages, WIDTHS=1280,390)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../dist/site/builder/serve.js';

const [root, outDir, ...rest] = process.argv.slice(2);
const kinds = rest.length
  ? rest
  : ['/', '/explorer/?preset=auditor', '/map/', '/methods/', '/methods/lime/', '/metrics/', '/metrics/mprt/', '/tasks/mnist-cnn/',
      '/gallery/', '/gallery/mnist-cnn/', '/human/', '/metric-quality/', '/provenance/', '/differences/', '/score/', '/versions/'];
const paths = kinds.flatMap((p) => [p, `/ko${p}`]);
const widths = (process.env.WIDTHS ?? '1280,390').split(',').map(Number);
mkdirSync(outDir, { recursive: true });
const { server, url } = await serveStatic(root, 0);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run'],
});
for (const width of widths) {
  const page = await browser.newPage({ viewport: { width, height: width < 600 ? 844 : 900 } });
  for (const p of paths) {
    await page.goto(new URL(p.replace(/^\//, ''), url).href);
    const name = p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'index';
    const file = join(outDir, `${width < 600 ? 'phone' : 'desktop'}-${name}.png`);
    await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
    console.log(file);
  }
  await page.close();
}
await browser.close();
server.close();
