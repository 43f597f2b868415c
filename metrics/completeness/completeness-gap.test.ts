import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { defaults } from '../../core/params.js';
import { rngFor } from '../../core/rng.js';
import { linearSoftmax } from '../../test/helpers/tiny-models.js';
import { attributionInput, metricContext, tabularTask } from '../../test/helpers/metric-context.js';
import { completenessGap, fractionWithinTolerance } from './completeness-gap.js';
import type { MetricValue } from '../types.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const P = defaults(completenessGap.params);

async function linearSetup() {
  const rng = rngFor(8, 'completeness');
  const d = 6;
  const c = 3;
  const w = Array.from({ length: d }, () => Array.from({ length: c }, () => rng.normal()));
  const bias = [0.2, -0.1, 0.3];
  const model = await linearSoftmax(w, bias);
  const baseline = Float32Array.from({ length: d }, () => rng.normal() * 0.5);
  const ctx = metricContext(model, tabularTask(d, c, baseline));
  const n = 4;
  const data = Float32Array.from({ length: n * d }, () => rng.normal());
  const targets = [0, 1, 2, 1];
  const exact = new Float32Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) exact[i * d + j] = w[j][targets[i]] * (data[i * d + j] - baseline[j]);
  // The true logit change, computed here in float64 from the weights.
  const change = targets.map((t, i) => w.reduce((s, row, j) => s + row[t] * (data[i * d + j] - baseline[j]), 0));
  return { model, ctx, d, n, data, targets, exact, change, w, baseline, bias };
}

describe('completeness-gap', () => {
  it('is about 0 for the exact attribution of a linear model on logits, in one engine call', async () => {
    const { model, ctx, d, n, data, targets, exact } = await linearSetup();
    const input = attributionInput(data, [d], targets, exact, 'logit');
    const rel = completenessGap.evaluate(ctx, input, P) as number[];
    const abs = completenessGap.evaluate(ctx, input, { ...P, form: 'absolute' }) as number[];
    expect(ctx.engine.passes().forwardPasses).toBe(2 * (n + 1));
    for (const v of [...rel, ...abs]) expect(v).toBeLessThan(1e-5);
    expect(fractionWithinTolerance(rel, P.tolerance)).toBe(1);
    model.dispose();
  });

  it('measures a known wrong attribution: twice the exact one misses by |change|, relative 1', async () => {
    const { model, ctx, d, data, targets, exact, change } = await linearSetup();
    const doubled = exact.map((v) => 2 * v);
    const input = attributionInput(data, [d], targets, doubled, 'logit');
    const abs = completenessGap.evaluate(ctx, input, { ...P, form: 'absolute' }) as number[];
    const rel = completenessGap.evaluate(ctx, input, P) as number[];
    abs.forEach((v, i) => expect(v).toBeCloseTo(Math.abs(change[i]), 4));
    rel.forEach((v) => expect(v).toBeCloseTo(1, 4));
    expect(fractionWithinTolerance(rel, 0.01)).toBe(0);
    model.dispose();
  });

  it("uses the explainer's reference output when given, and the declared output", async () => {
    const { model, ctx, d, n, data, targets, exact, change } = await linearSetup();
    // Claim the reference is 1 logit lower than f(baseline): the gap becomes exactly 1.
    const logits = ctx.engine.targetOutputs({ n, sampleShape: [d], data }, targets, 'logit');
    const reference = Float32Array.from(logits, (fx, i) => fx - change[i] - 1);
    const input = attributionInput(data, [d], targets, exact, 'logit', { reference });
    const before = ctx.engine.passes().forwardPasses;
    const abs = completenessGap.evaluate(ctx, input, { ...P, form: 'absolute' }) as number[];
    expect(ctx.engine.passes().forwardPasses - before).toBe(n); // no baseline row needed
    abs.forEach((v) => expect(v).toBeCloseTo(1, 4));
    // The same logit attribution judged on probabilities is not complete.
    const asProb = completenessGap.evaluate(ctx, attributionInput(data, [d], targets, exact, 'probability'), P) as number[];
    expect(asProb.some((v) => v > 0.01)).toBe(true);
    model.dispose();
  });

  it('counts the fraction within tolerance over computed values only', () => {
    const values: MetricValue[] = [0, 0.005, 0.02, { null: 'x' }, 0.01];
    expect(fractionWithinTolerance(values, 0.01)).toBe(0.75);
    expect(fractionWithinTolerance([{ null: 'x' }], 0.01)).toBeNull();
  });

  it('uses eps in the relative form when f(x) equals the reference', async () => {
    const { model, ctx, d } = await linearSetup();
    const base = ctx.task.baseline;
    const input = attributionInput(Float32Array.from(base), [d], [0], new Float32Array(d).fill(1e-3), 'logit');
    const [v] = completenessGap.evaluate(ctx, input, { ...P, eps: 1e-3 }) as number[];
    expect(v).toBeCloseTo((d * 1e-3) / 1e-3, 3);
    model.dispose();
  });
});
