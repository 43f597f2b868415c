/**
 * tools/bench/results/perf.md: the benchmark tables as Markdown, from the rows bench:perf measured and the
 * profile rows bench:profile recorded. Also run on its own (`tsx tools/bench/perf-report.ts`) to rewrite
 * perf.md from perf.json and profiles.json after a profile is re-measured, without timing anything.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnginePerf, ExplainerPerf, MetricPerf } from '../../site/builder/performance.js';
import type { MachineFacts } from './machine.js';
import { profileTable, readProfileRows, type ProfileRunRow } from './profile-run.js';

interface PerfRows {
  readonly engine: readonly EnginePerf[];
  readonly explainers: readonly ExplainerPerf[];
  readonly metrics: readonly MetricPerf[];
  /** The backends the explainers were measured on. */
  readonly backends: readonly string[];
  readonly measuredAt?: string;
  readonly machine?: Partial<MachineFacts>;
}

const ratio = (e: number | null) => (e === null ? '–' : e.toFixed(2));

export function perfMarkdown(rows: PerfRows, profiles: readonly ProfileRunRow[]): string[] {
  const m = rows.machine;
  return [
    ...(rows.measuredAt && m
      ? [`Measured ${rows.measuredAt.slice(0, 10)} on ${m.cores ?? '?'} cores${m.cpu ? ` (${m.cpu})` : ''}, Node ${m.node ?? '?'}${m.speedIndexNs === undefined ? '' : `, speed index ${m.speedIndexNs} ns`}.`, '']
      : []),
    '### Engine throughput',
    '',
    '| backend | model | pass | rows per batch | rows per second |',
    '|---|---|---|---:|---:|',
    ...rows.engine.map((r) => `| ${r.backend} | ${r.model} | ${r.op} | ${r.rows} | ${Math.round(r.rowsPerSecond).toLocaleString('en')} |`),
    '',
    `### Explainers (default parameters; backends: ${rows.backends.join(', ') || 'none'})`,
    '',
    '| backend | task | explainer | explanations/s | forward passes | gradient passes | efficiency |',
    '|---|---|---|---:|---:|---:|---:|',
    ...rows.explainers.map(
      (r) => `| ${r.backend} | ${r.task} | ${r.explainer} | ${r.explanationsPerSecond.toFixed(2)} | ${Math.round(r.forwardPasses)} | ${Math.round(r.gradientPasses)} | ${ratio(r.efficiency)} |`,
    ),
    '',
    "### Metrics (wasm, the standard profile's settings, scoring `gradient` attributions)",
    '',
    '| task | metric | criterion | ms per input | forward passes | gradient passes | efficiency |',
    '|---|---|---|---:|---:|---:|---:|',
    ...rows.metrics.map(
      (r) => `| ${r.task} | ${r.metric} | ${r.criterion} | ${(r.secondsPerInput * 1000).toFixed(2)} | ${Math.round(r.forwardPasses)} | ${Math.round(r.gradientPasses)} | ${ratio(r.efficiency)} |`,
    ),
    '',
    '### Profiles (`npm run bench:profile`)',
    '',
    ...(profiles.length ? profileTable(profiles) : ['No profile has been measured yet.']),
    '',
    "Efficiency = time of the passes an explainer or metric makes (of the output it reads) run as plain batched streams / its time (1.0 = no overhead beyond its passes): the median over repetitions that time the two in alternation; speeds from the fastest repetition. MPRT's passes on the randomised copies are not in its bound (a lower bound). What makes no pass has no ratio. Peak memory is the summed resident set of the run's process tree. The speed index is the nanoseconds per step of a fixed single-threaded workload taken with each profile row (tools/bench/machine.ts): the same VM has run the same profile twice as long on another day, so rows of different days compare through it.",
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = join(import.meta.dirname, 'results');
  const perf = JSON.parse(readFileSync(join(dir, 'perf.json'), 'utf8')) as Omit<PerfRows, 'backends'>;
  const backends = [...new Set(perf.explainers.map((r) => r.backend))];
  writeFileSync(join(dir, 'perf.md'), perfMarkdown({ ...perf, backends }, readProfileRows()).join('\n') + '\n');
}
