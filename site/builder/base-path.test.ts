/** --base: normalised to /x/ or refused with one line; the server answers only under it. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.js';
import { normaliseBase } from './build-site.js';
import { serveStatic } from './serve.js';

describe('normaliseBase', () => {
  it('adds the slashes Astro wants', () => {
    expect(normaliseBase(undefined)).toBe('/');
    expect(normaliseBase('/')).toBe('/');
    expect(normaliseBase('xai-bench')).toBe('/xai-bench/');
    expect(normaliseBase('/a/b/')).toBe('/a/b/');
  });

  it('refuses what is not a URL path', () => {
    for (const bad of ['/a b/', '/../x/', 'a//b', '/x?y/', '/"><script>/', 'https://host/x/']) {
      expect(() => normaliseBase(bad), bad).toThrow(UserError);
    }
  });
});

describe('serveStatic under a base', () => {
  it('serves the site under the base only', async () => {
    const root = mkdtempSync(join(tmpdir(), 'xai-bench-base-'));
    mkdirSync(join(root, 'a'));
    writeFileSync(join(root, 'index.html'), 'home');
    writeFileSync(join(root, 'a', 'index.html'), 'page a');
    const { server, url } = await serveStatic(root, 0, '/x/');
    try {
      expect(url).toMatch(/\/x\/$/);
      expect(await (await fetch(url)).text()).toBe('home');
      expect(await (await fetch(new URL('a/', url))).text()).toBe('page a');
      expect((await fetch(new URL('/a/', url))).status).toBe(404);
      expect((await fetch(new URL('/index.html', url))).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
