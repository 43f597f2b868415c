import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Batch, makeBatch } from '../../core/batch.js';
import { useBackend } from '../../core/backend.js';
import { defaults } from '../../core/params.js';
import { rngFor } from '../../core/rng.js';
import { gradientExplainer } from '../../explainers/attribution/gradient.js';
import { gradientXInputExplainer } from '../../explainers/attribution/gradient-x-input.js';
import { randomExplainer } from '../../explainers/attribution/random.js';
import type { AttributionExplainer } from '../../explainers/types.js';
import { linearSoftmax, reluMlp } from '../../test/helpers/tiny-models.js';
import { attributionInput, metricContext, tabularTask } from '../../test/helpers/metric-context.js';
import { contextWithExplainer, countingExplainer, explainedInput, inputItselfExplainer } from '../../test/helpers/re-explainer.js';
import { avgSensitivity } from './avg-sensitivity.js';
import { addNoise } from './input-noise.js';
import { localLipschitz } from './local-lipschitz.js';
import { maxSensitivity } from './max-sensitivity.js';
import { mprt } from '../sanity/mprt.js';
import { randomLogit } from '../sanity/random-logit.js';
import { NO_EXPLAINER } from '../common/re-explain.js';
import { ris } from './ris.js';
import { ros } from './ros.js';
import { runToRun } from './run-to-run.js';
import type { AttributionMetric, MetricContext, MetricValue, ReExplainer } from '../types.js';
import type { Model } from '../../core/model.js';
import type { ParamSpecs, ParamValues } from '../../core/params.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const D = 5;
const C = 3;
const N = 3;
const task = tabularTask(D, C);
/** Column 0 has |w_j| = 0.7 for every j: then ||w_0 (.) v|| = 0.7 ||v|| for any v. */
const W = [
  [0.7, 0.2, -0.5],
  [-0.7, 0.9, 0.1],
  [0.7, -0.3, 0.4],
  [-0.7, 0.5, -0.8],
  [0.7, 0.1, 0.6],
];
const data = Float32Array.from([0.5, -1, 1.5, 0.8, -0.3, 1.2, 0.4, -0.9, 2, 1, -0.6, 0.7, 0.9, -1.4, 0.35]);
const batch: Batch = makeBatch(data, [D]);
const targets = [0, 0, 0];

type AnyMetric = AttributionMetric<ParamSpecs>;
async function run(
  metric: AnyMetric,
  ctx: MetricContext,
  explained: Awaited<ReturnType<typeof explainedInput>>,
  over: Record<string,
  unknown> = {},
) {
  const out = await metric.evaluate(ctx, explained, { ...defaults(metric.params), ...over } as ParamValues<ParamSpecs>);
  return (Array.isArray(out) ? out : out.values) as MetricValue[];
}

async function setup(model: Model, explainer: AttributionExplainer<any, any>, seed = 1, metricId = 'm') { // eslint-disable-line @typescript-eslint/no-explicit-any
  const ctx = contextWithExplainer(model, task, explainer, { seed, metricId });
  const input = await explainedInput(ctx, batch, targets);
  return { ctx, input };
}

const dist = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.sqrt(Array.from(a).reduce((s, v, j) => s + (v - b[j]) ** 2, 0));
const norm = (a: ArrayLike<number>) => Math.sqrt(Array.from(a).reduce((s, v) => s + v * v, 0));
const argmax = (v: ArrayLike<number>) => Array.from(v).reduce((b, x, j, arr) => (x > arr[b] ? j : b), 0);

/**
 * The slow reference: each perturbation drawn and re-explained on its own (one explain call each), its
 * ratio computed from the plain formula; then max or mean.
 */
async function slowReference(
  ctx: MetricContext & { explainer: ReExplainer },
  metricId: string,
  input: Awaited<ReturnType<typeof explainedInput>>,
  o: { samples: number; noise: 'gaussian' | 'uniform'; scale: number; sameClass: boolean; aggregate: 'max' | 'mean'; stream?: string },
  ratio: (c: { a: Float32Array; ap: Float32Array; x: Float32Array; xp: Float32Array; h: Float32Array; hp: Float32Array }) => number,
): Promise<(number | null)[]> {
  const out: (number | null)[] = [];
  for (let i = 0; i < input.batch.n; i++) {
    const x = input.batch.data.slice(i * D, (i + 1) * D);
    const a = input.attributions.slice(i * D, (i + 1) * D);
    const h = ctx.engine.outputs(makeBatch(x, [D]), 'logit');
    // Metrics sharing a perturbation scheme draw from its stream and re-explain under its name.
    const rng = o.stream ? ctx.sharedRng!(input.sampleIds[i], `noise/${o.stream}`) : ctx.rng(input.sampleIds[i], 'noise');
    const ratios: number[] = [];
    for (let k = 0; k < o.samples; k++) {
      const xp = new Float32Array(D);
      addNoise(x, xp, rng, o.noise, o.scale);
      const hp = ctx.engine.outputs(makeBatch(xp, [D]), 'logit');
      if (o.sameClass && argmax(hp) !== argmax(h)) continue;
      const ap = await ctx.explainer.explain(makeBatch(xp, [D]), Int32Array.of(input.targets[i]), [`${input.sampleIds[i]}#p${k}`], { salt: o.stream ?? metricId });
      ratios.push(ratio({ a, ap, x, xp, h, hp }));
    }
    if (ratios.length === 0) out.push(null);
    else out.push(o.aggregate === 'max' ? Math.max(...ratios) : ratios.reduce((s, v) => s + v, 0) / ratios.length);
  }
  return out;
}

function expectClose(fast: MetricValue[], slow: (number | null)[], digits = 6) {
  expect(fast.length).toBe(slow.length);
  fast.forEach((v, i) => {
    if (slow[i] === null) expect(typeof v).not.toBe('number');
    else expect(v as number).toBeCloseTo(slow[i] as number, digits);
  });
}

describe('stability metrics: known answers on a linear model', () => {
  it('are exactly 0 for the gradient (constant attributions), with one batched explain call each', async () => {
    const model = await linearSoftmax(W, [0.1, 0, -0.1]);
    const { ctx, input } = await setup(model, gradientExplainer);
    for (const metric of [localLipschitz, maxSensitivity, avgSensitivity, ris, ros] as AnyMetric[]) {
      const counting = countingExplainer(ctx.explainer);
      const v = await run(metric, { ...ctx, explainer: counting }, input, { samples: 20 });
      expect(v, metric.id).toEqual([0, 0, 0]);
      expect(counting.calls, metric.id).toBe(1);
    }
    model.dispose();
  });

  it('gradient x input: Lipschitz = |w| when all |w_j| are equal, RIS = 1 (both variants)', async () => {
    const model = await linearSoftmax(W, [0.1, 0, -0.1]);
    const { ctx, input } = await setup(model, gradientXInputExplainer);
    const ll = await run(localLipschitz as AnyMetric, ctx, input, { samples: 30, normalise: 'none' });
    for (const v of ll) expect(v as number).toBeCloseTo(0.7, 5);
    // a = w (.) x: the relative change of a equals the relative change of x, norm-wise and element-wise.
    for (const relative of ['norm', 'element']) {
      const r = await run(ris as AnyMetric, ctx, input, { samples: 30, relative, sameClass: false });
      for (const v of r) expect(v as number, relative).toBeCloseTo(1, 3);
    }
    model.dispose();
  });

  it('the input itself: Lipschitz = 1, sensitivity = ||x - x\'|| / ||x||, RIS = 1', async () => {
    const model = await linearSoftmax(W, [0.1, 0, -0.1]);
    const { ctx, input } = await setup(model, inputItselfExplainer);
    const ll = await run(localLipschitz as AnyMetric, ctx, input, { samples: 10, normalise: 'none' });
    for (const v of ll) expect(v as number).toBeCloseTo(1, 6);
    const r = await run(ris as AnyMetric, ctx, input, { samples: 10, sameClass: false });
    for (const v of r) expect(v as number).toBeCloseTo(1, 4);
    // Uniform noise of half-width s on D elements: ||x - x'|| <= s sqrt(D).
    const ms = await run(maxSensitivity as AnyMetric, ctx, input, { samples: 50, scale: 0.2 });
    ms.forEach((v, i) => {
      expect(v as number).toBeGreaterThan(0);
      expect(v as number).toBeLessThanOrEqual((0.2 * Math.sqrt(D)) / norm(data.subarray(i * D, (i + 1) * D)) + 1e-6);
    });
    model.dispose();
  });
});

describe('stability metrics: the batched implementation equals the slow one-call-per-perturbation reference', () => {
  const w1 = Array.from({ length: D }, (_, j) => Array.from({ length: 6 }, (_, k) => Math.sin(1.3 * j + 0.7 * k + 0.2)));
  const w2 = Array.from({ length: 6 }, (_, k) => Array.from({ length: C }, (_, c) => Math.cos(0.9 * k - 1.1 * c)));
  const mlp = () => reluMlp(w1, [0.1, -0.2, 0.05, 0, 0.3, -0.1], w2, [0.05, 0, -0.05]);

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  for (const explainer of [gradientXInputExplainer, randomExplainer] as AttributionExplainer<any, any>[]) {
    it(`local-lipschitz, max/avg-sensitivity (${explainer.id})`, async () => {
      const model = await mlp();
      const { ctx, input } = await setup(model, explainer, 3, 'm');
      const maxAbs = (v: Float32Array) => Math.max(...Array.from(v, Math.abs));
      const llSlow = await slowReference(ctx, 'local-lipschitz', input, { samples: 12, noise: 'gaussian', scale: 0.1, sameClass: false, aggregate: 'max' }, (c) => {
        const na = Float32Array.from(c.a, (v) => v / maxAbs(c.a));
        const nb = Float32Array.from(c.ap, (v) => v / maxAbs(c.ap));
        return dist(na, nb) / (dist(c.x, c.xp) + 1e-10);
      });
      expectClose(await run(localLipschitz as AnyMetric, ctx, input, { samples: 12 }), llSlow);
      for (const [metric, aggregate] of [[maxSensitivity, 'max'], [avgSensitivity, 'mean']] as const) {
        const slow = await slowReference(ctx, metric.id, input, { samples: 12, noise: 'uniform', scale: 0.2, sameClass: false, aggregate, stream: 'yeh-sensitivity' }, (c) => dist(c.a, c.ap) / norm(c.a));
        expectClose(await run(metric as AnyMetric, ctx, input, { samples: 12 }), slow);
      }
      model.dispose();
    });

    it(`ris and ros, same-class perturbations only (${explainer.id})`, async () => {
      const model = await mlp();
      const { ctx, input } = await setup(model, explainer, 3, 'm');
      // Large noise so that some copies change class and are dropped.
      const o = { samples: 15, noise: 'gaussian' as const, scale: 0.8, sameClass: true, aggregate: 'max' as const, stream: 'relative-stability' };
      const rel = (u: ArrayLike<number>, v: ArrayLike<number>) => dist(u, v) / norm(u);
      const risSlow = await slowReference(ctx, 'ris', input, o, (c) => rel(c.a, c.ap) / Math.max(rel(c.x, c.xp), 1e-6));
      const rosSlow = await slowReference(ctx, 'ros', input, o, (c) => rel(c.a, c.ap) / Math.max(rel(c.h, c.hp), 1e-6));
      const counting = countingExplainer(ctx.explainer);
      expectClose(await run(ris as AnyMetric, { ...ctx, explainer: counting }, input, { samples: 15, scale: 0.8 }), risSlow, 4);
      // Some copies changed class and were not re-explained at all.
      expect(counting.rows).toBeLessThan(N * 15);
      expect(counting.rows).toBeGreaterThan(0);
      expectClose(await run(ros as AnyMetric, ctx, input, { samples: 15, scale: 0.8 }), rosSlow, 4);
      const elemSlow = await slowReference(ctx, 'ris', input, o, (c) => {
        const r = (u: ArrayLike<number>, v: ArrayLike<number>) => norm(Array.from(u, (x, j) => (x - v[j]) / (x === 0 ? 1e-6 : x)));
        return r(c.a, c.ap) / Math.max(r(c.x, c.xp), 1e-6);
      });
      expectClose(await run(ris as AnyMetric, ctx, input, { samples: 15, scale: 0.8, relative: 'element' }), elemSlow, 4);
      model.dispose();
    });
  }
});

describe('stability metrics: nulls, determinism, leaks', () => {
  it('null with a reason without an explainer, for all-zero attributions, and when every copy changes class', async () => {
    const model = await linearSoftmax(W, [0.1, 0, -0.1]);
    const input = attributionInput(data, [D], targets, new Float32Array(N * D).fill(1), 'logit');
    for (const metric of [localLipschitz, maxSensitivity, ris, runToRun] as AnyMetric[]) {
      const noExplainer = { null: NO_EXPLAINER };
      expect(await run(metric, metricContext(model, task), input)).toEqual([noExplainer, noExplainer, noExplainer]);
    }
    // A zero-weight model explains nothing: the gradient is all zero.
    const zero = await linearSoftmax(W.map((r) => r.map(() => 0)), [0, 0, 0]);
    const z = await setup(zero, gradientExplainer);
    expect((await run(maxSensitivity as AnyMetric, z.ctx, z.input, { samples: 3 }))[0]).toEqual({ null: 'attribution is all zero (relative change undefined)' });
    expect((await run(localLipschitz as AnyMetric, z.ctx, z.input, { samples: 3 }))[0]).toEqual({ null: 'attribution is all zero (cannot normalise by its max)' });
    // Sample 0 sits on a class boundary it cannot keep under huge noise: near-tied logits, noise 50.
    const { ctx, input: ex } = await setup(model, gradientXInputExplainer);
    const wild = await run(ris as AnyMetric, ctx, ex, { samples: 2, scale: 50 });
    expect(wild.some((v) => typeof v !== 'number' && v.null === 'every perturbation changed the predicted class')).toBe(true);
    model.dispose();
    zero.dispose();
  });

  it('same seed same values, another seed other values; no tensors left behind', async () => {
    const model = await linearSoftmax(W, [0.1, 0, -0.1]);
    const before = tf.memory().numTensors;
    const a = await setup(model, randomExplainer, 5);
    const b = await setup(model, randomExplainer, 5);
    const c = await setup(model, randomExplainer, 6);
    for (const metric of [localLipschitz, avgSensitivity, ros, runToRun] as AnyMetric[]) {
      const va = await run(metric, a.ctx, a.input, { samples: 6 });
      expect(await run(metric, b.ctx, b.input, { samples: 6 }), metric.id).toEqual(va);
      expect(await run(metric, c.ctx, c.input, { samples: 6 }), metric.id).not.toEqual(va);
    }
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});

describe('run-to-run', () => {
  it('is exactly 1 for a deterministic explainer and near 0 for the random control, in one call', async () => {
    const model = await linearSoftmax(W, [0.1, 0, -0.1]);
    const g = await setup(model, gradientXInputExplainer);
    const counting = countingExplainer(g.ctx.explainer);
    expect(await run(runToRun as AnyMetric, { ...g.ctx, explainer: counting }, g.input)).toEqual([1, 1, 1]);
    expect(counting.calls).toBe(1);
    expect(counting.rows).toBe(N * 5);
    // The random control on a wider input: independent runs, mean Spearman about 0 (sd ~ 1/sqrt(d) per pair).
    const d = 64;
    const wide = tabularTask(d, 2);
    const rng = rngFor(7, 'wide');
    const wm = await linearSoftmax(Array.from({ length: d }, () => [rng.normal(), rng.normal()]), [0, 0]);
    const ctx = contextWithExplainer(wm, wide, randomExplainer);
    const input = await explainedInput(ctx, makeBatch(Float32Array.from({ length: 4 * d }, () => rng.normal()), [d]), [0, 1, 0, 1]);
    const v = (await run(runToRun as AnyMetric, ctx, input, { runs: 6 })) as number[];
    for (const x of v) expect(Math.abs(x)).toBeLessThan(0.15);
    model.dispose();
    wm.dispose();
  });
});

describe('all stability and sanity metrics with an explainer attached', () => {
  it('one value per sample, never NaN, nulls with reasons, same seed same numbers, no leaks', async () => {
    const rng = rngFor(21, 'all-stability');
    const m = (r: number, k: number) => Array.from({ length: r }, () => Array.from({ length: k }, () => rng.normal()));
    const model = await reluMlp(m(6, 5), [0.1, 0, -0.1, 0.2, 0], m(5, 3), [0, 0.1, 0]);
    const t6 = tabularTask(6, 3);
    const n = 5;
    const x = Float32Array.from({ length: n * 6 }, () => rng.normal());
    const attr = Float32Array.from({ length: n * 6 }, () => rng.normal());
    attr.fill(0, 6, 12); // sample 1: all zero
    attr[2 * 6 + 3] = NaN; // sample 2: broken
    attr.fill(0.5, 18, 24); // sample 3: constant
    const input = attributionInput(x, [6], [0, 1, 2, 0, 1], attr, 'logit');
    const before = tf.memory().numTensors;
    for (const metric of [localLipschitz, maxSensitivity, avgSensitivity, ris, ros, runToRun, mprt, randomLogit] as AnyMetric[]) {
      const p = { ...defaults(metric.params), ...('samples' in metric.params ? { samples: 8 } : {}) };
      const ctx = () => contextWithExplainer(model, t6, randomExplainer, { seed: 3, metricId: metric.id });
      const a = await run(metric, ctx(), input, p);
      const b = await run(metric, ctx(), input, p);
      expect(a, metric.id).toEqual(b);
      expect(a.length, metric.id).toBe(n);
      for (const v of a) {
        if (typeof v === 'number') expect(Number.isFinite(v), metric.id).toBe(true);
        else expect(v.null.length, metric.id).toBeGreaterThan(0);
      }
      expect(a[2], metric.id).toEqual({ null: 'attribution has non-finite values' });
      expect(typeof a[0], metric.id).toBe('number');
    }
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
