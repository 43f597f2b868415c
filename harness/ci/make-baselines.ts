/**
 * `npm run baselines`: regenerates the committed baselines of `xai-bench ci` (the built-in explainers on
 * the quick profile) into baselines/quick, keeping what a comparison reads (run.json, results.jsonl,
 * leaderboard.json, summary.md) and dropping explanations, pictures and the site, which can be rebuilt.
 */
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { runBenchmark } from '../run.js';
import { isPlugin } from '../../explainers/index.js';

export async function makeBaselines(profiles: readonly string[] = ['quick']): Promise<void> {
  for (const profile of profiles) {
    const out = join(packageRoot(), 'baselines', profile);
    const r = await runBenchmark({ profile, out, jobs: availableParallelism(), progress: 'console' });
    if (r.records.some((x) => isPlugin(x.explainer))) throw new Error('a baseline holds built-in explainers only');
    for (const f of ['explanations', 'artifacts', 'site', 'catalog.json', 'gallery.json']) rmSync(join(out, f), { recursive: true, force: true });
    process.stdout.write(`baseline ${profile}: ${r.records.length} cells in ${out}\n`);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const which = process.argv.slice(2);
  await makeBaselines(which.length ? which : ['quick']);
}
