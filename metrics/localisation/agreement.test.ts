import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { defaults } from '../../core/params.js';
import { rngFor } from '../../core/rng.js';
import { linearSoftmax } from '../../test/helpers/tiny-models.js';
import { attributionInput, metricContext, tabularTask } from '../../test/helpers/metric-context.js';
import { agreementK, denseRanks, NEEDS_WEIGHTS } from './agreement.js';
import { featureAgreement } from './feature-agreement.js';
import { pairwiseRankAgreement } from './pairwise-rank-agreement.js';
import { rankAgreement } from './rank-agreement.js';
import { rankCorrelation } from './rank-correlation-agreement.js';
import { signAgreement } from './sign-agreement.js';
import { signedRankAgreement } from './signed-rank-agreement.js';
import type { AttributionInput, Metric, MetricContext, MetricEvaluation, MetricValue } from '../types.js';
import { evaluateMetric } from '../evaluate.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const FAMILY: readonly Metric[] = [
  featureAgreement, rankAgreement, signAgreement, signedRankAgreement, rankCorrelation, pairwiseRankAgreement,
];

let ctx: MetricContext;
beforeAll(async () => {
  ctx = metricContext(await linearSoftmax([[1, 0]], [0, 0]), tabularTask(1, 2));
});

function run(metric: Metric, input: AttributionInput, params: Record<string, string | number | boolean> = {}): MetricEvaluation {
  return evaluateMetric(metric, ctx, input, { ...defaults(metric.params), ...params }) as MetricEvaluation;
}

function input(attr: number[][], weights?: number[][], masks?: number[][]): AttributionInput {
  const d = attr[0].length;
  const n = attr.length;
  return {
    ...attributionInput(new Float32Array(n * d), [d], new Array(n).fill(0), Float32Array.from(attr.flat()), 'logit', masks ? { groundTruth: Uint8Array.from(masks.flat()) } : {}),
    ...(weights ? { groundTruthWeights: Float32Array.from(weights.flat()) } : {}),
  };
}

/** OpenXAI's agreement_fraction and pairwise_comp as written there (string keys, argsort on -|v|), slow. */
const openxai = {
  topk(v: number[], k: number): number[] {
    return v.map((x, j) => [Math.abs(x), j] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]).slice(0, k).map(([, j]) => j);
  },
  agreement(a: number[], w: number[], k: number, kind: 'overlap' | 'rank' | 'sign' | 'ranksign'): number {
    const ta = openxai.topk(a, k);
    const tw = openxai.topk(w, k);
    const key = (v: number[], ids: number[], t: number) =>
      `f${ids[t]}` + (kind === 'rank' || kind === 'ranksign' ? `r${t}` : '') + (kind === 'sign' || kind === 'ranksign' ? `s${Math.sign(v[ids[t]])}` : '');
    const ka = ta.map((_, t) => key(a, ta, t));
    const kw = tw.map((_, t) => key(w, tw, t));
    if (kind === 'rank' || kind === 'ranksign') return ka.filter((x, t) => x === kw[t]).length / k;
    return ka.filter((x) => kw.includes(x)).length / k;
  },
  spearman(x: number[], y: number[]): number {
    // Distinct values only in the callers: 1 - 6 sum d^2 / (n (n^2 - 1)) on ordinal ranks.
    const rank = (v: number[]) => v.map((x0) => v.filter((x1) => x1 < x0).length);
    const rx = rank(x);
    const ry = rank(y);
    const n = x.length;
    return 1 - (6 * rx.reduce((s, r, i) => s + (r - ry[i]) ** 2, 0)) / (n * (n * n - 1));
  },
};

describe('OpenXAI agreement family: known answers', () => {
  // Features by |w|: 3 (4), 0 (3), 5 (-2), 1 (1), ...; k = ceil(0.25 * 8) = 2 by default.
  const w = [3, 1, 0, -4, 0, -2, 0, 0];

  it('uses OpenXAI k (rounded up) and dense ranks', () => {
    expect(agreementK(8, 0.25)).toBe(2);
    expect(agreementK(10, 0.25)).toBe(3);
    expect(agreementK(3, 0.01)).toBe(1);
    expect(Array.from(denseRanks([3, -3, 1, 0, 5]))).toEqual([2, 2, 3, 4, 1]);
  });

  it('scores the true weights 1 on every metric, and a hand-built case as computed by hand', () => {
    for (const m of FAMILY) expect(run(m, input([w], [w])).values, m.id).toEqual([1]);
    // e ranks 0 first, then 3 (sign flipped), then 5 (same sign), then 1.
    const e = [5, 0.5, 0, 4, 0, -3, 0, 0];
    const k3 = { k: 3 / 8 };
    // top-3 e {0, 3, 5} vs top-3 w {3, 0, 5}: FA 3/3, RA: position 3 only (5 = 5) -> 1/3.
    expect(run(featureAgreement, input([e], [w]), k3).values).toEqual([1]);
    expect(run(rankAgreement, input([e], [w]), k3).values[0]).toBeCloseTo(1 / 3, 12);
    // signs: 0 (+,+), 3 (+,-), 5 (-,-): SA 2/3; SRA: position 3, feature 5, same sign: 1/3.
    expect(run(signAgreement, input([e], [w]), k3).values[0]).toBeCloseTo(2 / 3, 12);
    expect(run(signedRankAgreement, input([e], [w]), k3).values[0]).toBeCloseTo(1 / 3, 12);
    // over F = {3, 0, 5}: truth order 3 > 0 > 5, e's 0 > 3 > 5: pairs (3,0) swapped, (3,5) and (0,5) kept.
    expect(run(pairwiseRankAgreement, input([e], [w]), k3).values[0]).toBeCloseTo(2 / 3, 12);
    expect(run(rankCorrelation, input([e], [w]), k3).values[0]).toBeCloseTo(0.5, 12);
  });

  it('agrees with OpenXAI formulas on random distinct-valued cases', () => {
    const rng = rngFor(6, 'agreement-slow');
    for (let t = 0; t < 30; t++) {
      const d = 4 + rng.int(12);
      const a = Array.from({ length: d }, () => rng.normal());
      const g = Array.from({ length: d }, () => rng.normal());
      const frac = 0.1 + 0.9 * rng.next();
      const k = agreementK(d, frac);
      const at = (m: Metric) => run(m, input([a], [g]), { k: frac }).values[0] as number;
      expect(at(featureAgreement)).toBeCloseTo(openxai.agreement(a, g, k, 'overlap'), 12);
      expect(at(rankAgreement)).toBeCloseTo(openxai.agreement(a, g, k, 'rank'), 12);
      expect(at(signAgreement)).toBeCloseTo(openxai.agreement(a, g, k, 'sign'), 12);
      expect(at(signedRankAgreement)).toBeCloseTo(openxai.agreement(a, g, k, 'ranksign'), 12);
      if (k >= 2) {
        const F = openxai.topk(g, k);
        expect(at(rankCorrelation)).toBeCloseTo(openxai.spearman(F.map((j) => -Math.abs(a[j])), F.map((j) => -Math.abs(g[j]))), 9);
        let same = 0;
        for (let s = 0; s < k; s++) for (let u = s + 1; u < k; u++) same += Math.abs(a[F[s]]) > Math.abs(a[F[u]]) ? 1 : 0;
        expect(at(pairwiseRankAgreement)).toBeCloseTo(same / ((k * (k - 1)) / 2), 12);
      }
    }
  });

  it('feature-agreement works from a mask; the rank and sign metrics need weights', () => {
    const mask = [1, 1, 0, 1, 0, 1, 0, 0];
    const e = [5, 0.5, 0, 4, 0, -3, 0, 0];
    // k = 2 <= 4 relevant: top-2 {0, 3} both relevant.
    expect(run(featureAgreement, input([e], undefined, [mask])).values).toEqual([1]);
    // k = 8 > 4 relevant: everything is in the top-8, 4 hits of min(8, 4).
    expect(run(featureAgreement, input([e], undefined, [mask]), { k: 1 }).values).toEqual([1]);
    expect(run(featureAgreement, input([[0, 0, 1, 0, 2, 0, 0, 0]], undefined, [mask])).values).toEqual([0]);
    for (const m of FAMILY.slice(1)) expect(run(m, input([e], undefined, [mask])).values, m.id).toEqual([{ null: NEEDS_WEIGHTS }]);
    expect(run(featureAgreement, input([e])).values).toEqual([{ null: 'no ground truth was given' }]);
    expect(run(rankCorrelation, input([e], [w]), { k: 0.1 }).values[0]).toEqual({ null: 'ranks do not vary on the compared features (k < 2 or ties)' });
    expect(run(featureAgreement, input([[NaN, 0, 0, 0, 0, 0, 0, 0]], [w])).values[0]).toEqual({ null: 'attribution has non-finite values' });
  });

  it('a seeded random attribution scores near the chance level of each metric', () => {
    const rng = rngFor(7, 'agreement-random');
    // RC takes 3 points per sample (sd 0.71): 2000 samples put its mean within 0.05 of 0 at 3 sd.
    const n = 2000;
    const d = 10;
    const weights = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
    const attr = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
    const mean = (v: readonly MetricValue[]) => (v as number[]).reduce((s, x) => s + x, 0) / v.length;
    for (const m of FAMILY) {
      const r = run(m, input(attr, weights));
      const chance = m.chance ?? (r.details!.meanChance as number);
      expect(Math.abs(mean(r.values) - chance), `${m.id}: ${mean(r.values)} vs ${chance}`).toBeLessThan(0.05);
    }
    // The declared closed forms for d = 10, k = 3.
    expect(run(featureAgreement, input(attr, weights)).details!.meanChance).toBeCloseTo(0.3, 12);
    expect(run(signAgreement, input(attr, weights)).details!.meanChance).toBeCloseTo(0.15, 12);
  });
});
