import { describe, expect, it } from 'vitest';
import { makeRecord, makeRun, sampleIds } from '../test/helpers/result-records.js';
import { UserError } from '../core/errors.js';
import type { ResultRecord } from '../runner/result-record.js';
import { validate } from '../core/schemas.js';
import { aggregate } from './aggregate.js';
import { competitionRanks } from './rank.js';
import type { Leaderboard } from './types.js';

const A = [0.9, 0.8, 0.85, 0.95, 0.9, 0.88];
const B = A.map((x) => x - 0.4);
const C = B.map((x, i) => x + [0.01, -0.01, 0.02, -0.02, 0.01, -0.005][i]);
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function records(run = 'run-a'): ResultRecord[] {
  return [
    makeRecord({ run, explainer: 'a', metric: 'm1', values: A }),
    makeRecord({ run, explainer: 'b', metric: 'm1', values: B }),
    makeRecord({ run, explainer: 'c', metric: 'm1', values: C }),
    makeRecord({ run, explainer: 'a', metric: 'm2', direction: 'lower', values: [3, 3.1, 2.9, 3, 3.2, 3] }),
    makeRecord({ run, explainer: 'b', metric: 'm2', direction: 'lower', values: [1, 1.1, 0.9, 1, 1.2, 1] }),
    makeRecord({ run, explainer: 'a', metric: 'sparse', criterion: 'complexity', direction: 'descriptive', values: [1, 2, 3, 4, 5, 6] }),
    makeRecord({ run, explainer: 'b', metric: 'sparse', criterion: 'complexity', direction: 'descriptive', values: [6, 5, 4, 3, 2, 1] }),
    makeRecord({ run, explainer: 'a', metric: 'stab', criterion: 'stability', direction: 'lower', values: [null, 0.2, 0.1, null, 0.3, 0.2] }),
    makeRecord({ run, explainer: 'c', metric: 'stab', criterion: 'stability', direction: 'lower', values: [0.5, 0.6, 0.4, 0.5, 0.5, 0.6] }),
  ];
}

const opts = { seed: 3, resamples: 500, generatedAt: '2025-01-02T00:00:00.000Z' };
const metricOf = (lb: Leaderboard, metric: string, task = 'toy') => lb.tasks.find((t) => t.task === task)!.metrics.find((m) => m.metric === metric)!;
const entryOf = (lb: Leaderboard, metric: string, explainer: string) =>
  metricOf(lb, metric).entries.find((e) => e.explainer === explainer)!;
const scoreOf = (lb: Leaderboard, criterion: string, explainer: string) =>
  lb.tasks[0].criteria.find((c) => c.criterion === criterion)!.scores.find((s) => s.explainer === explainer)!;

describe('competitionRanks', () => {
  it('ranks 1224 in the metric direction, skipping missing means', () => {
    expect(competitionRanks([0.5, 0.9, 0.5, null, 0.1], 'higher')).toEqual([2, 1, 2, null, 4]);
    expect(competitionRanks([0.5, 0.9, 0.5, null, 0.1], 'lower')).toEqual([2, 4, 2, null, 1]);
    expect(competitionRanks([0.5, 0.9], 'descriptive')).toEqual([null, null]);
  });
});

describe('aggregate', () => {
  const lb = aggregate(records(), [makeRun('run-a')], opts);

  it('produces a leaderboard that validates against its schema', () => {
    expect(validate('leaderboard', lb)).toEqual([]);
    expect(lb).toMatchObject({
      schema: 'xai-bench/leaderboard@1',
      profile: 'smoke',
      profiles: ['smoke'],
      human: null,
      protected: null,
      provenance: { resamples: 500, bootstrapSeed: 3, confidence: 0.95, runs: [{ id: 'run-a', seed: 1, backend: 'wasm', version: '0.1.0', commit: null, profile: 'smoke' }] },
    });
    expect(lb.tasks.map((t) => t.task)).toEqual(['toy']);
    expect(lb.tasks[0].explainers).toEqual(['a', 'b', 'c']);
    // Metrics in criterion order, then by id.
    expect(lb.tasks[0].metrics.map((m) => m.metric)).toEqual(['m1', 'm2', 'stab', 'sparse']);
  });

  it('recomputes means, n and nulls from the values', () => {
    expect(entryOf(lb, 'm1', 'a').mean).toBeCloseTo(mean(A), 12);
    expect(entryOf(lb, 'm1', 'c').mean).toBeCloseTo(mean(C), 12);
    expect(entryOf(lb, 'stab', 'a')).toMatchObject({ n: 4, nulls: 2, nullReasons: { 'constant attribution': 2 } });
    expect(entryOf(lb, 'stab', 'a').mean).toBeCloseTo(0.2, 12);
    const lying = records().map((r) => ({ ...r, mean: 42, n: 99 }));
    expect(aggregate(lying, [makeRun('run-a')], opts)).toEqual(lb);
  });

  it('ranks in the metric direction and finds statistical ties', () => {
    expect(['a', 'b', 'c'].map((e) => entryOf(lb, 'm1', e).rank)).toEqual([1, 3, 2]);
    expect(entryOf(lb, 'm1', 'a').tiedWith).toEqual([]);
    expect(entryOf(lb, 'm1', 'b').tiedWith).toEqual(['c']);
    expect(entryOf(lb, 'm1', 'c').tiedWith).toEqual(['b']);
    expect(metricOf(lb, 'm1').ranked).toBe(3);
    expect(['a', 'b'].map((e) => entryOf(lb, 'm2', e).rank)).toEqual([2, 1]);
    expect(entryOf(lb, 'm2', 'a').ci![0]).toBeLessThan(entryOf(lb, 'm2', 'a').mean!);
    expect(entryOf(lb, 'sparse', 'a').rank).toBeNull();
    expect(metricOf(lb, 'sparse').ranked).toBe(0);
  });

  it('scores criteria by rank, leaving missing metrics out instead of counting them as zero', () => {
    const fidelity = lb.tasks[0].criteria.find((c) => c.criterion === 'fidelity')!;
    expect(fidelity.metrics).toEqual(['m1', 'm2']);
    // a: m1 rank 1 of 3 -> 1, m2 rank 2 of 2 -> 0.  b: 0 and 1.  c: only m1, rank 2 of 3 -> 0.5.
    expect(scoreOf(lb, 'fidelity', 'a')).toEqual({ explainer: 'a', score: 0.5, metrics: ['m1', 'm2'] });
    expect(scoreOf(lb, 'fidelity', 'b')).toEqual({ explainer: 'b', score: 0.5, metrics: ['m1', 'm2'] });
    expect(scoreOf(lb, 'fidelity', 'c')).toEqual({ explainer: 'c', score: 0.5, metrics: ['m1'] });
    // stab: a (mean 0.2) beats c (0.52); b has no stability metric at all.
    expect(scoreOf(lb, 'stability', 'a').score).toBe(1);
    expect(scoreOf(lb, 'stability', 'c').score).toBe(0);
    expect(scoreOf(lb, 'stability', 'b')).toEqual({ explainer: 'b', score: null, metrics: [] });
    // Descriptive metrics rank nobody, so complexity has no score.
    expect(lb.tasks[0].criteria.map((c) => c.criterion)).toEqual(['fidelity', 'stability']);
  });

  it('is deterministic and independent of record order', () => {
    expect(aggregate([...records()].reverse(), [makeRun('run-a')], opts)).toEqual(lb);
    expect(aggregate(records(), [makeRun('run-a')], { ...opts, seed: 4 })).not.toEqual(lb);
  });

  it('merges shards by sample id into the same numbers as one run', () => {
    const ids = sampleIds(6);
    const shard = (run: string, part: 0 | 1) =>
      records(run).map((r) => {
        const keep = [0, 1, 2, 3, 4, 5].filter((i) => (i < 3) === (part === 0));
        const values = keep.map((i) => r.values[i]);
        const nullCount = values.filter((v) => v === null).length;
        return { ...r, sampleIds: keep.map((i) => ids[i]), values, nulls: (nullCount ? { 'constant attribution': nullCount } : {}) as Record<string, number> };
      });
    const merged = aggregate([...shard('shard-1', 0), ...shard('shard-2', 1)], [makeRun('shard-1'), makeRun('shard-2')], opts);
    const withoutRuns = (m: Leaderboard['tasks'][number]['metrics'][number]) => ({ ...m, entries: m.entries.map((e) => ({ ...e, runs: [] })) });
    const strip = (b: Leaderboard) => b.tasks.map((t) => ({ ...t, metrics: t.metrics.map(withoutRuns) }));
    expect(strip(merged)).toEqual(strip(lb));
    expect(entryOf(merged, 'm1', 'a').runs).toEqual(['shard-1', 'shard-2']);
    expect(merged.provenance.runs.map((r) => r.id)).toEqual(['shard-1', 'shard-2']);
    expect(validate('leaderboard', merged)).toEqual([]);
  });

  it('accepts identical duplicates (a run given twice)', () => {
    const again = records('run-b');
    const both = aggregate([...records(), ...again], [makeRun('run-a'), makeRun('run-b')], opts);
    expect(entryOf(both, 'm1', 'a')).toMatchObject({ n: 6, mean: entryOf(lb, 'm1', 'a').mean, ci: entryOf(lb, 'm1', 'a').ci });
    expect(entryOf(both, 'stab', 'a').nullReasons).toEqual({ 'constant attribution': 2 });
  });

  it('refuses conflicting values, parameters and models, naming both runs', () => {
    const runs = [makeRun('run-a'), makeRun('run-b')];
    const other = makeRecord({ run: 'run-b', explainer: 'a', metric: 'm1', values: A.map((x, i) => (i === 2 ? x + 0.01 : x)) });
    expect(() => aggregate([...records(), other], runs, opts)).toThrow(UserError);
    expect(() => aggregate([...records(), other], runs, opts)).toThrow(/runs run-a and run-b give different values for sample s0002 in cell toy\/a\/m1/);
    const params = makeRecord({ run: 'run-b', explainer: 'a', metric: 'm1', values: A, explainerParams: { steps: 50 } });
    expect(() => aggregate([...records(), params], runs, opts)).toThrow(/runs run-a and run-b disagree on explainerParams of cell toy\/a\/m1/);
    const metricParams = makeRecord({ run: 'run-b', explainer: 'd', metric: 'm1', values: A, metricParams: { steps: 20 } });
    expect(() => aggregate([...records(), metricParams], runs, opts)).toThrow(/disagree on metricParams of metric m1 on task toy/);
    const model = makeRecord({ run: 'run-b', explainer: 'd', metric: 'm1', values: A, modelHash: 'other' });
    expect(() => aggregate([...records(), model], runs, opts)).toThrow(/runs run-a and run-b disagree on modelHash of task toy/);
  });

  it('refuses records whose run has no run.json', () => {
    expect(() => aggregate(records(), [makeRun('run-b')], opts)).toThrow(/belongs to run run-a, which has no run\.json/);
  });

  it('marks mixed profiles', () => {
    const mixed = aggregate([...records('run-a')], [makeRun('run-a'), makeRun('run-q', { profile: 'quick' })], opts);
    expect(mixed.profile).toBeNull();
    expect(mixed.profiles).toEqual(['quick', 'smoke']);
  });

  it('gives an explainer with a single value no interval, and ties it with the rest', () => {
    const one = aggregate(
      [makeRecord({ explainer: 'a', metric: 'm1', values: [0.5, null, null] }), makeRecord({ explainer: 'b', metric: 'm1', values: [0.1, 0.2, 0.3] })],
      [makeRun('run-a')],
      opts,
    );
    expect(entryOf(one, 'm1', 'a')).toMatchObject({ mean: 0.5, n: 1, ci: null, rank: 1, tiedWith: ['b'] });
    expect(validate('leaderboard', one)).toEqual([]);
  });
});
