/**
 * `npm run baselines`: regenerates the committed baselines of `xai-bench ci` (the built-in explainers)
 * into data/baselines/<profile>, keeping what a comparison reads (run.json, results.jsonl.gz, summary.md) and
 * dropping the leaderboard, explanations, pictures and the site, which can be rebuilt.
 *
 *   node dist/leaderboard/ci/make-baselines.js [quick] [standard]     run the profiles (default: quick)
 *   node dist/leaderboard/ci/make-baselines.js --from RUN_DIR           take a finished run of a profile, e.g.
 *                                                                   the standard run `npm run publish` made
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { UserError, isUserError } from '../../core/errors.js';
import { packageRoot } from '../../core/package-root.js';
import { readRunFolders, RESULTS_JSONL, RESULTS_JSONL_GZ, RUN_JSON, SUMMARY_MD } from '../../runner/results-store.js';
import { runBenchmark } from '../../runner/run.js';
import { isPlugin } from '../../explainers/index.js';
import { getProfile } from '../../runner/profiles.js';

/**
 * What a comparison reads, taken from a finished run: its description, its results (gzipped: a
 * standard run's are about 20 MB plain) and the readable summary; the leaderboard, explanations,
 * pictures and site can be rebuilt and are left out.
 */
const KEPT = [RUN_JSON, SUMMARY_MD] as const;

export async function makeBaselines(profiles: readonly string[] = ['quick']): Promise<void> {
  for (const profile of profiles) {
    // Run aside and take the finished run as --from does, so both ways give the same folder shape and a
    // failed run leaves the committed baseline as it was.
    const work = mkdtempSync(join(tmpdir(), `xai-bench-baseline-${profile}-`));
    try {
      const out = join(work, 'run');
      await runBenchmark({ profile, out, jobs: availableParallelism(), progress: 'console' });
      baselineFrom(out);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}

/** Copies a finished, unsharded, plugin-free run of a named profile into data/baselines/<profile>. */
export function baselineFrom(runDir: string, baselinesDir = join(packageRoot(), 'data', 'baselines')): string {
  const dir = resolve(runDir);
  if (!existsSync(join(dir, 'run.json'))) throw new UserError(`--from ${runDir}: no run.json (not a run folder)`);
  const [folder] = readRunFolders([dir]);
  const run = folder.run;
  if (run.status !== 'complete') throw new UserError(`--from ${runDir}: the run is ${run.status}, not complete`);
  if (run.config.shard !== undefined) throw new UserError(`--from ${runDir}: a shard (${String(run.config.shard)}); aggregate the shards first`);
  if (run.config.taskConfig !== undefined) throw new UserError(`--from ${runDir}: has --config tasks; a baseline holds the built-in tasks only`);
  if (folder.records.some((x) => isPlugin(x.explainer)) || run.config.plugins !== undefined) throw new UserError(`--from ${runDir}: has plugin explainers; a baseline holds built-in explainers only`);
  const profile = getProfile(run.profile);
  if (JSON.stringify(run.config.tasks) !== JSON.stringify(profile.tasks)) throw new UserError(`--from ${runDir}: ran a subset of the ${profile.id} profile's tasks`);
  if (Object.keys(run.config.sets).length > 0) throw new UserError(`--from ${runDir}: ran with --set overrides (${Object.keys(run.config.sets).join(', ')})`);
  const out = join(baselinesDir, profile.id);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const f of KEPT) if (existsSync(join(dir, f))) cpSync(join(dir, f), join(out, f));
  writeFileSync(join(out, RESULTS_JSONL_GZ), gzipSync(readFileSync(join(dir, RESULTS_JSONL)), { level: 9 }));
  const cells = folder.records.length;
  process.stdout.write(`baseline ${profile.id}: ${cells} records from ${dir} in ${out}\n`);
  return out;
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const at = argv.indexOf('--from');
    if (at >= 0) {
      if (!argv[at + 1]) throw new UserError('--from: expected a run folder');
      baselineFrom(argv[at + 1]);
      return 0;
    }
    await makeBaselines(argv.length ? argv : ['quick']);
    return 0;
  } catch (e) {
    if (!isUserError(e)) throw e;
    process.stderr.write(`make-baselines: error: ${e.message}\n`);
    return 2;
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  process.exitCode = await main(process.argv.slice(2));
}
