import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fromNested, sizeOf } from '../core/batch.js';
import { UserError } from '../core/errors.js';
import { fitExplainer } from '../runner/explain-samples.js';
import type { AnySample } from '../runner/explanation-record.js';
import { readJsonFile } from '../runner/input-file.js';
import type { OutputKind } from '../core/model.js';
import { type AnyParamValues, resolveParams, splitSets } from '../core/params.js';
import { resultRecord, type ResultRecord } from '../runner/result-record.js';
import { writeFileAtomic } from '../runner/results-store.js';
import { scoreSamples } from '../runner/score-samples.js';
import { versionInfo } from '../core/version.js';
import { getExplainer } from '../explainers/index.js';
import { isPluginRef, loadPlugin } from '../runner/plugins.js';
import { callInWorker } from '../runner/plugin-worker.js';
import { DEFAULT_CELL_TIMEOUT } from '../runner/run-options.js';
import { isMainThread } from 'node:worker_threads';
import { type Explainer, isAttributionExplainer } from '../explainers/types.js';
import type { Family } from '../core/vocabulary.js';
import { getMetric } from '../metrics/index.js';
import { type Metric, metricScores, type ReExplainer } from '../metrics/types.js';
import { reExplainer } from '../runner/re-explainer.js';
import { integer, list, many, type Parsed, parseCommand, required, str } from './args.js';
import { checkOutFile } from './out-path.js';
import { scoreAttributionsFile } from './score-attributions.js';
import { explainUserInputs, type UserSetup, userSetup } from './user-model.js';

const HELP = `xai-bench score: score explanations of your model with the benchmark's metrics

Usage: xai-bench score --model PATH/model.json|MODEL.onnx (--explainer ID | --attributions FILE) --metric ID[,ID...] --input FILE.json [options]

  --model PATH         a tfjs LayersModel (model.json + weight files), or an .onnx file (PyTorch via torch.onnx.export)
  --explainer ID       explain with this explainer first (xai-bench list explainers)
  --attributions FILE  or score these explanations, in the order of --input: an xai-bench/explanation@1 record
                       (from xai-bench explain), or attributions from any tool: a NumPy .npy or .npz (float32 or
                       float64), a JSON nested array or {"attributions": [...]}, shaped (inputs, ...model input)
                       in the model's own layout
  --key NAME           the array of a .npz file to score (default: its only array)
  --output KIND        logit | probability: the model output an --attributions array explains (required for
                       arrays); score: read the last layer's output as is, a score, whatever its activation
                       (a model with one linear output is a score without it). On a score, metrics that
                       need classes give nulls with their reason (xai-bench list metrics says which)
  --explainer-name N   the name results give the attributions of an array (default: the file name)
  --metric IDS         comma-separated metric ids (xai-bench list metrics)
  --input FILE         the inputs, as for xai-bench explain
  --ground-truth FILE  JSON array of 0/1 masks shaped like the inputs (or {"masks": [...]}), or relevant element
                       indices, {"relevant": [0, 3]} for all inputs or {"relevant": [[0, 3], [1]]} per input,
                       for localisation metrics
  --background FILE    data explainers sample from (default: the inputs)
  --target N           class explained (with --explainer or an array; default: --input's targets, else predicted)
  --set p=v            explainer parameter, or <metric-id>.<param>=<value> (repeatable)
  --seed N             seed (default 0)
  --backend B          auto | tensorflow-gpu | tensorflow | wasm | cpu
  --out FILE           write the result records (xai-bench/result@1, one JSON line each) here
  --timeout S          seconds a plugin (--explainer ./path) may take, loading included, before it is
                       stopped (default 600); a plugin runs isolated in a worker process

Prints one line per metric: mean over inputs, n, and why any value could not be computed.`;

/** Ids in result records name files: keep them to letters, digits, '.', '_' and '-'. */
function safeId(s: string): string {
  const t = s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return t || 'unnamed';
}

/**
 * --ground-truth: per-input 0/1 masks shaped like the inputs (an array, or {"masks": [...]}), or the
 * relevant flat element indices, one list for every input ({"relevant": [0, 3]}) or one per input
 * ({"relevant": [[0, 3], [1]]}).
 */
export function readGroundTruth(path: string, n: number, shape: readonly number[]): Uint8Array {
  const json = readJsonFile(path, '--ground-truth');
  const d = sizeOf(shape);
  const out = new Uint8Array(n * d);
  const isObject = json !== null && typeof json === 'object' && !Array.isArray(json);
  const relevant = isObject ? (json as { relevant?: unknown }).relevant : undefined;
  if (relevant !== undefined) {
    if (!Array.isArray(relevant)) {
      throw new UserError(`--ground-truth ${path}: "relevant" must be a list of element indices, or one list per input`);
    }
    const perInput = relevant.length > 0 && relevant.every(Array.isArray);
    if (perInput && relevant.length !== n) {
      throw new UserError(`--ground-truth ${path}: "relevant" has ${relevant.length} lists, expected ${n} (one per input)`);
    }
    for (let i = 0; i < n; i++) {
      const list = (perInput ? relevant[i] : relevant) as unknown[];
      const at = perInput ? `relevant[${i}]` : 'relevant';
      list.forEach((j, t) => {
        if (typeof j !== 'number' || !Number.isInteger(j)) {
          throw new UserError(`--ground-truth ${path}: ${at}[${t}] is ${JSON.stringify(j)}, expected an integer element index`);
        }
        if (j < 0 || j >= d) {
          const range = `inputs have ${d} elements (indices 0..${d - 1})`;
          throw new UserError(`--ground-truth ${path}: ${at}[${t}] = ${j} is out of range: ${range}`);
        }
        out[i * d + j] = 1;
      });
    }
    return out;
  }
  const masks = Array.isArray(json) ? json : (json as { masks?: unknown })?.masks;
  if (!Array.isArray(masks) || masks.length !== n) {
    throw new UserError(
      `--ground-truth ${path}: expected ${n} masks (one per input), or {"relevant": [indices]} / {"relevant": [[indices], ...]}`,
    );
  }
  masks.forEach((m, i) => {
    const r = fromNested(m, shape);
    if ('error' in r) throw new UserError(`--ground-truth ${path}: masks[${i}]: ${r.error}`);
    r.data.forEach((v, k) => {
      if (v !== 0 && v !== 1) throw new UserError(`--ground-truth ${path}: masks[${i}] has value ${v}; masks hold 0 or 1`);
      out[i * d + k] = v;
    });
  });
  return out;
}

/** What the explanations being scored are: their samples, the explainer to re-run (if any) and their provenance. */
interface Explained {
  readonly samples: AnySample[];
  readonly again: ReExplainer | undefined;
  /**
   * The explainer's fitted state when one was run here (a rules explainer's rule set...): the structured
   * families' metrics read it as they do in a run (runner/unit-scores.ts); undefined for a file.
   */
  readonly state: unknown;
  /** True when an explainer was run here, false for explanations read from a file. */
  readonly explained: boolean;
  readonly output: OutputKind;
  readonly explainerName: string;
  readonly params: AnyParamValues;
  readonly family: Family;
}

export async function scoreCommand(argv: readonly string[]): Promise<number> {
  const p = parseCommand('score', argv, {
    model: { type: 'string' },
    explainer: { type: 'string' },
    attributions: { type: 'string' },
    key: { type: 'string' },
    'explainer-name': { type: 'string' },
    output: { type: 'string' },
    metric: { type: 'string' },
    input: { type: 'string' },
    'ground-truth': { type: 'string' },
    background: { type: 'string' },
    target: { type: 'string' },
    set: { type: 'string', multiple: true },
    seed: { type: 'string' },
    backend: { type: 'string' },
    out: { type: 'string' },
    timeout: { type: 'string' },
  }, HELP);
  if (!p) return 0;
  const out = str(p, 'out');
  if (out) checkOutFile('--out', out);
  const explainerId = str(p, 'explainer');
  const attrPath = str(p, 'attributions');
  if ((explainerId === undefined) === (attrPath === undefined)) {
    throw new UserError('score: give exactly one of --explainer or --attributions');
  }
  for (const flag of ['key', 'explainer-name', 'output'] as const) {
    if (flag === 'output' && str(p, flag) === 'score') continue; // how the model is read, not what a file explains
    if (explainerId !== undefined && str(p, flag) !== undefined) throw new UserError(`score: --${flag} describes an --attributions file; --explainer ${explainerId} says it itself`);
  }
  const timeoutS = integer(p, 'timeout', 1) ?? DEFAULT_CELL_TIMEOUT;
  // A plugin's code runs only in a worker process (which runs this command again, the plugin loaded there).
  if (explainerId && isPluginRef(explainerId) && isMainThread) {
    return (await callInWorker({ module: import.meta.url, fn: 'scoreCommand', args: [argv] }, explainerId, timeoutS)) as number;
  }
  const metricIds = list(p, 'metric');
  if (!metricIds) throw new UserError('score: --metric is required (see xai-bench score --help)');
  const metrics = metricIds.map((id) => getMetric(id, '--metric'));
  const explainer = explainerId ? (isPluginRef(explainerId) ? await loadPlugin(explainerId) : getExplainer(explainerId, '--explainer')) : undefined;
  const owners = [...(explainer ? [explainer.id] : []), ...metrics.map((m) => m.id)];
  const sets = splitSets(many(p, 'set'), owners, explainer?.id);
  const metricParams = new Map(metrics.map((m) => [m.id, resolveParams(m.params, sets.get(m.id) ?? {}, m.id)]));
  const explainerParams: AnyParamValues = explainer ? resolveParams(explainer.params, sets.get(explainer.id) ?? {}, explainer.id) : {};
  required('score', p, 'input');
  const u = await userSetup('score', p, explainer);
  const gtPath = str(p, 'ground-truth');
  const groundTruth = gtPath ? readGroundTruth(gtPath, u.input.batch.n, u.task.sampleShape) : undefined;
  const explained = explainer ? await explainInputs(u, explainer, explainerParams) : attributionsOf(u, p, attrPath!);
  const records = await scoreMetrics(p, u, explained, metrics, metricParams, groundTruth);
  const heading = `${explained.explainerName} on ${str(p, 'model')} (${u.input.batch.n} inputs, ${explained.output}):`;
  process.stdout.write(`${heading}\n${scoreTable(records)}\n`);
  if (out) writeFileAtomic(out, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return 0;
}

/** --explainer: the inputs explained here, with the explainer kept for the metrics that re-run it. */
async function explainInputs(u: UserSetup, explainer: Explainer, params: AnyParamValues): Promise<Explained> {
  const state = await fitExplainer(explainer, u.engine, u.task, u.seed, params);
  const fitted = () => Promise.resolve(state);
  const again = isAttributionExplainer(explainer) ? reExplainer(explainer, params, fitted, u.engine, u.task, u.seed) : undefined;
  const samples = await explainUserInputs(u, { explainer, params, state, chunk: 16 });
  const { output, id: explainerName, family } = explainer;
  return { samples, again, state, explained: true, output, explainerName, params, family };
}

/** --attributions: the file's explanations (runner/attribution-file.ts), checked against the model and the inputs. */
function attributionsOf(u: UserSetup, p: Parsed, path: string): Explained {
  const flags = { key: str(p, 'key'), explainerName: str(p, 'explainer-name'), output: str(p, 'output') };
  const f = scoreAttributionsFile(u, path, flags);
  return { samples: f.samples, again: undefined, state: undefined, explained: false, output: f.output, explainerName: f.explainerName, params: f.params, family: 'attribution' };
}

/** One record per metric, each checked to apply to these explanations before it is scored. */
async function scoreMetrics(
  p: Parsed,
  u: UserSetup,
  e: Explained,
  metrics: readonly Metric[],
  metricParams: ReadonlyMap<string, AnyParamValues>,
  groundTruth: Uint8Array | undefined,
): Promise<ResultRecord[]> {
  const v = versionInfo();
  const inputHash = createHash('sha256').update(readFileSync(str(p, 'input')!)).digest('hex');
  const run = `score-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}`;
  const provenance = { run, seed: u.seed, backend: u.backend, version: v.version, commit: v.commit };
  const task = safeId(`user-${basename(dirname(resolve(str(p, 'model')!)))}`);
  const records: ResultRecord[] = [];
  for (const metric of metrics) {
    if (metric.requires.includes('ground-truth') && !groundTruth) throw new UserError(`--metric ${metric.id}: needs --ground-truth`);
    if (!metricScores(metric, { id: e.explainerName, family: e.family })) {
      const scores = metric.explainers ? metric.explainers.join(', ') : `${metric.family} explanations`;
      throw new UserError(`--metric ${metric.id}: scores ${scores}, not ${e.explainerName} (${e.family})`);
    }
    if (metric.requires.includes('explainer') && !e.explained) {
      throw new UserError(`--metric ${metric.id}: re-runs the explainer, so it needs --explainer, not --attributions`);
    }
    const mParams = metricParams.get(metric.id)!;
    const s = await scoreSamples({
      metric,
      params: mParams,
      engine: u.engine,
      task: u.task,
      seed: u.seed,
      explainerId: e.explainerName,
      output: e.output,
      batch: u.input.batch,
      samples: e.samples,
      groundTruth,
      explainer: e.again,
      state: e.state,
    });
    const cell = {
      task,
      explainer: safeId(e.explainerName),
      output: e.output,
      explainerParams: e.params,
      metric,
      metricParams: mParams,
      modelHash: u.model.hash,
      datasetHash: inputHash,
    };
    records.push(resultRecord(provenance, cell, { sampleIds: e.samples.map((x) => x.sampleId), ...s }));
  }
  return records;
}

/** The printed table: one line per metric with its mean, n and why values are missing. */
function scoreTable(records: readonly ResultRecord[]): string {
  const width = Math.max(6, ...records.map((r) => r.metric.length));
  const lines = [`${'metric'.padEnd(width)}  ${'criterion'.padEnd(12)}  better  ${'mean'.padStart(11)}  n`];
  for (const r of records) {
    const nulls = Object.entries(r.nulls).map(([k, c]) => `${c} null: ${k}`).join('; ');
    const better = r.direction === 'higher' ? 'higher' : r.direction === 'lower' ? 'lower ' : '  -   ';
    const mean = (r.mean === null ? '-' : r.mean.toPrecision(4)).padStart(11);
    lines.push(`${r.metric.padEnd(width)}  ${r.criterion.padEnd(12)}  ${better}  ${mean}  ${r.n}${nulls ? `  (${nulls})` : ''}`);
  }
  return lines.join('\n');
}
