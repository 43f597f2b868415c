/**
 * A small static file server for a built site, on 127.0.0.1 only: GET and HEAD, paths resolved inside
 * the root (no traversal, no symlinks out), directory paths served from their index.html, bounded
 * request paths, files streamed.
 */
import { createReadStream, existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
};

const MAX_PATH = 2048;

/** The file a URL path names inside `root`, or null (outside the root, missing, not a file). */
export function resolveStatic(root: string, urlPath: string): string | null {
  if (urlPath.length > MAX_PATH) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = realpathSync(root);
  let p = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (p !== base && !p.startsWith(base + sep)) return null;
  if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
  if (!existsSync(p) || !lstatSync(p).isFile()) return null;
  const real = realpathSync(p);
  return real.startsWith(base + sep) ? real : null;
}

/**
 * Serves `root` on 127.0.0.1:`port` (0 = any free port) under the URL path `base` (a site built with
 * `--base /x/` is served at /x/, as its host would; anything outside it answers 404); resolves with the
 * server and the site's URL.
 */
export function serveStatic(root: string, port = 4321, base = '/'): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = req.url ?? '/';
    const inside = url.startsWith(base) || `${url}/` === base;
    const file = inside ? resolveStatic(root, `/${url.slice(base.length)}`) : null;
    if (!file) {
      const notFound = inside ? resolveStatic(root, '/404.html') : null;
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      if (notFound && req.method === 'GET') createReadStream(notFound).pipe(res);
      else res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      const actual = typeof addr === 'object' && addr ? addr.port : port;
      ok({ server, url: `http://127.0.0.1:${actual}${base}` });
    });
  });
}
