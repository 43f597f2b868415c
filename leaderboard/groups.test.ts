import { describe, expect, it } from 'vitest';
import { makeRecord, makeRun } from '../test/helpers/result-records.js';
import type { ResultRecord } from '../runner/result-record.js';
import { validate } from '../core/schemas.js';
import { aggregate } from './aggregate.js';
import { replicateGroups } from './seed-replicates.js';
import type { GroupBoard, Leaderboard } from './types.js';

const opts = { seed: 5, resamples: 200, groupResamples: 200, generatedAt: '2025-01-02T00:00:00.000Z' };
const FAMILY: Record<string, string> = { a: 'attribution', b: 'attribution', c: 'attribution', d: 'attribution', narrow: 'attribution', r1: 'rules', r2: 'rules' };
const familyOf = (e: string) => FAMILY[e] ?? 'attribution';
const noise = (i: number, k: number) => (((i * 7 + k * 13) % 10) - 5) / 1000;
/** n values around `level`, with a little deterministic noise. */
const around = (level: number, n = 8, k = 0) => Array.from({ length: n }, (_, i) => level + noise(i, k));

const group = (lb: Leaderboard, g: string) => lb.groups!.find((x) => x.group === g)!;
const overall = (g: GroupBoard, e: string) => g.overall.find((s) => s.explainer === e)!;

/** Tasks t1..t4, metrics m1 (higher) and m2 (lower, stability); `narrow` only on t1 and far better there. */
function records(): ResultRecord[] {
  const out: ResultRecord[] = [];
  for (const task of ['t1', 't2', 't3', 't4']) {
    out.push(
      makeRecord({ task, explainer: 'a', metric: 'm1', values: around(0.9, 8, 1) }),
      makeRecord({ task, explainer: 'b', metric: 'm1', values: around(0.5, 8, 2) }),
      makeRecord({ task, explainer: 'c', metric: 'm1', values: around(0.2, 8, 3) }),
      makeRecord({ task, explainer: 'a', metric: 'm2', criterion: 'stability', direction: 'lower', values: around(0.3, 8, 4) }),
      makeRecord({ task, explainer: 'b', metric: 'm2', criterion: 'stability', direction: 'lower', values: around(0.1, 8, 5) }),
      makeRecord({ task, explainer: 'c', metric: 'm2', criterion: 'stability', direction: 'lower', values: around(0.6, 8, 6) }),
    );
  }
  out.push(makeRecord({ task: 't1', explainer: 'narrow', metric: 'm1', values: around(5, 8, 7) }));
  out.push(makeRecord({ task: 't1', explainer: 'narrow', metric: 'm2', criterion: 'stability', direction: 'lower', values: around(0, 8, 8) }));
  return out;
}

describe('comparison groups', () => {
  const lb = aggregate(records(), [makeRun('run-a')], { ...opts, familyOf });
  const attribution = group(lb, 'attribution');

  it('validates and writes its rules', () => {
    expect(validate('leaderboard', lb)).toEqual([]);
    expect(lb.rules).toMatchObject({ minCoverage: 0.75, minRanked: 3, homeAdvantage: { included: false } });
  });

  it('leaves a 25%-coverage explainer unranked, so it cannot top the overall', () => {
    const narrow = attribution.explainers.find((e) => e.explainer === 'narrow')!;
    expect(narrow).toMatchObject({ covered: 2, coverage: 0.25, ranked: false });
    expect(narrow.reason).toMatch(/25%/);
    expect(attribution.overall.map((s) => s.explainer)).not.toContain('narrow');
    // a is best on m1 and second on m2, b best on m2: a and b tie on balance, c last.
    expect(overall(attribution, 'a').score).toBeCloseTo(0.75, 12);
    expect(overall(attribution, 'b').score).toBeCloseTo(0.75, 12);
    expect(overall(attribution, 'c').score).toBeCloseTo(0, 12);
    expect(overall(attribution, 'c').rank).toBe(3);
    expect(overall(attribution, 'a').tiedWith).toEqual(['b']);
    expect(overall(attribution, 'c').tiedWith).toEqual([]);
  });

  it('gives every aggregate an interval that holds its point value', () => {
    for (const s of [...attribution.overall, ...attribution.criteria.flatMap((c) => c.scores)]) {
      expect(s.ci).not.toBeNull();
      expect(s.ci![0]).toBeLessThanOrEqual(s.score! + 1e-12);
      expect(s.ci![1]).toBeGreaterThanOrEqual(s.score! - 1e-12);
    }
    expect(attribution.replicates!.values).toHaveLength(200);
    expect(attribution.replicates!.criteria).toEqual(['fidelity', 'stability']);
  });

  it('is the same under the same seed, and another seed moves only the intervals', () => {
    const again = aggregate(records(), [makeRun('run-a')], { ...opts, familyOf });
    expect(again.groups).toEqual(lb.groups);
    const other = group(aggregate(records(), [makeRun('run-a')], { ...opts, familyOf, seed: 6 }), 'attribution');
    expect(other.overall.map((s) => s.score)).toEqual(attribution.overall.map((s) => s.score));
  });

  it('never ranks across families, and a group under 3 ranked explainers has no ranks', () => {
    const mixed = [
      ...records(),
      ...['t1', 't2'].flatMap((task) => [
        makeRecord({ task, explainer: 'r1', metric: 'rule-fidelity', values: around(0.99, 8, 9) }),
        makeRecord({ task, explainer: 'r2', metric: 'rule-fidelity', values: around(0.7, 8, 10) }),
      ]),
    ];
    const lb2 = aggregate(mixed, [makeRun('run-a')], { ...opts, familyOf });
    const rules = group(lb2, 'rules');
    expect(rules.ranked).toBe(false);
    expect(rules.overall.every((s) => s.rank === null)).toBe(true);
    expect(overall(rules, 'r1').score).toBe(1);
    expect(group(lb2, 'attribution').overall.map((s) => s.explainer).sort()).toEqual(['a', 'b', 'c']);
    // One qualifying explainer: no scores at all (a rank score against rivals met on a few cells is no evidence).
    const lone = group(aggregate([...mixed, makeRecord({ task: 't3', explainer: 'r2', metric: 'rule-count', criterion: 'complexity', direction: 'lower', values: around(3, 8, 11) })].filter((r) => !(r.explainer === 'r1' && r.task === 't2')), [makeRun('run-a')], { ...opts, familyOf }), 'rules');
    expect(lone.explainers.map((e) => [e.explainer, e.coverage])).toEqual([['r1', 1 / 3], ['r2', 1]]);
    expect(lone.overall).toEqual([]);
    expect(lone.replicates).toBeNull();
    // Per-task criterion boards are per group too.
    expect(lb2.tasks[0].criteria.filter((c) => c.criterion === 'fidelity').map((c) => c.group)).toEqual(['attribution', 'rules']);
  });
});

describe('home-advantage pairs', () => {
  // occlusion x faithfulness-correlation is declared (home-advantage.ts): occlusion is best by construction.
  const recs = ['t1', 't2'].flatMap((task) => [
    makeRecord({ task, explainer: 'occlusion', metric: 'faithfulness-correlation', values: around(1, 8, 1) }),
    makeRecord({ task, explainer: 'a', metric: 'faithfulness-correlation', values: around(0.6, 8, 2) }),
    makeRecord({ task, explainer: 'b', metric: 'faithfulness-correlation', values: around(0.4, 8, 3) }),
    makeRecord({ task, explainer: 'c', metric: 'faithfulness-correlation', values: around(0.2, 8, 4) }),
  ]);
  const entry = (lb: Leaderboard, e: string) => lb.tasks[0].metrics[0].entries.find((x) => x.explainer === e)!;

  it('marks the cell and leaves it out of ranks and scores by default', () => {
    const lb = aggregate(recs, [makeRun('run-a')], { ...opts, familyOf });
    expect(entry(lb, 'occlusion')).toMatchObject({ rank: null, homeAdvantage: { ranked: false } });
    expect(entry(lb, 'a').rank).toBe(1);
    const g = group(lb, 'attribution');
    expect(overall(g, 'a').rank).toBe(1);
    expect(overall(g, 'occlusion').score).toBeNull();
  });

  it('puts it back when asked', () => {
    const lb = aggregate(recs, [makeRun('run-a')], { ...opts, familyOf, includeHomeAdvantage: true });
    expect(entry(lb, 'occlusion')).toMatchObject({ rank: 1, homeAdvantage: { ranked: true } });
    expect(overall(group(lb, 'attribution'), 'occlusion').rank).toBe(1);
    expect(lb.rules!.homeAdvantage.included).toBe(true);
  });
});

describe('training-seed replicates', () => {
  it('groups x-s2, x-s3 with x only when x is present', () => {
    const g = replicateGroups(['m-s3', 'm', 'mnist-cnn-deep', 'mnist-cnn', 'm-s2', 'lone-s2']);
    expect([...g.entries()]).toEqual([
      ['lone-s2', ['lone-s2']],
      ['m', ['m', 'm-s2', 'm-s3']],
      ['mnist-cnn', ['mnist-cnn']],
      ['mnist-cnn-deep', ['mnist-cnn-deep']],
    ]);
  });

  it('weighs a data set trained three times once, and reports the rank per seed', () => {
    // On x (3 seeds) a beats b; on y (1 seed) b beats a: one data set each, so they tie at 0.5.
    const recs: ResultRecord[] = [];
    for (const task of ['x', 'x-s2', 'x-s3']) {
      recs.push(makeRecord({ task, explainer: 'a', metric: 'm1', values: around(0.9) }), makeRecord({ task, explainer: 'b', metric: 'm1', values: around(0.1) }));
      recs.push(makeRecord({ task, explainer: 'c', metric: 'm1', values: around(task === 'x-s2' ? 0.95 : 0.5) }));
    }
    recs.push(makeRecord({ task: 'y', explainer: 'a', metric: 'm1', values: around(0.1) }), makeRecord({ task: 'y', explainer: 'b', metric: 'm1', values: around(0.9) }));
    recs.push(makeRecord({ task: 'y', explainer: 'c', metric: 'm1', values: around(0.5) }));
    const g = group(aggregate(recs, [makeRun('run-a')], { ...opts, familyOf }), 'attribution');
    expect(g.datasets).toEqual(['x', 'y']);
    expect(g.replicatesOf.x).toEqual(['x', 'x-s2', 'x-s3']);
    // a: rank 1, 2, 1 of 3 on x's seeds (1, 0.5, 1), rank 3 on y (0).
    expect(overall(g, 'a').score).toBeCloseTo(((1 + 0.5 + 1) / 3 + 0) / 2, 12);
    expect(overall(g, 'b').score).toBeCloseTo(0.5, 12);
    expect(overall(g, 'a').datasets).toBe(2);
    const seeds = g.seedStability.find((s) => s.dataset === 'x')!;
    expect(seeds.tasks).toEqual(['x', 'x-s2', 'x-s3']);
    expect(seeds.ranks.find((r) => r.explainer === 'a')!.ranks).toEqual([1, 2, 1]);
    expect(seeds.ranks.find((r) => r.explainer === 'c')!.ranks).toEqual([2, 1, 2]);
  });
});
