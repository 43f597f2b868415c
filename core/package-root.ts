/**
 * The installed package's root folder: the nearest ancestor of this module holding package.json.
 * Walking up (rather than a fixed '../') keeps it right from source (tsx, vitest: core/) and from
 * the build (dist/core/), and inside node_modules when installed from the tarball.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest ancestor folder of `fromUrl` (a file: URL or a path) that holds a package.json. */
export function findPackageRoot(fromUrl: string): string {
  const start = fromUrl.startsWith('file:') ? fileURLToPath(fromUrl) : fromUrl;
  let dir = dirname(start);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
}

let cached: string | null = null;

/** xai-bench's own root folder (where package.json, schemas/ and datasets/ live). */
export function packageRoot(): string {
  cached ??= findPackageRoot(import.meta.url);
  return cached;
}
