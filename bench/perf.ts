/**
 * `npm run bench:perf`: performance benchmarks (never part of `npm test`). Writes bench/results/perf.json
 * and perf.md and prints the table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchEngine } from './engine.bench.js';

const rows = await benchEngine();
const lines = [
  '| backend | model | pass | rows per batch | rows per second |',
  '|---|---|---|---:|---:|',
  ...rows.map((r) => `| ${r.backend} | ${r.model} | ${r.op} | ${r.rows} | ${Math.round(r.rowsPerSecond).toLocaleString('en')} |`),
];
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'perf.json'), JSON.stringify({ measuredAt: new Date().toISOString(), node: process.versions.node, engine: rows }, null, 2) + '\n');
writeFileSync(join(dir, 'perf.md'), lines.join('\n') + '\n');
process.stdout.write(lines.join('\n') + '\n');
