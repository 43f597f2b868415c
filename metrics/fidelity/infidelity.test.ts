import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { UserError } from '../../core/errors.js';
import { defaults, resolveParams } from '../../core/params.js';
import { type Rng, rngFor } from '../../core/rng.js';
import { linearSoftmax, reluMlp } from '../../test/helpers/tiny-models.js';
import { attributionInput, metricContext, tabularTask } from '../../test/helpers/metric-context.js';
import { completenessGap } from '../completeness/completeness-gap.js';
import { infidelity, infidelityOf } from './infidelity.js';
import type { MetricValue } from '../types.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const P = defaults(infidelity.params);
const matrix = (rng: Rng, r: number, c: number) => Array.from({ length: r }, () => Array.from({ length: c }, () => rng.normal()));

describe('infidelity', () => {
  it('computes the mean squared error, and the beta-normalised form by hand', () => {
    // s = [1, 2], df = [1, 3]: plain ((0)^2 + (1)^2) / 2; beta = (1 + 6) / (1 + 4) = 1.4 -> ((0.4)^2 + (0.2)^2) / 2.
    expect(infidelityOf([1, 2], [1, 3], false)).toBeCloseTo(0.5, 12);
    expect(infidelityOf([1, 2], [1, 3], true)).toBeCloseTo((0.16 + 0.04) / 2, 12);
    // s = 0: beta = 0 (Captum's safe_div), the error of predicting no change: (1 + 9) / 2.
    expect(infidelityOf([0, 0], [1, 3], true)).toBeCloseTo(5, 12);
    // Scale-free: s x 1000 (and s / 1000) give the same normalised value, not the same raw one.
    expect(infidelityOf([1000, 2000], [1, 3], true)).toBeCloseTo(0.1, 12);
    expect(infidelityOf([0.001, 0.002], [1, 3], true)).toBeCloseTo(0.1, 12);
    expect(infidelityOf([1000, 2000], [1, 3], false)).toBeCloseTo((999 ** 2 + 1997 ** 2) / 2, 6);
  });

  it('defaults to the normalised form: attributions x 1000 score the same, a tiny attribution no better', async () => {
    expect(P.normalise).toBe(true);
    const rng = rngFor(14, 'infidelity-scale');
    const d = 4;
    const model = await reluMlp(matrix(rng, d, 5), [0.1, 0, -0.2, 0.3, 0], matrix(rng, 5, 2), [0, 0.1]);
    const task = tabularTask(d, 2);
    const data = Float32Array.from({ length: 2 * d }, () => rng.normal());
    const attr = Float32Array.from({ length: 2 * d }, () => rng.normal());
    const run = (a: Float32Array, p = P) => infidelity.evaluate(metricContext(model, task), attributionInput(data, [d], [0, 1], a, 'logit'), p) as number[];
    const base = run(attr);
    const big = run(attr.map((v) => 1000 * v));
    const tiny = run(attr.map((v) => 1e-6 * v));
    base.forEach((v, i) => {
      expect(big[i]).toBeCloseTo(v, 6);
      expect(tiny[i]).toBeCloseTo(v, 6);
    });
    // Unnormalised, the tiny attribution would win over the same direction at scale 1000.
    const raw = { ...P, normalise: false };
    run(attr.map((v) => 1e-6 * v), raw).forEach((v, i) => expect(v).toBeLessThan(run(attr.map((u) => 1000 * u), raw)[i]));
    model.dispose();
  });

  it('identity: with I = x - baseline it is the squared absolute completeness gap', async () => {
    const rng = rngFor(12, 'infidelity-identity');
    const d = 5;
    const model = await reluMlp(matrix(rng, d, 6), [0.1, 0, -0.2, 0.3, 0, 0.1], matrix(rng, 6, 3), [0, 0.2, -0.1]);
    const baseline = Float32Array.from({ length: d }, () => rng.normal() * 0.3);
    const task = tabularTask(d, 3, baseline);
    const n = 4;
    const data = Float32Array.from({ length: n * d }, () => rng.normal());
    const attr = Float32Array.from({ length: n * d }, () => rng.normal());
    const targets = [0, 1, 2, 1];
    for (const output of ['logit', 'probability'] as const) {
      const input = attributionInput(data, [d], targets, attr, output);
      const gap = completenessGap.evaluate(metricContext(model, task), input, { ...defaults(completenessGap.params), form: 'absolute' }) as number[];
      const ctx = metricContext(model, task);
      const inf = infidelity.evaluate(ctx, input, { ...P, perturbation: 'baseline', multiplyByInputs: true, normalise: false }) as number[];
      expect(ctx.engine.passes().forwardPasses).toBe(2 * n); // x and x - I per sample, one call
      inf.forEach((v, i) => expect(v).toBeCloseTo(gap[i] ** 2, 6));
      // Per-unit attributions: the same identity for the attribution a * (x - b).
      const times = attr.map((a, k) => a * (data[k] - baseline[k % d]));
      const gap2 = completenessGap.evaluate(metricContext(model, task), attributionInput(data, [d], targets, times, output), {
        ...defaults(completenessGap.params),
        form: 'absolute',
      }) as number[];
      const inf2 = infidelity.evaluate(metricContext(model, task), input, { ...P, perturbation: 'baseline', normalise: false }) as number[];
      inf2.forEach((v, i) => expect(v).toBeCloseTo(gap2[i] ** 2, 6));
      // Normalised, one perturbation is fitted exactly: refused rather than reported as 0.
      expect(() => infidelity.evaluate(metricContext(model, task), input, { ...P, perturbation: 'baseline' })).toThrow(UserError);
      // ... and before any work, by the declared check, when the parameters resolve.
      expect(() => resolveParams(infidelity.params, { perturbation: 'baseline' }, 'infidelity')).toThrow(
        /^--set infidelity\.perturbation=baseline infidelity\.normalise=true: expected normalise=false with perturbation=baseline/,
      );
      expect(resolveParams(infidelity.params, { perturbation: 'baseline', normalise: 'false' }, 'infidelity').normalise).toBe(false);
    }
    model.dispose();
  });

  it('is 0 for the gradient of a linear model on logits, and matches a slow reference otherwise', async () => {
    const rng = rngFor(13, 'infidelity-linear');
    const d = 6;
    const w = matrix(rng, d, 2);
    const model = await linearSoftmax(w, [0.3, -0.3]);
    const task = tabularTask(d, 2);
    const n = 3;
    const data = Float32Array.from({ length: n * d }, () => rng.normal());
    const targets = [0, 1, 0];
    const grad = Float32Array.from({ length: n * d }, (_, k) => w[k % d][targets[Math.floor(k / d)]]);
    const p = { ...P, samples: 30, sigma: 0.2, output: 'logit' as const, normalise: false };
    const exact = infidelity.evaluate(metricContext(model, task), attributionInput(data, [d], targets, grad, 'logit'), p) as number[];
    for (const v of exact) expect(v).toBeLessThan(1e-9);

    const doubled = grad.map((v) => 2 * v);
    const ctx = metricContext(model, task);
    const got = infidelity.evaluate(ctx, attributionInput(data, [d], targets, doubled, 'logit'), p) as number[];
    for (let i = 0; i < n; i++) {
      // (2 w.I - w.I)^2 = (w.I)^2, with the same seeded perturbations.
      const noise = ctx.rng(`s${i}`, 'infidelity-perturbations');
      let loss = 0;
      for (let r = 0; r < p.samples; r++) {
        let dot = 0;
        for (let j = 0; j < d; j++) {
          const x = data[i * d + j];
          dot += w[j][targets[i]] * (x - Math.fround(x - p.sigma * noise.normal()));
        }
        loss += dot * dot;
      }
      expect(got[i]).toBeCloseTo(loss / p.samples, 5);
      expect(got[i]).toBeGreaterThan(1e-4);
    }
    // Normalised: any rescaling of the gradient, even a sign flip, is judged perfect.
    for (const scale of [2, -0.5]) {
      const scaled = grad.map((v) => scale * v);
      const norm = infidelity.evaluate(metricContext(model, task), attributionInput(data, [d], targets, scaled, 'logit'), { ...p, normalise: true }) as number[];
      for (const v of norm) expect(v).toBeLessThan(1e-9);
    }
    model.dispose();
  });

  it('zero attribution, determinism, no tensor leaks', async () => {
    const model = await linearSoftmax([[1, 0], [0, 1]], [0, 0]);
    const task = tabularTask(2, 2);
    const input = attributionInput(new Float32Array([1, 2, 3, 4]), [2], [0, 1], new Float32Array([0, 0, 1, -1]), 'logit');
    const before = tf.memory().numTensors;
    const a = infidelity.evaluate(metricContext(model, task), input, { ...P, normalise: true }) as MetricValue[];
    // A zero attribution gets beta = 0: the mean squared output change, the same as unnormalised.
    const raw = infidelity.evaluate(metricContext(model, task), input, { ...P, normalise: false }) as MetricValue[];
    expect(a[0] as number).toBeGreaterThan(0);
    expect(a[0] as number).toBeCloseTo(raw[0] as number, 12);
    const b = infidelity.evaluate(metricContext(model, task), input, { ...P, normalise: true }) as MetricValue[];
    const c = infidelity.evaluate(metricContext(model, task, 2), input, { ...P, normalise: true }) as MetricValue[];
    expect(a).toEqual(b);
    expect(a[1]).not.toEqual(c[1]);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
