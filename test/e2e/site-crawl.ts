/**
 * Every link of a built site, checked over HTTP: starting at the site's root, each page's href and src
 * values (read from the HTML as written, so a link the browser would build from the base is checked as
 * the browser would) are resolved against the page, every same-origin target fetched, and pages among
 * them crawled in turn. Returns the pages reached and the problems: a target that does not answer 200,
 * one outside `base` (a link that escapes the sub-path the site is hosted under), or a fragment
 * (`/metrics/mprt/#t-mnist-cnn`) that names no id of its page.
 */
export interface Crawl {
  readonly pages: Set<string>;
  readonly files: Set<string>;
  readonly problems: string[];
}

const ATTR = /\s(?:href|src)="([^"]*)"/g;

const decodeEntities = (s: string) => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');

/**
 * One request, tried again once when the connection drops (an idle keep-alive socket the server has
 * just closed reads as ECONNRESET); the body is always read, so the connection is free for the next.
 */
async function get(url: URL, method: 'GET' | 'HEAD' = 'GET'): Promise<{ status: number; text: string }> {
  for (let attempt = 0; ; attempt++) {
    try {
      const r = await fetch(url, { method });
      return { status: r.status, text: await r.text() };
    } catch (e) {
      if (attempt >= 1) throw e;
    }
  }
}

export async function crawlSite(root: string): Promise<Crawl> {
  const origin = new URL(root).origin;
  const base = new URL(root).pathname;
  const pages = new Set<string>();
  const files = new Set<string>();
  const problems: string[] = [];
  const queue = [base];
  const html = new Map<string, string>();
  const fragments = new Set<string>();
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (pages.has(path)) continue;
    pages.add(path);
    const r = await get(new URL(path, origin));
    if (r.status !== 200) {
      problems.push(`${path}: HTTP ${r.status}`);
      continue;
    }
    const text = r.text;
    html.set(path, text);
    for (const [, raw] of text.matchAll(ATTR)) {
      const value = decodeEntities(raw);
      if (value.startsWith('data:') || value.startsWith('#') || value === '') continue;
      const u = new URL(value, new URL(path, origin));
      if (u.origin !== origin) continue;
      if (u.hash.length > 1) fragments.add(`${u.pathname}${u.hash}`);
      if (!u.pathname.startsWith(base)) problems.push(`${path}: link outside ${base}: ${value}`);
      else if (u.pathname.endsWith('/')) queue.push(u.pathname);
      else files.add(u.pathname);
    }
  }
  for (const f of files) {
    const r = await get(new URL(f, origin), 'HEAD');
    if (r.status !== 200) problems.push(`${f}: HTTP ${r.status}`);
  }
  for (const f of fragments) {
    const [path, id] = [f.slice(0, f.indexOf('#')), decodeURIComponent(f.slice(f.indexOf('#') + 1))];
    const page = html.get(path);
    if (page !== undefined && !page.includes(`id="${id}"`)) problems.push(`${f}: no element with id ${id}`);
  }
  return { pages, files, problems };
}
