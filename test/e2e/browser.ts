/**
 * The real browser of the end-to-end tests: Debian's chromium driven by playwright-core (never a
 * downloaded browser), launched with the flags that keep it offline and quiet, and a page opener that
 * collects console errors, page errors and dialogs (an XSS probe that fires shows up as a dialog).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Opens `path` under `base` in a new tab; errors (with the path) go to the returned list, dialogs to `dialogs`. */
export async function openPage(browser: Browser, base: string, path: string, dialogs: string[]): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${path}: console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(`${path}: ${d.message()}`);
    void d.dismiss();
  });
  const r = await page.goto(new URL(path, base).href);
  if (!r || r.status() !== 200) errors.push(`${path}: HTTP ${r?.status()}`);
  return { page, errors };
}
