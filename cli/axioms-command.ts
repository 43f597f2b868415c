/**
 * `xai-bench axioms`: the functional tests (leaderboard/axioms/) on every built-in attribution explainer
 * or the ones named, plugins included; prints the matrix, writes it as JSON (xai-bench/axioms@1,
 * schemas/axioms.schema.json) with --out. A plugin's code runs in a worker process, as for `explain`.
 */
import { isMainThread } from 'node:worker_threads';
import { useBackend } from '../core/backend.js';
import { UserError } from '../core/errors.js';
import { explainers, getExplainer } from '../explainers/index.js';
import { isAttributionExplainer } from '../explainers/types.js';
import { axiomMatrixText } from '../leaderboard/axioms/matrix-text.js';
import { type AxiomRecord, type AxiomReport, runAxioms } from '../leaderboard/axioms/run-axioms.js';
import { callInWorker } from '../runner/plugin-worker.js';
import { isPluginRef, loadPlugin } from '../runner/plugins.js';
import { DEFAULT_CELL_TIMEOUT } from '../runner/run-options.js';
import { writeFileAtomic } from '../runner/results-store.js';
import { integer, list, parseCommand, str } from './args.js';
import { checkOutFile } from './out-path.js';

const HELP = `xai-bench axioms: functional tests with known answers for every attribution explainer

Usage: xai-bench axioms [--explainers a,b,./my-explainer.ts] [--out FILE]

  --explainers LIST  explainer ids or plugin paths (default: every built-in attribution explainer)
  --out FILE         write the matrix as JSON (xai-bench/axioms@1) here
  --timeout S        seconds a plugin may take for the whole catalogue (default 600)

Each test is a small hand-weighted model with a known answer and a tolerance: dummy, symmetry,
linearity, completeness (where the method claims it), implementation invariance, input-shift
invariance, saturation, interaction, target sensitivity, determinism. Explainers run at their declared
default parameters. FAIL! marks a failed property that the method claims.`;

/** Runs the catalogue on one plugin inside its worker process; the records come back as data. */
export async function pluginAxiomRecords(path: string, replace = false): Promise<AxiomRecord[]> {
  await useBackend('wasm');
  const e = await loadPlugin(path, { replace });
  if (!isAttributionExplainer(e)) throw new UserError(`--explainers ${path}: '${e.id}' is a ${e.family} explainer; the axioms test attribution explainers`);
  return [...(await runAxioms([e])).records];
}

/** Runs the catalogue on one built-in explainer in a worker process (`ci` keeps tfjs out of its own process). */
export async function builtInAxiomRecords(id: string): Promise<AxiomRecord[]> {
  await useBackend('wasm');
  return [...(await runAxioms([getExplainer(id)])).records];
}

/** The catalogue on the named explainers (ids and plugin paths), plugins each in a worker. */
async function axiomReport(refs: readonly string[], timeoutS = DEFAULT_CELL_TIMEOUT): Promise<AxiomReport> {
  await useBackend('wasm');
  const ids = refs.filter((r) => !isPluginRef(r));
  const chosen = ids.map((id) => getExplainer(id, '--explainers'));
  for (const e of chosen) if (!isAttributionExplainer(e)) throw new UserError(`--explainers ${e.id}: a ${e.family} explainer; the axioms test attribution explainers`);
  const report = await runAxioms(chosen);
  const t0 = performance.now();
  const extra: AxiomRecord[] = [];
  for (const path of refs.filter(isPluginRef)) {
    extra.push(...((await callInWorker({ module: import.meta.url, fn: 'pluginAxiomRecords', args: [path] }, path, timeoutS)) as AxiomRecord[]));
  }
  return { ...report, records: [...report.records, ...extra], seconds: report.seconds + (performance.now() - t0) / 1000 };
}

export async function axiomsCommand(argv: readonly string[]): Promise<number> {
  const p = parseCommand('axioms', argv, { explainers: { type: 'string' }, out: { type: 'string' }, timeout: { type: 'string' } }, HELP);
  if (!p) return 0;
  const out = str(p, 'out');
  if (out) checkOutFile('--out', out);
  const refs = list(p, 'explainers') ?? explainers.filter(isAttributionExplainer).map((e) => e.id);
  if (!isMainThread) throw new Error('axioms runs in the main thread');
  const report = await axiomReport(refs, integer(p, 'timeout', 1) ?? DEFAULT_CELL_TIMEOUT);
  process.stdout.write(`${axiomMatrixText(report)}\n(${report.records.length} tests in ${report.seconds.toFixed(1)} s)\n`);
  if (out) writeFileAtomic(out, `${JSON.stringify({ format: 'xai-bench/axioms@1', ...report }, null, 1)}\n`);
  return 0;
}
