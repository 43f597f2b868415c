/**
 * `npm run bench:perf`: performance benchmarks (never part of `npm test`). Writes tools/bench/results/perf.json
 * and perf.md and prints the tables: engine throughput per backend; per explainer and backend its speed
 * and its efficiency ratio (batched-pass bound / actual time); the same per metric (wasm); and the
 * profiles' wall time and peak memory that `npm run bench:profile` measured (tools/bench/results/profiles.json);
 * and the peer table (tools/bench/peer.ts): the engine against the same networks in PyTorch on one
 * thread, where a Python with torch is installed (skipped with a note otherwise).
 *
 * Flags narrow a run while working on one piece: --tasks a,b and --explainers x,y measure only those
 * explainer rows, --metrics m,n only those metric rows, --backends wasm,cpu the explainer backends,
 * --no-engine skips the engine table, --no-peer the PyTorch table, --peer-only runs only the PyTorch
 * table. A narrowed run prints its tables but leaves the results files
 * alone, which always hold a whole run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BACKENDS, useBackend, type Backend } from '../../core/backend.js';
import { isUserError, UserError } from '../../core/errors.js';
import { benchEngine, type EngineBenchRow } from './engine.bench.js';
import { benchExplainers, type ExplainerBenchRow } from './explainers.bench.js';
import { benchMetrics, type MetricBenchRow } from './metrics.bench.js';
import { benchPeer, peerMarkdown } from './peer.js';
import { perfMarkdown } from './perf-report.js';
import { readProfileRows } from './profile-run.js';
import { machineFacts } from './machine.js';
import { runMain } from './run-main.js';

async function main(): Promise<void> {
  const { values: flags } = parseArgs({
    options: {
      tasks: { type: 'string' },
      explainers: { type: 'string' },
      metrics: { type: 'string' },
      backends: { type: 'string' },
      'no-engine': { type: 'boolean', default: false },
      'no-peer': { type: 'boolean', default: false },
      'peer-only': { type: 'boolean', default: false },
    },
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
  const metricIds = list('metrics', flags.metrics);
  const backends = (list('backends', flags.backends) ?? ['tensorflow', 'wasm', 'cpu']) as Backend[];
  for (const b of backends) if (!BACKENDS.includes(b) || b === ('auto' as string)) throw new UserError(`--backends ${b}: expected some of ${BACKENDS.filter((x) => x !== 'auto').join(', ')}`);
  const whole = !tasks && !explainerIds && !metricIds && !flags.backends && !flags['no-engine'] && !flags['no-peer'] && !flags['peer-only'];
  if (flags['peer-only']) {
    process.stdout.write((await peerLines()).join('\n') + '\n');
    process.stderr.write('(a narrowed run: tools/bench/results/ left as it was)\n');
    return;
  }
  /** The plain tfjs-node build is measured when installed; on a machine without it, wasm and cpu. */
  const defaultBackends = !flags.backends;

  const engine: EngineBenchRow[] = flags['no-engine'] ? [] : await benchEngine();
  const explainerRows: ExplainerBenchRow[] = [];
  const measuredBackends: Backend[] = [];
  if (!metricIds || explainerIds || tasks) {
    for (const backend of backends) {
      try {
        await useBackend(backend);
      } catch (e) {
        if (defaultBackends && isUserError(e)) continue; // not installed here: measured where it is
        throw e;
      }
      measuredBackends.push(backend);
      // cpu is 5-30x slower: fewer repetitions keep its rows to a few minutes.
      const reps = backend === 'cpu' ? { minReps: 2, minSeconds: 1, warmSeconds: 0.5 } : {};
      const only = { ...(tasks ? { tasks } : {}), ...(explainerIds ? { explainers: explainerIds } : {}) };
      explainerRows.push(...(await benchExplainers({ ...reps, ...only })));
    }
  }
  let metricRows: MetricBenchRow[] = [];
  if (!explainerIds || metricIds) {
    await useBackend('wasm');
    metricRows = await benchMetrics({ ...(metricIds ? { metrics: metricIds } : {}) });
  }
  const measured = { measuredAt: new Date().toISOString(), machine: machineFacts() };
  const report = { engine, explainers: explainerRows, metrics: metricRows, backends: measuredBackends, ...measured };
  const lines = [...perfMarkdown(report, readProfileRows()), '', ...(flags['no-peer'] ? [] : await peerLines())];
  if (whole) {
    const dir = join(import.meta.dirname, 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'perf.json'), JSON.stringify({ ...measured, engine, explainers: explainerRows, metrics: metricRows }, null, 2) + '\n');
    writeFileSync(join(dir, 'perf.md'), lines.join('\n') + '\n');
  } else {
    process.stderr.write('(a narrowed run: tools/bench/results/ left as it was)\n');
  }
  process.stdout.write(lines.join('\n') + '\n');
}

/** The peer table, measured on wasm; or the note saying why it was skipped. */
async function peerLines(): Promise<string[]> {
  await useBackend('wasm');
  const peer = await benchPeer();
  if ('skipped' in peer) return ['### Against PyTorch', '', `(${peer.skipped})`];
  const load = loadavg()[0];
  const note = load > cpus().length ? `measured under load (load average ${load.toFixed(1)} on ${cpus().length} cores)` : '';
  return peerMarkdown(peer.rows[0], peer.torch, note);
}

runMain('bench:perf', main);
