/**
 * Measures the by-design differences from the peers' reference implementations that this code can
 * compute both ways, on the zoo's models, and writes tools/bench/results/reference-differences.json.
 * Each explainer/metric declaration quotes these numbers in its `differences`; rerun after changing
 * one of them:  npx tsx tools/bench/reference-differences.ts [--samples N]
 *
 * - LRP, zplus/wsquare with the bias (zennit's ZPlus/WSquare) against without (deep Taylor decomposition);
 * - LRP, max-pool ties split equally against one winner (autograd's, which zennit inherits);
 * - LIME, quickshift noise from a fixed seed (lime's SegmentationAlgorithm) against the run seed;
 * - rank-correlation and pairwise-rank-agreement over the true weights' top-k against all features (OpenXAI).
 * Sizes are per-sample relative L2 differences ||a - b|| / ||b|| (median and max) or mean metric values.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { selectSamples } from '../../core/batch.js';
import { useBackend } from '../../core/backend.js';
import { Engine } from '../../core/engine.js';
import { explainContext, fitExplainer } from '../../runner/explain-samples.js';
import { resolveParams } from '../../core/params.js';
import { loadTask } from '../../datasets/index.js';
import type { Task } from '../../datasets/task.js';
import { explainers } from '../../explainers/index.js';
import { isAttributionExplainer } from '../../explainers/types.js';
import { weightRankCorrelation } from '../../metrics/localisation/rank-correlation-agreement.js';
import { pairwiseAgreement } from '../../metrics/localisation/pairwise-rank-agreement.js';
import { spearman } from '../../numeric/rank-correlation.js';

type Set_ = Record<string, string | number | boolean>;

function explainerById(id: string) {
  const e = explainers.find((x) => x.id === id);
  if (!e || !isAttributionExplainer(e)) throw new Error(`no attribution explainer ${id}`);
  return e;
}

/** Explains the task's first n fixed samples at their predicted class; attributions per sample. */
async function explain(
  task: Task, id: string, n: number, set: Set_, seed = 1,
): Promise<{ rows: Float32Array[]; extras: Record<string, unknown>[]; targets: Int32Array }> {
  const e = explainerById(id);
  const engine = new Engine(task.model);
  const ids = task.sampleIds(n);
  const batch = selectSamples(task.test.x, ids.map((s) => task.sampleIndex(s)));
  const probs = engine.outputs(batch, 'probability');
  const c = engine.numClasses;
  const targets = Int32Array.from({ length: n }, (_, i) => {
    let best = 0;
    for (let k = 1; k < c; k++) if (probs[i * c + k] > probs[i * c + best]) best = k;
    return best;
  });
  const params = resolveParams(e.params, set, e.id);
  const state = await fitExplainer(e, engine, task, seed, params, { train: task.train, test: task.test });
  const res = await e.explain({ ctx: explainContext(engine, task, seed, e.id), batch, targets, sampleIds: ids, params, state });
  const d = res.attributions.length / n;
  const rows = Array.from({ length: n }, (_, i) => res.attributions.slice(i * d, (i + 1) * d));
  return { rows, extras: (res.extras ?? []) as Record<string, unknown>[], targets };
}

function relativeL2(a: Float32Array, b: Float32Array): number {
  let num = 0;
  let den = 0;
  for (let k = 0; k < a.length; k++) {
    num += (a[k] - b[k]) ** 2;
    den += b[k] ** 2;
  }
  return den === 0 ? (num === 0 ? 0 : Infinity) : Math.sqrt(num / den);
}

const median = (v: number[]) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)];
const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const round = (x: number, digits = 4) => Number(x.toFixed(digits));

/** Relative L2 difference between two settings of one explainer, per sample: median and max. */
async function compareSettings(taskId: string, id: string, n: number, a: Set_, b: Set_) {
  const task = await loadTask(taskId);
  const [x, y] = [await explain(task, id, n, a), await explain(task, id, n, b)];
  const diffs = x.rows.map((r, i) => relativeL2(r, y.rows[i]));
  return {
    task: taskId, explainer: id, a, b, samples: n,
    medianRelL2: round(median(diffs)), maxRelL2: round(Math.max(...diffs)), identical: diffs.filter((v) => v === 0).length,
  };
}

/** LIME on images: do segments and attributions change between run seeds 1 and 2? */
async function limeSeeds(taskId: string, n: number, segmentationSeed: number) {
  const task = await loadTask(taskId);
  const set = { segmentationSeed };
  const [a, b] = [await explain(task, 'lime', n, set, 1), await explain(task, 'lime', n, set, 2)];
  const changed = a.extras.filter((e, i) => JSON.stringify(e.segments) !== JSON.stringify(b.extras[i].segments)).length;
  const rho = a.rows.map((r, i) => spearman(r, b.rows[i])).filter((v): v is number => v !== null);
  return { task: taskId, segmentationSeed, samples: n, segmentationsChanged: changed, meanSpearmanSeed1vsSeed2: round(mean(rho)) };
}

/** RC and PRA over the true weights' top 25% against over all features, per explainer. */
async function topKvsAll(taskId: string, ids: readonly string[], n: number) {
  const task = await loadTask(taskId);
  const gt = task.groundTruth;
  if (!gt || gt.kind !== 'features' || !gt.coefficients) throw new Error(`${taskId} has no coefficients`);
  const out = [];
  for (const id of ids) {
    const { rows, targets } = await explain(task, id, n, {});
    const per = rows.map((a, i) => {
      // As runner/run-unit.ts: signed towards the target, in standardised units.
      const w = Float32Array.from(gt.coefficients!, (c, j) => (targets[i] === 1 ? 1 : -1) * c * (task.scale ? task.scale.std[j] : 1));
      const order = Array.from(w.keys()).sort((p, q) => Math.abs(w[q]) - Math.abs(w[p]) || p - q);
      const top = order.slice(0, Math.ceil(0.25 * w.length));
      return {
        rcTop: weightRankCorrelation(a, w, top), rcAll: weightRankCorrelation(a, w, order),
        praTop: pairwiseAgreement(a, w, top), praAll: pairwiseAgreement(a, w, order),
      };
    });
    const m = (k: keyof (typeof per)[number]) => {
      const v = per.map((p) => p[k]).filter((x): x is number => x !== null);
      return v.length ? round(mean(v)) : null;
    };
    out.push({ task: taskId, explainer: id, samples: n, rcTopK: m('rcTop'), rcAll: m('rcAll'), praTopK: m('praTop'), praAll: m('praAll') });
  }
  return out;
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--samples');
  const n = at > 0 ? Number(process.argv[at + 1]) : 16;
  const backend = await useBackend('wasm');
  const cnns = ['mnist-cnn', 'mnist-cnn-deep', 'synth-pattern-cnn'];
  const lrpBias = [];
  const lrpTies = [];
  for (const t of cnns) {
    lrpBias.push(await compareSettings(t, 'lrp', n, { composite: 'epsilon-plus-flat' }, { composite: 'epsilon-plus-flat', plusBias: false }));
    lrpBias.push(await compareSettings(t, 'lrp', n, { composite: 'epsilon-plus-flat', rules: 'conv_1:wsquare' }, { composite: 'epsilon-plus-flat', rules: 'conv_1:wsquare', plusBias: false }));
    for (const composite of ['epsilon-gamma-box', 'epsilon-plus-flat', 'epsilon-alpha2beta1']) {
      lrpTies.push(await compareSettings(t, 'lrp', n, { composite }, { composite, maxPoolTies: 'first' }));
    }
  }
  const limeN = Math.min(n, 16);
  const lime = [await limeSeeds('mnist-cnn', limeN, 42), await limeSeeds('mnist-cnn', limeN, -1)];
  const agreement = [];
  for (const t of ['synth-linear-mlp', 'hiring-biased-mlp', 'hiring-fair-mlp']) agreement.push(...(await topKvsAll(t, ['gradient', 'gradient-x-input', 'integrated-gradients', 'occlusion', 'lrp'], 4 * n)));
  const report = { backend, samples: n, lrpBias, lrpTies, lime, agreement };
  mkdirSync('tools/bench/results', { recursive: true });
  writeFileSync('tools/bench/results/reference-differences.json', `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

await main();
