/**
 * The leaderboard's meta section (agreement, reliability, sensitivity) and sanity badges on hand-built
 * records with known answers; setting variants never move a rank.
 */
import { describe, expect, it } from 'vitest';
import { makeRecord, makeRun, type RecordSpec } from '../test/helpers/result-records.js';
import { krippendorffAlpha } from '../metrics/human/krippendorff-alpha.js';
import { compareRecords } from './ci/compare.js';
import type { ResultRecord } from '../runner/result-record.js';
import { validate } from '../core/schemas.js';
import { renderMarkdown } from '../runner/summary-table.js';
import { aggregate } from './aggregate.js';
import type { Leaderboard } from './types.js';

const opts = { seed: 1, resamples: 200, generatedAt: '2025-01-02T00:00:00.000Z' };
const runs = [makeRun('run-a')];
const rec = (spec: RecordSpec & { variant?: Record<string, string>; failure?: string }): ResultRecord => {
  const { variant, failure, ...rest } = spec;
  const r = makeRecord(rest);
  return {
    ...r,
    ...(variant ? { variant, metricParams: { ...r.metricParams, ...variant } } : {}),
    ...(failure ? { failure, sampleIds: [], values: [], nulls: {}, mean: null, n: 0 } : {}),
  };
};

// Task `agree`: four explainers whose per-sample values order them a > b > c > d on every sample.
const ORDER = ['a', 'b', 'c', 'd'];
const level = (e: string) => 4 - ORDER.indexOf(e); // a 4 ... d 1
const noise = [0, 0.01, -0.01];
function agreeRecords(): ResultRecord[] {
  return ORDER.flatMap((e) => [
    // m1 higher is better: a best. m2 lower is better, on another scale: a best too (perfect agreement).
    rec({ task: 'agree', explainer: e, metric: 'm1', values: noise.map((n) => level(e) + n) }),
    rec({ task: 'agree', explainer: e, metric: 'm2', direction: 'lower', values: noise.map((n) => 100 - 10 * (level(e) + n)) }),
    // m3 higher is better but ranks them the other way round: d best.
    rec({ task: 'agree', explainer: e, metric: 'm3', values: noise.map((n) => -level(e) + n) }),
  ]);
}

// Task `rel`: metric r (lower is better) whose samples rank a, b, c as the hand-computed fixture;
// metrics i1, i2 (higher is better) of the stability criterion for internal consistency.
const REL: Record<string, number[]> = { a: [0.1, 0.1, 0.0, 0.2], b: [0.2, 0.5, 0.8, 0.2], c: [0.3, 0.9, 0.4, 0.7] };
const I1: Record<string, number[]> = { a: [1, 2], b: [3, 4] };
const I2: Record<string, number[]> = { a: [1, 3], b: [2, 4] };
function relRecords(): ResultRecord[] {
  return [
    ...Object.entries(REL).map(([e, values]) => rec({ task: 'rel', explainer: e, metric: 'r', direction: 'lower', values })),
    ...Object.entries(I1).map(([e, values]) => rec({ task: 'rel', explainer: e, metric: 'i1', criterion: 'stability', values })),
    ...Object.entries(I2).map(([e, values]) => rec({ task: 'rel', explainer: e, metric: 'i2', criterion: 'stability', values })),
  ];
}

// Setting variants of `del` on task `agree`: zero keeps the order, blur reverses it, `huge` was refused.
function variantRecords(): ResultRecord[] {
  return ORDER.flatMap((e) => [
    rec({ task: 'agree', explainer: e, metric: 'del', direction: 'lower', values: noise.map((n) => 1 - level(e) / 10 + n / 100) }),
    rec({ task: 'agree', explainer: e, metric: 'del', direction: 'lower', variant: { baseline: 'zero' }, values: noise.map((n) => 2 - level(e) / 5 + n / 100) }),
    rec({ task: 'agree', explainer: e, metric: 'del', direction: 'lower', variant: { baseline: 'blur' }, values: noise.map((n) => level(e) / 10 + n / 100) }),
    rec({ task: 'agree', explainer: e, metric: 'del', direction: 'lower', variant: { baseline: 'huge' }, values: [], failure: 'the metric refused this setting: needs an image task' }),
  ]);
}

const all = () => [...agreeRecords(), ...relRecords(), ...variantRecords()];
const pair = (lb: Leaderboard, a: string, b: string) => lb.meta.agreement.pairs.find((p) => p.metricA === a && p.metricB === b)!;

describe('meta: agreement between the metrics of a criterion', () => {
  const lb = aggregate(all(), runs, opts);

  it('gives 1 for metrics that rank alike (whatever their direction and scale) and -1 for reversed ones', () => {
    expect(validate('leaderboard', lb)).toEqual([]);
    expect(pair(lb, 'm1', 'm2')).toEqual({ task: 'agree', criterion: 'fidelity', metricA: 'm1', metricB: 'm2', explainers: 4, spearmanRho: 1, kendallTauB: 1, reason: null });
    expect(pair(lb, 'm1', 'm3')).toMatchObject({ spearmanRho: -1, kendallTauB: -1 });
    expect(pair(lb, 'm2', 'm3')).toMatchObject({ spearmanRho: -1, kendallTauB: -1 });
  });

  it('averages per task, then over tasks; pairs over too few explainers say why they are null', () => {
    // agree: (1 - 1 - 1)/3 over m1, m2, m3 and del (del agrees with m1, m2, reversed to m3):
    // pairs m1-m2 1, m1-m3 -1, m2-m3 -1, m1-del 1, m2-del 1, m3-del -1 -> 0. rel has no fidelity pair with
    // 3 explainers except none (r alone). So fidelity's mean is the agree task's 0.
    const fid = lb.meta.agreement.byCriterion.find((c) => c.criterion === 'fidelity')!;
    expect(pair(lb, 'del', 'm1').kendallTauB).toBe(1);
    expect(fid).toMatchObject({ tasks: 1, pairs: 6 });
    expect(fid.meanKendallTauB).toBeCloseTo(0, 14);
    const stab = pair(lb, 'i1', 'i2');
    expect(stab).toMatchObject({ task: 'rel', explainers: 2, spearmanRho: null, kendallTauB: null });
    expect(stab.reason).toMatch(/only 2 explainers/);
  });
});

describe('meta: reliability (Tomsett et al. 2020)', () => {
  const lb = aggregate(all(), runs, opts);

  it('inter-sample: ordinal Krippendorff alpha of the per-sample ranks, samples as raters (the survey implementation)', () => {
    const r = lb.meta.reliability.interSample.find((x) => x.task === 'rel' && x.metric === 'r')!;
    // Ranks (lower value = rank 1) per sample, columns a, b, c; sample 4 ties a and b.
    const ranks = [
      [1, 2, 3],
      [1, 2, 3],
      [1, 3, 2],
      [1.5, 1.5, 3],
    ];
    expect(r.krippendorffAlphaOrdinal).toBeCloseTo(krippendorffAlpha(ranks, 'ordinal').alpha, 14);
    // Hand-computed with exact fractions: 6785/9612.
    expect(r.krippendorffAlphaOrdinal).toBeCloseTo(6785 / 9612, 14);
    expect(r).toMatchObject({ samples: 4, explainers: 3, criterion: 'fidelity', reason: null });
    // Every sample orders a > b > c > d on m1: perfect reliability.
    expect(lb.meta.reliability.interSample.find((x) => x.task === 'agree' && x.metric === 'm1')!.krippendorffAlphaOrdinal).toBe(1);
    const summary = lb.meta.reliability.interSampleByMetric.find((x) => x.metric === 'm1')!;
    expect(summary).toEqual({ metric: 'm1', tasks: 1, meanKrippendorffAlphaOrdinal: 1 });
  });

  it('internal consistency: standardised Cronbach alpha of the criterion metrics over (explainer, sample)', () => {
    // i1 = [1, 2, 3, 4], i2 = [1, 3, 2, 4] over (a, s0), (a, s1), (b, s0), (b, s1): r = 0.8, alpha = 2r/(1 + r) = 8/9.
    const c = lb.meta.reliability.internalConsistency.find((x) => x.task === 'rel' && x.criterion === 'stability')!;
    expect(c).toMatchObject({ metrics: ['i1', 'i2'], observations: 4, reason: null });
    expect(c.cronbachAlphaStandardised).toBeCloseTo(8 / 9, 14);
    // m1 and m2 measure the same thing once oriented (m2 = 100 - 10 m1): alpha 1 across the four metrics is
    // pulled down by m3, which measures the opposite.
    const fid = lb.meta.reliability.internalConsistency.find((x) => x.task === 'agree' && x.criterion === 'fidelity')!;
    expect(fid.metrics).toEqual(['del', 'm1', 'm2', 'm3']);
    expect(fid.observations).toBe(12);
    expect(fid.cronbachAlphaStandardised).toBeLessThan(0.9);
    const agreeing = aggregate(agreeRecords().filter((r) => r.metric !== 'm3'), runs, opts);
    expect(agreeing.meta.reliability.internalConsistency[0]).toMatchObject({ metrics: ['m1', 'm2'], reason: null });
    expect(agreeing.meta.reliability.internalConsistency[0].cronbachAlphaStandardised).toBeCloseTo(1, 12);
  });
});

describe('meta: internal consistency within the families of a criterion', () => {
  it('splits the metrics by the explainers they score (attribution and rule metrics share no observation)', () => {
    // f1, f2 score explainers a, b (attribution-like); r1, r2 score x, y (rule-like): all fidelity.
    const v = { a: [1, 2, 3], b: [4, 5, 7], x: [1, 1.5, 3], y: [2, 3, 3.5] } as const;
    const recs = [
      ...(['a', 'b'] as const).flatMap((e) => [
        rec({ task: 'mixed', explainer: e, metric: 'f1', values: [...v[e]] }),
        rec({ task: 'mixed', explainer: e, metric: 'f2', values: v[e].map((z) => 2 * z + (z % 2)) }),
      ]),
      ...(['x', 'y'] as const).flatMap((e) => [
        rec({ task: 'mixed', explainer: e, metric: 'r1', values: [...v[e]] }),
        rec({ task: 'mixed', explainer: e, metric: 'r2', direction: 'lower', values: v[e].map((z) => -z) }),
      ]),
    ];
    const ic = aggregate(recs, runs, opts).meta.reliability.internalConsistency.filter((x) => x.task === 'mixed');
    expect(ic.map((x) => [x.metrics, x.observations, x.reason])).toEqual([
      [['f1', 'f2'], 6, null],
      [['r1', 'r2'], 6, null],
    ]);
    // r2 is r1 negated with "lower is better": once oriented they are the same item.
    expect(ic[1].cronbachAlphaStandardised).toBeCloseTo(1, 12);
  });
});

describe('meta: sensitivity to a metric setting', () => {
  const lb = aggregate(all(), runs, opts);

  it('compares the ranking under each variant with the default one', () => {
    const v = (label: string) => lb.meta.sensitivity.variants.find((x) => x.label === label)!;
    expect(v('baseline=zero')).toEqual({ task: 'agree', metric: 'del', variant: { baseline: 'zero' }, label: 'baseline=zero', explainers: 4, kendallTauB: 1, sameBest: true, reason: null });
    expect(v('baseline=blur')).toMatchObject({ kendallTauB: -1, sameBest: false, reason: null });
    expect(v('baseline=huge')).toMatchObject({ explainers: 0, kendallTauB: null, sameBest: null });
    expect(v('baseline=huge').reason).toMatch(/no value under the variant: the metric refused this setting: needs an image task/);
    expect(lb.meta.sensitivity.byVariant.map((x) => [x.label, x.tasks, x.meanKendallTauB])).toEqual([
      ['baseline=blur', 1, -1],
      ['baseline=huge', 0, null],
      ['baseline=zero', 1, 1],
    ]);
  });

  it('variant records never change ranks, scores, badges, the table or a CI comparison', () => {
    const without = aggregate([...agreeRecords(), ...relRecords(), ...variantRecords().filter((r) => r.variant === undefined)], runs, opts);
    expect(lb.tasks).toEqual(without.tasks);
    expect(renderMarkdown(lb)).toBe(renderMarkdown(without));
    expect(lb.tasks[0].metrics.find((m) => m.metric === 'del')!.params).toEqual({ steps: 10 });
    expect(without.meta.sensitivity).toEqual({ variants: [], byVariant: [] });
    // The candidate's variant records are far worse than the baseline's default: still no regression.
    const base = variantRecords().filter((r) => r.variant === undefined && r.explainer === 'a');
    const cand = variantRecords().filter((r) => r.explainer === 'a').map((r) => (r.variant ? { ...r, values: r.values.map((x) => (x === null ? x : x + 10)) } : r));
    const report = compareRecords(base, cand, [{ baseline: 'a', candidate: 'a' }], () => 0.01);
    expect(report.cells.map((c) => [c.metric, c.verdict])).toEqual([['del', 'unchanged']]);
  });

  it('variant records validate as results and are refused without overrides', () => {
    const v = variantRecords().find((r) => r.variant?.baseline === 'zero')!;
    expect(validate('result', v)).toEqual([]);
    expect(validate('result', { ...v, variant: {} })).toEqual(['/variant: must NOT have fewer than 1 properties']);
  });
});

describe('meta is deterministic and independent of record order and sharding', () => {
  it('gives the same section whatever the order of the records', () => {
    const lb = aggregate(all(), runs, opts);
    expect(aggregate([...all()].reverse(), runs, opts)).toEqual(lb);
  });

  it('merged shards give the meta section of the single run', () => {
    const shard = (run: string, part: 0 | 1) =>
      all().map((r) => {
        const keep = r.sampleIds.map((_, i) => i).filter((i) => (i % 2 === 0) === (part === 0));
        const values = keep.map((i) => r.values[i]);
        return { ...r, run, sampleIds: keep.map((i) => r.sampleIds[i]), values };
      });
    const one = aggregate(all(), runs, opts);
    const merged = aggregate([...shard('s1', 0), ...shard('s2', 1)], [makeRun('s1'), makeRun('s2')], opts);
    expect(merged.meta).toEqual(one.meta);
    expect(merged.tasks.map((t) => t.sanity)).toEqual(one.tasks.map((t) => t.sanity));
  });
});

describe('sanity badges', () => {
  const sanity = (explainer: string, values: (number | null)[], nullReason?: string) =>
    rec({ task: 'toy', explainer, metric: 'mprt', criterion: 'sanity', direction: 'lower', values, metricParams: { threshold: 0.5, similarity: 'spearman' }, nullReason });
  const lb = aggregate(
    [
      sanity('passes', [0.1, 0.05, 0.12, 0.08, 0.1]),
      sanity('fails', [0.9, 0.95, 0.88, 0.97, 0.6]),
      sanity('straddles', [0.1, 0.9, 0.2, 0.8, 0.45]),
      sanity('single', [0.1, null, null, null, null], 'constant attribution'),
      sanity('empty', [null, null, null, null, null], 'constant attribution'),
      rec({ task: 'toy', explainer: 'rules', metric: 'rule-count', criterion: 'complexity', direction: 'lower', values: [3, 3, 3, 3, 3] }),
    ],
    runs,
    opts,
  );
  const badge = (explainer: string, metric = 'mprt') => lb.tasks[0].sanity.find((b) => b.explainer === explainer)!.checks.find((c) => c.metric === metric)!;

  it('every explainer gets every check, whatever its outcome', () => {
    expect(validate('leaderboard', lb)).toEqual([]);
    expect(lb.tasks[0].sanity.map((b) => [b.explainer, b.checks.map((c) => c.metric)])).toEqual(
      ['empty', 'fails', 'passes', 'rules', 'single', 'straddles'].map((e) => [e, ['mprt', 'random-logit']]),
    );
  });

  it('reads the whole 95% interval against the declared threshold', () => {
    expect(badge('passes')).toMatchObject({ status: 'passed', threshold: 0.5, similarity: 'spearman', n: 5, passRate: 1, reason: null });
    expect(badge('fails')).toMatchObject({ status: 'failed', passRate: 0, reason: null });
    expect(badge('fails').ci![0]).toBeGreaterThanOrEqual(0.5);
    expect(badge('straddles')).toMatchObject({ status: 'inconclusive', passRate: 0.6 });
    expect(badge('straddles').reason).toMatch(/^the 95% interval \[.*\] contains the threshold 0.5$/);
    expect(badge('single')).toMatchObject({ status: 'inconclusive', n: 1, reason: 'a single value has no interval to judge' });
  });

  it('says why a check does not apply', () => {
    expect(badge('empty')).toMatchObject({ status: 'not-applicable', n: 0, passRate: null, reason: 'no value: constant attribution' });
    expect(badge('rules')).toMatchObject({ status: 'not-applicable', threshold: 0.5 });
    expect(badge('rules').reason).toMatch(/mprt has no result for this explainer/);
    expect(badge('passes', 'random-logit')).toMatchObject({ status: 'not-applicable', threshold: null, reason: 'random-logit was not run on this task' });
  });
});
