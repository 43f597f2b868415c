import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { defaults } from '../../core/params.js';
import { rngFor } from '../../core/rng.js';
import { linearSoftmax } from '../../test/helpers/tiny-models.js';
import { attributionInput, metricContext, tabularTask } from '../../test/helpers/metric-context.js';
import { attributionAuc, rocAuc } from './attribution-auc.js';
import { pointingGame } from './pointing-game.js';
import { relevanceMassAccuracy } from './relevance-mass-accuracy.js';
import { relevanceRankAccuracy } from './relevance-rank-accuracy.js';
import { topKIntersection } from './top-k-intersection.js';
import type { AttributionInput, Metric, MetricContext, MetricEvaluation, MetricValue } from '../types.js';
import { evaluateMetric } from '../evaluate.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const LOCALISATION: readonly Metric[] = [pointingGame, relevanceMassAccuracy, relevanceRankAccuracy, topKIntersection, attributionAuc];

let ctx: MetricContext;
beforeAll(async () => {
  // Localisation metrics never run the model; a real context keeps the call honest.
  ctx = metricContext(await linearSoftmax([[1, 0]], [0, 0]), tabularTask(1, 2));
});

function run(metric: Metric, input: AttributionInput, params: Record<string, string | number | boolean> = {}): MetricEvaluation {
  return evaluateMetric(metric, ctx, input, { ...defaults(metric.params), ...params }) as MetricEvaluation;
}

/** A flat tabular-shaped input with masks (shape does not matter to these metrics). */
function input(attr: number[][], masks: number[][]): AttributionInput {
  const d = attr[0].length;
  const n = attr.length;
  return attributionInput(new Float32Array(n * d), [d], new Array(n).fill(0), Float32Array.from(attr.flat()), 'logit', {
    groundTruth: Uint8Array.from(masks.flat()),
  });
}

/** Slow references: straight from the definitions, no shared code with the metrics. */
const slow = {
  auc(score: number[], label: number[]): number {
    let wins = 0;
    let pairs = 0;
    for (let p = 0; p < score.length; p++) for (let q = 0; q < score.length; q++) {
      if (!label[p] || label[q]) continue;
      pairs++;
      wins += score[p] > score[q] ? 1 : score[p] === score[q] ? 0.5 : 0;
    }
    return wins / pairs;
  },
  topHits(a: number[], mask: number[], k: number): number {
    const order = a.map((v, j) => [v, j] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
    return order.slice(0, k).filter(([, j]) => mask[j] === 1).length;
  },
};

describe('localisation metrics: known answers', () => {
  const a = [0.1, 0.9, -0.5, 0.3, 0.2, 0.0];
  const mask = [0, 1, 1, 0, 0, 0];

  it('pointing-game: hit, miss, fractional ties, absolute order', () => {
    expect(run(pointingGame, input([a], [mask])).values).toEqual([1]);
    expect(run(pointingGame, input([a], [[1, 0, 0, 0, 0, 0]])).values).toEqual([0]);
    expect(run(pointingGame, input([[1, 1, 0, 1, 0, 0]], [mask])).values).toEqual([1 / 3]);
    // |-2| is the largest magnitude and lies at element 2 (in the mask); signed, element 1 wins.
    expect(run(pointingGame, input([[0, 1, -2, 0, 0, 0]], [[0, 0, 1, 0, 0, 0]]), { order: 'absolute' }).values).toEqual([1]);
    expect(run(pointingGame, input([[0, 1, -2, 0, 0, 0]], [[0, 0, 1, 0, 0, 0]])).values).toEqual([0]);
    expect(run(pointingGame, input([a], [mask])).details).toEqual({ chance: [2 / 6], meanChance: 2 / 6 });
  });

  it('relevance-mass-accuracy: positive, absolute and signed mass', () => {
    // positive: (0.9) / (0.1 + 0.9 + 0.3 + 0.2); absolute adds 0.5 to both; signed (0.9 - 0.5) / 1.0
    expect(run(relevanceMassAccuracy, input([a], [mask])).values[0]).toBeCloseTo(0.9 / 1.5, 6);
    expect(run(relevanceMassAccuracy, input([a], [mask]), { relevance: 'absolute' }).values[0]).toBeCloseTo(1.4 / 2.0, 6);
    expect(run(relevanceMassAccuracy, input([a], [mask]), { relevance: 'signed' }).values[0]).toBeCloseTo(0.4 / 1.0, 6);
    expect(run(relevanceMassAccuracy, input([[-1, -1, 0, 0, 0, 0]], [mask])).values).toEqual([{ null: 'attribution has no positive relevance' }]);
  });

  it('relevance-rank-accuracy and top-k-intersection count the top elements', () => {
    // K = 2: the top two are elements 1 (0.9) and 3 (0.3); one is in the mask.
    expect(run(relevanceRankAccuracy, input([a], [mask])).values).toEqual([0.5]);
    // absolute: top two are 1 (0.9) and 2 (|-0.5|): both in the mask.
    expect(run(relevanceRankAccuracy, input([a], [mask]), { order: 'absolute' }).values).toEqual([1]);
    // k = round(0.5 * 6) = 3: top three {1, 3, 4}, one hit, divided by min(3, |mask| = 2).
    expect(run(topKIntersection, input([a], [mask]), { k: 0.5 }).values).toEqual([0.5]);
    expect(run(topKIntersection, input([a], [mask]), { k: 0.5 }).details!.chance).toEqual([(3 * 2) / (6 * 2)]);
    // k = 1 (default 0.02 of 6 rounds up to at least 1): the top element is in the mask.
    expect(run(topKIntersection, input([a], [mask])).values).toEqual([1]);
  });

  it('attribution-auc: mid-ranks for ties, 0 for an inverted attribution', () => {
    // Positives 0.9 and -0.5 against 0.1, 0.3, 0.2, 0: 0.9 wins 4, -0.5 wins 0 -> 4 / 8.
    expect(run(attributionAuc, input([a], [mask])).values).toEqual([0.5]);
    expect(run(attributionAuc, input([a], [mask]), { order: 'absolute' }).values).toEqual([1]);
    expect(run(attributionAuc, input([[0, 0, 0, 1, 1, 1]], [[1, 1, 1, 0, 0, 0]])).values).toEqual([0]);
    expect(run(attributionAuc, input([[1, 1, 1, 1, 1, 1]], [mask])).values).toEqual([0.5]);
  });

  it('agree with slow references on random cases', () => {
    const rng = rngFor(5, 'localisation-slow');
    for (let t = 0; t < 40; t++) {
      const d = 3 + rng.int(20);
      // Rounded values make ties common.
      const attr = Array.from({ length: d }, () => Math.round(rng.normal() * 3) / 3);
      const m: number[] = Array.from({ length: d }, () => (rng.bernoulli(0.3) ? 1 : 0));
      const k = m.reduce((s, v) => s + v, 0);
      if (k === 0 || k === d) continue;
      expect(rocAuc(attr, m)).toBeCloseTo(slow.auc(attr, m), 12);
      expect(run(relevanceRankAccuracy, input([attr], [m])).values[0]).toBeCloseTo(slow.topHits(attr, m, k) / k, 12);
      const kk = Math.max(1, Math.round(0.3 * d));
      expect(run(topKIntersection, input([attr], [m]), { k: 0.3 }).values[0]).toBeCloseTo(slow.topHits(attr, m, kk) / Math.min(kk, k), 12);
      const max = Math.max(...attr);
      const atMax = attr.map((v, j) => (v === max ? j : -1)).filter((j) => j >= 0);
      expect(run(pointingGame, input([attr], [m])).values[0]).toBeCloseTo(atMax.filter((j) => m[j]).length / atMax.length, 12);
    }
  });

  it('nulls with reasons: empty mask, full mask, no ground truth, broken attribution', () => {
    const four = input([a, a, a, [NaN, 0, 0, 0, 0, 0]], [[0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1], mask, mask]);
    for (const m of LOCALISATION) {
      const r = run(m, four);
      expect(r.values[0], m.id).toEqual({ null: 'ground-truth mask is empty' });
      expect(r.values[1], m.id).toEqual({ null: 'ground-truth mask covers every element' });
      expect(typeof r.values[2], m.id).toBe('number');
      expect(r.values[3], m.id).toEqual({ null: 'attribution has non-finite values' });
      expect((r.details!.chance as unknown[])[0], m.id).toBeNull();
      const none = run(m, { ...four, groundTruth: undefined });
      expect(none.values[2], m.id).toEqual({ null: 'no ground-truth mask was given' });
    }
  });
});

describe('localisation metrics on planted patterns', () => {
  /** 12x12 images, each with a planted 3x3 box (9 of 144 pixels) at a seeded position. */
  function plantedMasks(n: number, seed: number): Uint8Array {
    const rng = rngFor(seed, 'planted');
    const masks = new Uint8Array(n * 144);
    for (let i = 0; i < n; i++) {
      const r0 = rng.int(10);
      const c0 = rng.int(10);
      for (let r = r0; r < r0 + 3; r++) for (let c = c0; c < c0 + 3; c++) masks[i * 144 + r * 12 + c] = 1;
    }
    return masks;
  }
  const n = 400;
  const masks = plantedMasks(n, 3);
  const withAttr = (attr: Float32Array): AttributionInput =>
    attributionInput(new Float32Array(n * 144), [12, 12, 1], new Array(n).fill(0), attr, 'logit', { groundTruth: masks });
  const mean = (v: readonly MetricValue[]) => (v as number[]).reduce((s, x) => s + x, 0) / v.length;

  it('the perfect-mask attribution scores 1 on every metric', () => {
    const perfect = Float32Array.from(masks);
    for (const m of LOCALISATION) {
      const r = run(m, withAttr(perfect));
      expect(r.values.every((v) => v === 1), m.id).toBe(true);
    }
  });

  it('a seeded random attribution scores near each declared chance level', () => {
    const rng = rngFor(11, 'random-attribution');
    const random = Float32Array.from({ length: n * 144 }, () => rng.normal());
    for (const m of LOCALISATION) {
      const r = run(m, withAttr(random));
      const chance = m.chance ?? (r.details!.meanChance as number);
      if (m.chance !== undefined) expect(r.details!.meanChance, m.id).toBe(m.chance);
      // Pointing game is a 0/1 hit per sample: sd sqrt(p(1-p)/n) = 0.012 at p = 1/16; the others are smoother.
      const tol = m.id === 'pointing-game' ? 0.04 : m.id === 'relevance-mass-accuracy' ? 0.02 : 0.03;
      expect(Math.abs(mean(r.values) - chance), `${m.id}: ${mean(r.values)} vs chance ${chance}`).toBeLessThan(tol);
      // And well below the perfect score.
      expect(mean(r.values), m.id).toBeLessThan(0.6);
    }
  });
});
