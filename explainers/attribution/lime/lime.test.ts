import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../../core/backend.js';
import { makeBatch } from '../../../core/batch.js';
import { isUserError } from '../../../core/errors.js';
import { rngFor } from '../../../core/rng.js';
import { contextFor, imageTask, linearImageModel, runExplainer, tabularTask, tinyConvNet } from '../../../test/helpers/explainer-fixtures.js';
import { linearSoftmax } from '../../../test/helpers/tiny-models.js';
import { binOf } from './quartile-discretiser.js';
import { limeExplainer as lime } from './lime.js';
import { submodularPick } from './submodular-pick.js';
import { tabularNeighbourhood } from './tabular-neighbourhood.js';
import { quartileBins } from './quartile-discretiser.js';

beforeAll(async () => {
  await useBackend('wasm');
});

/** 8 features, 2 classes; only features 1 and 5 matter (logit of class 1 = 2 x1 - 1.5 x5). */
const RELEVANT = [1, 5];
async function sparseLinear() {
  const w = Array.from({ length: 8 }, (_, k) => [0, k === 1 ? 2 : k === 5 ? -1.5 : 0]);
  return linearSoftmax(w, [0, 0]);
}
function gaussianRows(n: number, d: number, seed: number) {
  const rng = rngFor(seed, 'rows');
  return makeBatch(Float32Array.from({ length: n * d }, () => rng.normal()), [d]);
}

describe('lime (tabular)', () => {
  it("recovers a sparse linear model's relevant features, costs exactly `samples` passes, and leaks nothing", async () => {
    const model = await sparseLinear();
    const task = tabularTask({ features: 8, background: gaussianRows(200, 8, 1) });
    const ctx = contextFor(model, task);
    const x = gaussianRows(3, 8, 2);
    const before = tf.memory().numTensors;
    const passes = ctx.engine.passes().forwardPasses;
    const a = await runExplainer(lime, ctx, x, Int32Array.from([1, 1, 0]), { samples: 600 });
    expect(ctx.engine.passes().forwardPasses - passes).toBe(3 * 600);
    expect(tf.memory().numTensors).toBe(before);
    for (let i = 0; i < 3; i++) {
      const attr = Array.from(a.attributions.subarray(i * 8, i * 8 + 8), Math.abs);
      const top = attr.map((v, k) => [v, k]).sort((p, q) => q[0] - p[0]).slice(0, 2).map(([, k]) => k);
      expect(top.sort()).toEqual(RELEVANT);
      const e = a.extras![i];
      // Discretised LIME fits a sigmoid with in-bin indicators: a partial fit, better than the constant
      // (R^2 0.06-0.58 here). It is lowest where the relevant features sit in inner quartile bins, whose
      // indicators are not monotone in the feature.
      expect(e.score as number).toBeGreaterThan(0);
      expect(e.score as number).toBeLessThanOrEqual(1);
      expect(Math.abs((e.localPrediction as number) - (e.prediction as number))).toBeLessThan(0.25);
      // Every feature gets a weight (K = 10 > 8 features: highest_weights keeps all), named by its bin.
      const feats = e.features as { feature: number; name: string; weight: number }[];
      expect(feats.length).toBe(8);
      expect(feats[0].name).toMatch(/f[15]/);
    }
    // Explaining class 0 instead flips the signs of a 2-class softmax's weights.
    const a0 = await runExplainer(lime, ctx, makeBatch(x.data.slice(0, 8), [8]), Int32Array.from([0]), { samples: 600 });
    expect(Math.sign(a0.attributions[1])).toBe(-Math.sign(a.attributions[1]));
  });

  it('is identical under the same seed and varies with the seed (LIME is random)', async () => {
    const model = await sparseLinear();
    const task = tabularTask({ features: 8, background: gaussianRows(100, 8, 1) });
    const x = gaussianRows(1, 8, 3);
    const run = (seed: number) => runExplainer(lime, contextFor(model, task, seed), x, Int32Array.from([1]), { samples: 300 });
    const [a, b, c] = [await run(1), await run(1), await run(2)];
    expect(Array.from(a.attributions)).toEqual(Array.from(b.attributions));
    expect(Array.from(a.attributions)).not.toEqual(Array.from(c.attributions));
  });

  it('samples bins with training frequencies; a sample is 1 exactly where its value falls in the instance bin', () => {
    const rng = rngFor(4, 'bg');
    const cols = [
      Array.from({ length: 400 }, () => rng.normal()),
      Array.from({ length: 400 }, () => (rng.next() < 0.7 ? 0 : 1 + rng.next())),
    ];
    const bins = cols.map(quartileBins);
    const x = [0.1, 0];
    const nb = tabularNeighbourhood(x, bins, 2000, rngFor(4, 'nb'));
    expect(Array.from(nb.inputs.subarray(0, 2))).toEqual([Math.fround(0.1), 0]);
    expect(Array.from(nb.masks.subarray(0, 2))).toEqual([1, 1]);
    let same0 = 0;
    let disagree = 0;
    for (let i = 1; i < 2000; i++) {
      for (let k = 0; k < 2; k++) {
        const inBin = binOf(bins[k].quartiles, nb.inputs[i * 2 + k]) === nb.instanceBins[k];
        if (nb.masks[i * 2 + k] !== (inBin ? 1 : 0)) disagree++;
      }
      same0 += nb.masks[i * 2];
    }
    expect(disagree).toBe(0);
    // x0 = 0.1 is in the second quartile bin of a normal column: frequency 1/4.
    expect(Math.abs(same0 / 1999 - 0.25)).toBeLessThan(0.04);
    // The second column's zeros (70%) all sit in bin 0 (min = max = 0): those draws are exactly 0.
    const zeros = Array.from({ length: 1999 }, (_, i) => nb.inputs[(i + 1) * 2 + 1]).filter((v) => v === 0).length;
    expect(Math.abs(zeros / 1999 - 0.7)).toBeLessThan(0.04);
  });

  it('needs background data, and SP-LIME picks K distinct instances with the reference coverage', async () => {
    const model = await sparseLinear();
    let err: unknown;
    try {
      await runExplainer(lime, contextFor(model, tabularTask({ features: 8 })), gaussianRows(1, 8, 2), Int32Array.from([1]));
    } catch (e) {
      err = e;
    }
    expect(isUserError(err)).toBe(true);

    const task = tabularTask({ features: 8, background: gaussianRows(100, 8, 1) });
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const a = await runExplainer(
      lime,
      contextFor(model, task),
      gaussianRows(5, 8, 6),
      Int32Array.from([1, 1, 1, 1, 1]),
      { samples: 200, numFeatures: 3, pick: 2 },
      ids,
    );
    const pick = a.extras![0].pick as {
      instances: string[];
      indices: number[];
      coverage: number;
      features: { name: string; importance: number }[];
    };
    expect(pick.instances.length).toBe(2);
    expect(new Set(pick.instances).size).toBe(2);
    expect(pick.instances).toEqual(pick.indices.map((j) => ids[j]));
    for (const e of a.extras!) expect(e.pick).toEqual(pick);
    // Recompute the reference's coverage from the explanations as they were returned.
    const exps = a.extras!.map((e) => (e.features as { name: string; weight: number }[]).map(({ name, weight }) => ({ name, weight })));
    expect(submodularPick(exps, 2).indices).toEqual(pick.indices);
    const importance = new Map<string, number>();
    for (const exp of exps) for (const { name, weight } of exp) importance.set(name, (importance.get(name) ?? 0) + Math.abs(weight));
    const covered = new Set(pick.indices.flatMap((j) => exps[j].filter((f) => f.weight !== 0).map((f) => f.name)));
    const want = [...covered].reduce((s, n) => s + Math.sqrt(importance.get(n)!), 0);
    expect(pick.coverage).toBeCloseTo(want, 10);
  });
});

describe('lime (images)', () => {
  /** Class 1's logit is 4 x the sum of the top-left 3x3 quadrant of a 6x6 image. */
  async function quadrantModel() {
    const w = Array.from({ length: 36 }, (_, p) => [0, Math.floor(p / 6) < 3 && p % 6 < 3 ? 4 / 9 : 0, 0]);
    return linearImageModel(6, 6, 3, w, [0, -2, 0]);
  }

  it('gives the relevant grid cell the largest weight, painted on all its pixels, at `samples` passes', async () => {
    const model = await quadrantModel();
    const ctx = contextFor(model, imageTask({ height: 6, width: 6 }));
    const x = makeBatch(Float32Array.from({ length: 36 }, (_, p) => 0.5 + 0.4 * Math.sin(p)), [6, 6, 1]);
    const before = tf.memory().numTensors;
    const passes = ctx.engine.passes().forwardPasses;
    const a = await runExplainer(lime, ctx, x, Int32Array.from([1]), { segmentation: 'grid', cell: 3, samples: 200, hideColor: '0' });
    expect(ctx.engine.passes().forwardPasses - passes).toBe(200);
    expect(tf.memory().numTensors).toBe(before);
    const e = a.extras![0];
    expect(e.segmentCount).toBe(4);
    const feats = e.features as { feature: number; weight: number }[];
    expect(feats[0].feature).toBe(0);
    expect(feats[0].weight).toBeGreaterThan(0.1);
    const segs = e.segments as number[];
    segs.forEach((s, p) => expect(a.attributions[p]).toBe(Math.fround(feats.find((f) => f.feature === s)!.weight)));
  });

  it("segments with quickshift by default (digit-sized kernel 1) and reports the surrogate's fit", async () => {
    const model = await tinyConvNet();
    const ctx = contextFor(model, imageTask({ height: 6, width: 6 }));
    const xs = new Float32Array(36);
    for (let r = 0; r < 6; r++) for (let c = 0; c < 6; c++) xs[r * 6 + c] = c < 3 ? 0.9 : 0.1;
    const a = await runExplainer(lime, ctx, makeBatch(xs, [6, 6, 1]), Int32Array.from([2]), { samples: 64 });
    const e = a.extras![0];
    const segs = e.segments as number[];
    expect(segs.length).toBe(36);
    expect(new Set(segs).size).toBe(e.segmentCount);
    expect(Math.max(...segs)).toBe((e.segmentCount as number) - 1);
    expect(e.score as number).toBeLessThanOrEqual(1);
    for (const k of ['score', 'localPrediction', 'intercept', 'prediction']) expect(Number.isFinite(e[k] as number)).toBe(true);
    expect(e.samples).toBe(64);
    expect(e.kernelWidth).toBe(0.25);
  });

  it('fixes the quickshift noise by default (segments do not follow the run seed) but still samples with the run seed', async () => {
    const model = await linearImageModel(14, 14, 2, Array.from({ length: 196 }, (_, p) => [0, Math.sin(p)]), [0, 0]);
    // A flat background with a full quickshift window (kernel 1: 7x7) inside it: the densities tie
    // there, so only the noise decides the links, as on MNIST's black borders.
    const xs = new Float32Array(196);
    for (const p of [90, 91, 104, 105]) xs[p] = 0.8;
    const x = makeBatch(xs, [14, 14, 1]);
    const run = (seed: number, set: Record<string, number> = {}) =>
      runExplainer(
        lime,
        contextFor(model, imageTask({ height: 14, width: 14, classes: ['a', 'b'] }), seed),
        x,
        Int32Array.from([1]),
        { samples: 64, ...set },
      );
    const segs = (r: Awaited<ReturnType<typeof run>>) => r.extras![0].segments as number[];
    const [a, b] = [await run(1), await run(2)];
    expect(segs(a)).toEqual(segs(b));
    expect(Array.from(a.attributions)).not.toEqual(Array.from(b.attributions));
    // Tied to the run seed (-1), the flat background segments differently under different seeds.
    const tied = await Promise.all([1, 2, 3, 4].map((seed) => run(seed, { segmentationSeed: -1 })));
    expect(new Set(tied.map((r) => JSON.stringify(segs(r)))).size).toBeGreaterThan(1);
  });

  it('refuses SP-LIME over image-specific superpixels', async () => {
    const model = await quadrantModel();
    const ctx = contextFor(model, imageTask({ height: 6, width: 6 }));
    let err: unknown;
    try {
      await runExplainer(lime, ctx, makeBatch(new Float32Array(36), [6, 6, 1]), Int32Array.from([1]), { pick: 1 });
    } catch (e) {
      err = e;
    }
    expect(isUserError(err)).toBe(true);
    expect((err as Error).message).toMatch(/lime\.pick/);
  });
});
