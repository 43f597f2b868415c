import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { defaults } from '../../core/params.js';
import { type Rng, rngFor } from '../../core/rng.js';
import { UserError } from '../../core/errors.js';
import { type OutputKind, wrapModel } from '../../core/model.js';
import type { TaskView } from '../../datasets/task.js';
import { linearSoftmax, reluMlp } from '../../test/helpers/tiny-models.js';
import { attributionInput, metricContext, tabularTask } from '../../test/helpers/metric-context.js';
import { deletionAuc, deletionCurves } from '../fidelity/deletion-auc.js';
import { insertionAuc, insertionCurves } from '../fidelity/insertion-auc.js';
import { gaussianBlur } from './baselines.js';
import { perturbationCurveParams, rankByAttribution, stepCounts, trapezoidAuc } from './perturbation-curve.js';
import type { MetricContext, MetricValue } from '../types.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const matrix = (rng: Rng, rows: number, cols: number, scale = 1) =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal() * scale));
const vector = (rng: Rng, n: number, scale = 1) => Array.from({ length: n }, () => rng.normal() * scale);
const num = (v: MetricValue) => {
  if (typeof v !== 'number') throw new Error(`expected a number, got null: ${v.null}`);
  return v;
};

/**
 * The definition written out plainly: one engine call per perturbed input, ranking by a fresh sort,
 * each point built from scratch (not from the previous point).
 */
function slowAuc(
  ctx: MetricContext,
  x: Float32Array,
  a: Float32Array,
  base: Float32Array,
  target: number,
  mode: 'deletion' | 'insertion',
  steps: number,
  order: 'signed' | 'absolute',
  output: OutputKind,
): number {
  const d = x.length;
  const K = Math.min(steps, d);
  const score = (j: number) => (order === 'absolute' ? Math.abs(a[j]) : a[j]);
  const ranked = [...Array(d).keys()].sort((p, q) => (score(p) === score(q) ? p - q : score(q) - score(p)));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k <= K; k++) {
    const m = Math.floor((k * d) / K);
    const top = new Set(ranked.slice(0, m));
    const row = new Float32Array(d);
    for (let j = 0; j < d; j++) {
      const perturbed = top.has(j);
      if (mode === 'deletion') row[j] = perturbed ? base[j] : x[j];
      else row[j] = perturbed ? x[j] : base[j];
    }
    const y = ctx.engine.targetOutputs({ n: 1, sampleShape: [d], data: row }, [target], output)[0];
    xs.push(m / d);
    ys.push(y);
  }
  let area = 0;
  for (let k = 1; k < xs.length; k++) area += (xs[k] - xs[k - 1]) * (ys[k] + ys[k - 1]) * 0.5;
  return area;
}

describe('perturbation curve helpers', () => {
  it('ranks by signed or absolute attribution with ties in index order', () => {
    const a = [0.5, -2, 0.5, 1, -2, 0];
    expect(Array.from(rankByAttribution(a, 'signed'))).toEqual([3, 0, 2, 5, 1, 4]);
    expect(Array.from(rankByAttribution(a, 'absolute'))).toEqual([1, 4, 3, 0, 2, 5]);
  });

  it('splits the elements into equal fractions, capped at one element per step', () => {
    expect(stepCounts(10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(stepCounts(7, 3)).toEqual([0, 2, 4, 7]);
    expect(stepCounts(4, 20)).toEqual([0, 1, 2, 3, 4]);
  });

  it('integrates by the trapezoid rule', () => {
    expect(trapezoidAuc([0, 0.5, 1], [1, 1, 1])).toBeCloseTo(1, 12);
    expect(trapezoidAuc([0, 1], [1, 0])).toBeCloseTo(0.5, 12);
    expect(trapezoidAuc([0, 0.25, 1], [0, 1, 1])).toBeCloseTo(0.125 + 0.75, 12);
  });

  it('blurs a constant image to itself and spreads a point symmetrically', () => {
    const flat = new Float32Array(5 * 6 * 2).fill(3);
    expect(Array.from(gaussianBlur(flat, 5, 6, 2, 1.5)).every((v) => Math.abs(v - 3) < 1e-5)).toBe(true);
    const dot = new Float32Array(7 * 7);
    dot[3 * 7 + 3] = 1;
    const b = gaussianBlur(dot, 7, 7, 1, 1);
    expect(b[3 * 7 + 2]).toBeCloseTo(b[3 * 7 + 4], 7);
    expect(b[2 * 7 + 3]).toBeCloseTo(b[3 * 7 + 2], 7);
    expect(b[3 * 7 + 3]).toBeGreaterThan(b[3 * 7 + 2]);
  });
});

describe('deletion-auc and insertion-auc', () => {
  it('match a slow one-call-per-input reference on random small models and attributions', async () => {
    for (let trial = 0; trial < 3; trial++) {
      const rng = rngFor(11, 'curve-oracle', trial);
      const d = 5 + trial * 3;
      const c = 3;
      const model = await reluMlp(matrix(rng, d, 6), vector(rng, 6, 0.1), matrix(rng, 6, c), vector(rng, c, 0.1));
      const baseline = Float32Array.from(vector(rng, d, 0.5));
      const task = tabularTask(d, c, baseline);
      const n = 4;
      const data = Float32Array.from(vector(rng, n * d));
      // Half the samples get integer attributions, so ties occur and tie-breaking is checked too.
      const attr = Float32Array.from({ length: n * d }, (_, k) => (k < (n / 2) * d ? Math.round(rng.normal() * 1.5) : rng.normal()));
      const targets = Array.from({ length: n }, () => rng.int(c));
      for (const output of ['probability', 'logit'] as const) {
        const input = attributionInput(data, [d], targets, attr, output);
        for (const [steps, order] of [[20, 'signed'], [3, 'absolute']] as const) {
          const params = { ...defaults(perturbationCurveParams), steps, order, output };
          const ctx = metricContext(model, task);
          const before = ctx.engine.passes().forwardPasses;
          const del = deletionAuc.evaluate(ctx, input, params) as MetricValue[];
          const ins = insertionAuc.evaluate(ctx, input, params) as MetricValue[];
          const K = Math.min(steps, d);
          expect(ctx.engine.passes().forwardPasses - before).toBe(2 * n * (K + 1));
          for (let i = 0; i < n; i++) {
            const x = data.subarray(i * d, (i + 1) * d);
            const a = attr.subarray(i * d, (i + 1) * d);
            expect(num(del[i])).toBeCloseTo(slowAuc(ctx, x, a, baseline, targets[i], 'deletion', steps, order, output), 5);
            expect(num(ins[i])).toBeCloseTo(slowAuc(ctx, x, a, baseline, targets[i], 'insertion', steps, order, output), 5);
          }
        }
      }
      model.dispose();
    }
  });

  it('exposes the curves: deletion starts at f(x) and ends at f(baseline), insertion the reverse', async () => {
    const model = await linearSoftmax([[1, -1], [2, 0.5], [0, 3]], [0.1, -0.2]);
    const task = tabularTask(3, 2, new Float32Array([0.5, 0.5, 0.5]));
    const ctx = metricContext(model, task);
    const input = attributionInput(new Float32Array([1, 2, 3]), [3], [1], new Float32Array([0.1, 0.3, 0.2]), 'probability');
    const params = defaults(perturbationCurveParams);
    const [del] = deletionCurves(ctx, input, params);
    const [ins] = insertionCurves(ctx, input, params);
    if ('null' in del || 'null' in ins) throw new Error('unexpected null');
    const fx = ctx.engine.targetOutputs(input.batch, [1], 'probability')[0];
    const fb = ctx.engine.targetOutputs({ n: 1, sampleShape: [3], data: task.baseline }, [1], 'probability')[0];
    expect(del.fractions).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect(del.values[0]).toBeCloseTo(fx, 6);
    expect(del.values[3]).toBeCloseTo(fb, 6);
    expect(ins.values[0]).toBeCloseTo(fb, 6);
    expect(ins.values[3]).toBeCloseTo(fx, 6);
    // Element 1 is ranked first: the second deletion point has only x1 at the baseline.
    const x1removed = ctx.engine.targetOutputs({ n: 1, sampleShape: [3], data: new Float32Array([1, 0.5, 3]) }, [1], 'probability')[0];
    expect(del.values[1]).toBeCloseTo(x1removed, 6);
    model.dispose();
  });

  it('rank the exact attribution of a linear model above a seeded random one, on average', async () => {
    const rng = rngFor(5, 'linear-vs-random');
    const d = 10;
    const c = 3;
    const w = matrix(rng, d, c);
    const model = await linearSoftmax(w, vector(rng, c, 0.1));
    const baseline = Float32Array.from(vector(rng, d, 0.3));
    const task = tabularTask(d, c, baseline);
    const ctx = metricContext(model, task);
    const n = 24;
    const data = Float32Array.from(vector(rng, n * d));
    const logits = ctx.engine.outputs({ n, sampleShape: [d], data }, 'logit');
    const targets = Array.from({ length: n }, (_, i) => {
      const row = Array.from(logits.subarray(i * c, (i + 1) * c));
      return row.indexOf(Math.max(...row));
    });
    const exact = new Float32Array(n * d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) exact[i * d + j] = w[j][targets[i]] * (data[i * d + j] - baseline[j]);
    const random = Float32Array.from({ length: n * d }, () => rng.normal());
    const params = defaults(perturbationCurveParams);
    const mean = (vs: MetricValue[]) => vs.reduce((s: number, v) => s + num(v), 0) / vs.length;
    const score = (attr: Float32Array) => {
      const input = attributionInput(data, [d], targets, attr, 'logit');
      const del = mean(deletionAuc.evaluate(ctx, input, params) as MetricValue[]);
      return { del, ins: mean(insertionAuc.evaluate(ctx, input, params) as MetricValue[]) };
    };
    const good = score(exact);
    const bad = score(random);
    expect(good.del).toBeLessThan(bad.del);
    expect(good.ins).toBeGreaterThan(bad.ins);
    model.dispose();
  });

  it('support zero and blur baselines, and refuse blur on a tabular task', async () => {
    const rng = rngFor(3, 'blur');
    const net = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [4, 4, 1] }), tf.layers.dense({ units: 2, activation: 'softmax' })] });
    net.layers[1].setWeights([tf.tensor2d(matrix(rng, 16, 2)), tf.tensor1d([0, 0])]);
    const model = await wrapModel(net, 'image-linear');
    const image: TaskView = { ...tabularTask(16, 2), kind: 'image', sampleShape: [4, 4, 1] };
    const x = Float32Array.from(vector(rng, 16));
    const input = attributionInput(x, [4, 4, 1], [0], Float32Array.from(vector(rng, 16)), 'probability');
    const ctx = metricContext(model, image);
    const [blurred] = deletionCurves(ctx, input, { ...defaults(perturbationCurveParams), baseline: 'blur', blurSigma: 1 });
    if ('null' in blurred) throw new Error('unexpected null');
    const fBlur = ctx.engine.targetOutputs({ n: 1, sampleShape: [4, 4, 1], data: gaussianBlur(x, 4, 4, 1, 1) }, [0], 'probability')[0];
    expect(blurred.values[blurred.values.length - 1]).toBeCloseTo(fBlur, 6);
    const [zero] = deletionCurves(ctx, input, { ...defaults(perturbationCurveParams), baseline: 'zero' });
    if ('null' in zero) throw new Error('unexpected null');
    expect(zero.values[zero.values.length - 1]).toBeCloseTo(0.5, 6); // zero input, zero bias: both logits 0
    const tabCtx = metricContext(model, { ...image, kind: 'tabular' });
    expect(() => deletionAuc.evaluate(tabCtx, input, { ...defaults(perturbationCurveParams), baseline: 'blur' })).toThrow(UserError);
    model.dispose();
  });

  it('return a null with a reason for a non-finite attribution and leave no tensors', async () => {
    const model = await linearSoftmax([[1, -1], [2, 0.5]], [0, 0]);
    const ctx = metricContext(model, tabularTask(2, 2));
    const input = attributionInput(new Float32Array([1, 2, 3, 4]), [2], [0, 1], new Float32Array([NaN, 1, 0.5, 0.2]), 'probability');
    const before = tf.memory().numTensors;
    const v = deletionAuc.evaluate(ctx, input, defaults(perturbationCurveParams)) as MetricValue[];
    expect(tf.memory().numTensors).toBe(before);
    expect(v[0]).toEqual({ null: 'attribution has non-finite values' });
    expect(typeof v[1]).toBe('number');
    model.dispose();
  });
});

