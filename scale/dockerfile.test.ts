/**
 * The image the Kubernetes recipe runs (Dockerfile, "build the image from the repository") must hold
 * everything the CLI reads at run time: what package.json "files" ships, checked here without a
 * container runtime by reading the runtime stage's COPY lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[]; bin: Record<string, string> };

/** Destinations of the last stage's COPY lines, as paths relative to its WORKDIR /app. */
function runtimeCopies(): string[] {
  const stages = dockerfile.split(/^FROM /m);
  const last = stages[stages.length - 1];
  const out: string[] = [];
  for (const line of last.split('\n')) {
    const m = /^COPY\s+(?:--\S+\s+)*(.+)$/.exec(line.trim());
    if (!m) continue;
    const parts = m[1].trim().split(/\s+/);
    const dest = parts[parts.length - 1];
    const srcs = parts.slice(0, -1).map((s) => s.replace(/^\/app\//, ''));
    // `COPY a b ./` puts each source under the destination folder by its own name.
    out.push(...(dest === './' || dest === '.' ? srcs : [dest.replace(/^\/app\//, '')]));
  }
  return out;
}

/** The fixed folder or file a "files" pattern starts with (before its first wildcard). */
const staticPrefix = (pattern: string) => pattern.split('/').filter((_, k, all) => !all.slice(0, k + 1).some((p) => /[*?[]/.test(p))).join('/');
const covers = (copied: string, path: string) => path === copied || path.startsWith(`${copied}/`);

describe('the Dockerfile', () => {
  it('copies everything package.json "files" ships into the runtime image', () => {
    const copied = runtimeCopies();
    const needed = pkg.files.filter((f) => !f.startsWith('!')).map(staticPrefix);
    const missing = needed.filter((p) => !copied.some((c) => covers(c, p)));
    expect(missing, `copied: ${copied.join(', ')}`).toEqual([]);
  });

  it('copies package.json (version and package root) and the production node_modules, and puts the bin on PATH', () => {
    const copied = runtimeCopies();
    for (const f of ['package.json', 'node_modules']) expect(copied, f).toContain(f);
    const bin = pkg.bin['xai-bench'];
    expect(copied.some((c) => covers(c, bin))).toBe(true);
    expect(dockerfile).toContain(`ln -s /app/${bin} /usr/local/bin/xai-bench`);
  });

  it('is the image the Kubernetes recipe names, whose command the image has', () => {
    const recipe = readFileSync(join(root, 'scale', 'kubernetes-indexed-job.yaml'), 'utf8');
    expect(recipe).toMatch(/docker build .*-f Dockerfile|docker build -t \S+ \./);
    // `npx xai-bench` inside the package folder would look the name up on the registry: the image links the bin.
    expect(recipe).not.toMatch(/npx xai-bench/);
    expect(recipe).toMatch(/^\s+xai-bench run /m);
  });
});
