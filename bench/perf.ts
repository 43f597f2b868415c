/**
 * `npm run bench:perf`: performance benchmarks (never part of `npm test`). Writes bench/results/perf.json
 * and perf.md and prints the tables: engine throughput per backend, and per explainer its speed and its
 * efficiency ratio (batched-pass bound / actual time).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBackend } from '../harness/backend.js';
import { benchEngine } from './engine.bench.js';
import { benchExplainers } from './explainers.bench.js';

const engine = await benchEngine();
await useBackend('wasm');
const explainerRows = await benchExplainers();
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
  'Efficiency = time of the explainer\'s forward and gradient passes run as plain batched streams / time of the explainer (1.0 = no overhead beyond its passes).',
];
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'perf.json'), JSON.stringify({ measuredAt: new Date().toISOString(), node: process.versions.node, engine, explainers: explainerRows }, null, 2) + '\n');
writeFileSync(join(dir, 'perf.md'), lines.join('\n') + '\n');
process.stdout.write(lines.join('\n') + '\n');
