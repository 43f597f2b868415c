/**
 * `npm run bench:perf`: performance benchmarks (never part of `npm test`). Writes bench/results/perf.json
 * and perf.md and prints the tables: engine throughput per backend, and per explainer its speed and its
 * efficiency ratio (batched-pass bound / actual time).
 *
 * Flags narrow a run while working on one explainer: --tasks a,b and --explainers x,y measure only
 * those rows, --no-engine skips the engine table. A narrowed run prints its tables but leaves the
 * results files alone, which always hold a whole run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { useBackend } from '../harness/backend.js';
import { UserError } from '../harness/errors.js';
import { benchEngine, type EngineBenchRow } from './engine.bench.js';
import { benchExplainers } from './explainers.bench.js';

const { values: flags } = parseArgs({
  options: { tasks: { type: 'string' }, explainers: { type: 'string' }, 'no-engine': { type: 'boolean', default: false } },
  strict: true,
});
const list = (flag: string, v: string | undefined): string[] | undefined => {
  if (v === undefined) return undefined;
  const items = v.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (items.length === 0) throw new UserError(`--${flag}: give a comma-separated list of ids`);
  return items;
};
const tasks = list('tasks', flags.tasks);
const explainerIds = list('explainers', flags.explainers);
const whole = !tasks && !explainerIds && !flags['no-engine'];

const engine: EngineBenchRow[] = flags['no-engine'] ? [] : await benchEngine();
await useBackend('wasm');
const explainerRows = await benchExplainers({ ...(tasks ? { tasks } : {}), ...(explainerIds ? { explainers: explainerIds } : {}) });
const lines = [
  '### Engine throughput',
  '',
  '| backend | model | pass | rows per batch | rows per second |',
  '|---|---|---|---:|---:|',
  ...engine.map((r) => `| ${r.backend} | ${r.model} | ${r.op} | ${r.rows} | ${Math.round(r.rowsPerSecond).toLocaleString('en')} |`),
  '',
  '### Explainers (wasm, default parameters)',
  '',
  '| task | explainer | explanations/s | forward passes | gradient passes | efficiency |',
  '|---|---|---:|---:|---:|---:|',
  ...explainerRows.map(
    (r) => `| ${r.task} | ${r.explainer} | ${r.explanationsPerSecond.toFixed(2)} | ${Math.round(r.forwardPasses)} | ${Math.round(r.gradientPasses)} | ${r.efficiency.toFixed(2)} |`,
  ),
  '',
  'Efficiency = time of the explainer\'s forward and gradient passes (of the output it reads) run as plain batched streams / time of the explainer (1.0 = no overhead beyond its passes): the median over repetitions that time the two in alternation; explanations/s from the fastest repetition.',
];
if (whole) {
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'perf.json'), JSON.stringify({ measuredAt: new Date().toISOString(), node: process.versions.node, engine, explainers: explainerRows }, null, 2) + '\n');
  writeFileSync(join(dir, 'perf.md'), lines.join('\n') + '\n');
} else {
  process.stderr.write('(a narrowed run: bench/results/ left as it was)\n');
}
process.stdout.write(lines.join('\n') + '\n');
