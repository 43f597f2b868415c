// Screenshots of a built site's main pages with Debian's chromium (for looking at them, not a test):
//   node site/screenshots.mjs SITE_DIR OUT_DIR [path ...]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../dist/site/builder/serve.js';

const [root, outDir, ...rest] = process.argv.slice(2);
const paths = rest.length
  ? rest
  : [
      '/',
      '/explorer/?preset=auditor',
      '/map/',
      '/methods/lime/',
      '/metrics/mprt/',
      '/gallery/',
      '/ko/',
      '/ko/explorer/',
      '/provenance/',
      '/human/',
    ];
mkdirSync(outDir, { recursive: true });
const { server, url } = await serveStatic(root, 0);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
for (const p of paths) {
  await page.goto(new URL(p.replace(/^\//, ''), url).href);
  const file = join(outDir, `${p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'index'}.png`);
  await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
  console.log(file);
}
await browser.close();
server.close();
