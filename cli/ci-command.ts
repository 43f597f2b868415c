import { appendFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { compareRecords, type ComparisonReport, DEFAULT_TOLERANCE } from '../leaderboard/ci/compare.js';
import { FORMATS } from '../leaderboard/ci/report.js';
import { UserError } from '../core/errors.js';
import { packageRoot } from '../core/package-root.js';
import { resolveExplainerRefs } from '../runner/plugins.js';
import { refuseUnplanned } from '../runner/planned-cells.js';
import { getExplainer } from '../explainers/index.js';
import { readRunFolders, writeFileAtomic } from '../runner/results-store.js';
import { runBenchmark } from '../runner/run.js';
import { getMetric } from '../metrics/index.js';
import { integer, many, parseCommand, required, str } from './args.js';
import { checkOutDir } from './out-path.js';
import { ciAxiomCheck, reportAxiomCheck } from './ci-axioms.js';

const HELP = `xai-bench ci: score a new or changed explainer against the published baseline; fail on regression

Usage: xai-bench ci --explainer ./my-explainer.ts [options]

  --explainer PATH     the candidate: a module default-exporting an explainer (TypeScript or JavaScript)
  --baseline DIR       a results folder of the built-in explainers (default: the package's data/baselines/<profile>)
  --profile P          which committed baseline to use when --baseline is not given: quick (default) or
                       standard (50 samples per task: enough to flag real changes, ~1/13 of a standard run)
  --against ID         the baseline explainer to compare with (default: the candidate's id, which may be a
                       built-in's id when the candidate is a changed version of it)
  --tolerance m=x      tolerated change of metric m before it counts (repeatable; defaults per metric)
  --out DIR            where the candidate's run and the reports go (default: a temporary folder)
  --jobs N             worker processes (default: the number of cores)
  --cell-timeout S     seconds the candidate may take per task before its cells fail (default 600)

The candidate runs on the baseline's tasks, metrics, samples, parameters and seed, so every comparison is
paired sample by sample. Writes ci-report.md (also appended to $GITHUB_STEP_SUMMARY when set),
ci-report.xml (JUnit), ci-report.json, and prints the table. When the baseline explainer is a built-in
attribution explainer, the functional tests of \`xai-bench axioms\` run on both: a test the built-in
passes and the candidate fails is a regression too (listed in ci-report.md).
Exit codes: 0 nothing regressed, 1 a regression, 2 an error (bad input, stale baseline).`;

export function parseTolerances(items: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of items) {
    const m = /^([^=]+)=(.+)$/.exec(t);
    const v = m ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(v) || v < 0) throw new UserError(`--tolerance ${t}: expected <metric-id>=<non-negative number>`);
    getMetric(m[1], '--tolerance');
    out.set(m[1], v);
  }
  return out;
}

export function toleranceOf(overrides: ReadonlyMap<string, number>): (metric: string) => number {
  return (id) => overrides.get(id) ?? getMetric(id).tolerance ?? DEFAULT_TOLERANCE;
}

/** The package's committed baseline of a profile; a clear error for a profile without one. */
function committedBaseline(profile: string): string {
  const dir = join(packageRoot(), 'data', 'baselines', profile);
  if (!existsSync(join(dir, 'run.json'))) {
    const have = readdirSync(join(packageRoot(), 'data', 'baselines')).filter((d) => existsSync(join(packageRoot(), 'data', 'baselines', d, 'run.json')));
    throw new UserError(`--profile ${profile}: no committed baseline (have: ${have.join(', ')}); pass --baseline DIR`);
  }
  return dir;
}

const REPORTS = { markdown: 'ci-report.md', junit: 'ci-report.xml', json: 'ci-report.json' } as const;

/**
 * `ci` passes only with its reports on disk: should the process end with code 0 and a report missing
 * (whatever ended it), the code becomes 2. Set when `ci` starts; returns the setter of the reports' folder.
 */
function failWithoutReports(): (dir: string) => void {
  let dir: string | undefined;
  process.once('exit', (code) => {
    const at = dir;
    const missing = at === undefined ? [REPORTS.markdown] : Object.values(REPORTS).filter((f) => !existsSync(join(at, f)));
    if (code === 0 && missing.length > 0) {
      process.stderr.write(`xai-bench ci: error: exiting without ${missing.join(', ')} (no report, no pass)\n`);
      process.exitCode = 2;
    }
  });
  return (d) => {
    dir = d;
  };
}

function writeReports(out: string, report: ComparisonReport, title: string): void {
  for (const [format, file] of Object.entries(REPORTS)) {
    writeFileAtomic(join(out, file), FORMATS[format as keyof typeof REPORTS](report, title));
  }
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, FORMATS.markdown(report, title));
}

export async function ciCommand(argv: readonly string[]): Promise<number> {
  const p = parseCommand('ci', argv, {
    explainer: { type: 'string' },
    baseline: { type: 'string' },
    profile: { type: 'string' },
    against: { type: 'string' },
    tolerance: { type: 'string', multiple: true },
    out: { type: 'string' },
    jobs: { type: 'string' },
    'cell-timeout': { type: 'string' },
  }, HELP);
  if (!p) return 0;
  const reportsIn = failWithoutReports();
  const path = required('ci', p, 'explainer');
  const outFlag = str(p, 'out');
  if (outFlag !== undefined) checkOutDir('--out', outFlag);
  const tolerances = parseTolerances(many(p, 'tolerance'));
  const baselineDir = resolve(str(p, 'baseline') ?? committedBaseline(str(p, 'profile') ?? 'quick'));
  if (str(p, 'baseline') !== undefined && str(p, 'profile') !== undefined) throw new UserError('--profile and --baseline: give one (a baseline folder carries its own profile)');
  const [baseline] = readRunFolders([baselineDir]);
  const cellTimeout = integer(p, 'cell-timeout', 1);
  // The plugin is loaded in a worker only: its code never runs in this process, which writes the reports.
  const candidate = getExplainer((await resolveExplainerRefs([path], { replace: true, timeoutS: cellTimeout })).ids[0]);
  const against = str(p, 'against') ?? candidate.id;
  const baselineExplainers = [...new Set(baseline.records.map((r) => r.explainer))];
  if (!baselineExplainers.includes(against)) {
    throw new UserError(`--against ${against}: not in the baseline ${baselineDir} (it has ${baselineExplainers.join(', ')}); name the explainer to compare with`);
  }
  const cfg = baseline.run.config;
  const sets = Object.entries(cfg.sets)
    .filter(([k]) => !k.startsWith(`${against}.`))
    .map(([k, v]) => `${k}=${v}`);
  const out = resolve(str(p, 'out') ?? mkdtempSync(join(tmpdir(), 'xai-bench-ci-')));
  reportsIn(out);
  // The functional tests, in worker processes (cli/ci-axioms.ts); their report is appended after the run's.
  const axioms = await ciAxiomCheck(resolve(path), against, cellTimeout);
  const outcome = await runBenchmark({
    profile: baseline.run.profile,
    tasks: cfg.tasks,
    explainers: [candidate.id],
    metrics: cfg.metrics,
    sets,
    seed: baseline.run.seed,
    samples: cfg.samplesPerTask === 'all' ? undefined : cfg.samplesPerTask,
    out: join(out, 'candidate'),
    plugins: [{ id: candidate.id, path: resolve(path) }],
    replacePlugins: true,
    jobs: integer(p, 'jobs', 1) ?? availableParallelism(),
    cellTimeout,
  });
  refuseUnplanned(outcome.run, outcome.records, join(out, 'candidate', 'results.jsonl'));
  const pairs = [{ baseline: against, candidate: candidate.id }];
  const report = compareRecords(baseline.records, outcome.records, pairs, toleranceOf(tolerances), baseline.run.seed);
  const title = `xai-bench ci: ${candidate.id} vs baseline ${against} (${baseline.run.profile}, seed ${baseline.run.seed})`;
  writeReports(out, report, title);
  if (axioms) reportAxiomCheck(out, REPORTS.markdown, axioms);
  process.stdout.write(`${FORMATS.text(report, title)}\n${axioms?.text ?? ''}reports in ${out}\n`);
  if (report.refused > 0) {
    process.stderr.write(`xai-bench ci: error: ${report.refused} cell(s) could not be compared with the baseline (see the report)\n`);
    return 2;
  }
  return report.regressions > 0 || (axioms?.regressions.length ?? 0) > 0 ? 1 : 0;
}
