/**
 * Where the committed data and models live. Modules run from source (datasets/*.ts) and from the build
 * (dist/datasets/*.js); the data and models themselves are under data/; both find the package root by walking up to its package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'xai-bench') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`xai-bench package root not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

export const PACKAGE_ROOT = findPackageRoot();
export const DATA_DIR = join(PACKAGE_ROOT, 'data', 'datasets');
export const MODELS_DIR = join(PACKAGE_ROOT, 'data', 'models');
export const ZOO_JSON = join(MODELS_DIR, 'zoo.json');
