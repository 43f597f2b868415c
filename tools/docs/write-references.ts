/**
 * Writes docs/explainers.md and docs/metrics.md from the registries. Run after adding or changing an
 * explainer or metric:  npx tsx tools/docs/write-references.ts
 * (tools/docs/write-references.test.ts fails until the committed pages match.)
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../../core/package-root.js';
import { explainers } from '../../explainers/index.js';
import { metrics } from '../../metrics/index.js';
import { explainersMarkdown, metricsMarkdown } from './references-markdown.js';

export const REFERENCE_PAGES = {
  'docs/explainers.md': () => explainersMarkdown(explainers),
  'docs/metrics.md': () => metricsMarkdown(metrics),
} as const;

function main(): void {
  for (const [path, write] of Object.entries(REFERENCE_PAGES)) {
    writeFileSync(join(packageRoot(), path), write());
    console.log(`wrote ${path}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
