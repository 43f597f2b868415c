import { mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findPackageRoot, packageRoot } from './package-root.js';

describe('packageRoot', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'xb-root-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('is the xai-bench folder when run from source', () => {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { name: string };
    expect(pkg.name).toBe('xai-bench');
  });

  it('finds the nearest package.json from a nested built file', () => {
    mkdirSync(join(tmp, 'dist', 'core'), { recursive: true });
    writeFileSync(join(tmp, 'package.json'), '{}');
    const file = join(tmp, 'dist', 'core', 'package-root.js');
    expect(findPackageRoot(pathToFileURL(file).href)).toBe(tmp);
    expect(findPackageRoot(file)).toBe(tmp);
  });
});
