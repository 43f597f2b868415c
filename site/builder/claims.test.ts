import { describe, expect, it } from 'vitest';
import { explainers } from '../../explainers/index.js';
import { metrics } from '../../metrics/index.js';
import { idealSide, judgeClaim, summariseClaim } from '../src/lib/claims.js';
import type { MetricBoard, MetricEntry, TaskBoard } from '../../leaderboard/types.js';

type Row = [explainer: string, mean: number | null, ci: [number, number] | null, tiedWith?: string[]];

// Only the fields the judgement reads, asserted to the leaderboard's types (which may grow fields).
function entry([explainer, mean, ci, tiedWith = []]: Row): MetricEntry {
  return {
    explainer,
    mean,
    ci,
    n: 10,
    nulls: 0,
    nullReasons: {},
    rank: null,
    tiedWith,
    output: 'logit',
    explainerParams: {},
    runs: ['r'],
    homeAdvantage: null,
  } as MetricEntry;
}

function board(metric: string, direction: 'higher' | 'lower' | 'descriptive', rows: Row[]): MetricBoard {
  return {
    metric,
    criterion: 'stability',
    direction,
    params: {},
    sampleCount: 10,
    ranked: rows.length,
    entries: rows.map(entry),
  } as MetricBoard;
}

function task(name: string, boards: MetricBoard[]): TaskBoard {
  const explainers = [...new Set(boards.flatMap((b) => b.entries.map((e) => e.explainer)))];
  return { task: name, modelHash: 'm', datasetHash: 'd', explainers, metrics: boards, criteria: [], sanity: [] } as TaskBoard;
}

const ATTR = ['gradient', 'ig', 'shap', 'lime', 'rules'];
const familyOf = (e: string) => (e === 'rules' ? 'rules' : 'attribution');
const ctx = { familyOf, idealOf: (m: string) => (m === 'run-to-run' ? 1 : null) };

describe('judgeClaim', () => {
  it('a weakness whose interval is exactly the ideal value is contradicted (KernelSHAP reproducible to the bit)', () => {
    const b = board('run-to-run', 'higher', [
      ['shap', 1, [1, 1], ['gradient', 'ig']],
      ['gradient', 1, [1, 1], ['shap', 'ig']],
      ['ig', 1, [1, 1], ['shap', 'gradient']],
      ['lime', 0.7, [0.6, 0.8]],
    ]);
    const j = judgeClaim('t', b, 'shap', ATTR, 'low', 1);
    expect(j).toMatchObject({ verdict: 'contradicted', reason: 'ideal' });
    // The same interval supports a claim of the ideal side ("deterministic").
    expect(judgeClaim('t', b, 'gradient', ATTR, 'high', 1)).toMatchObject({ verdict: 'supported', reason: 'ideal' });
  });

  it('an interval on the other side of most of the family contradicts the claim', () => {
    const b = board('run-to-run', 'higher', [
      ['shap', 0.95, [0.93, 0.97]],
      ['gradient', 0.5, [0.4, 0.6]],
      ['ig', 0.6, [0.5, 0.7]],
      ['lime', 0.99, [0.98, 1]],
    ]);
    // Claim: low run-to-run. shap is significantly above gradient and ig (2 of 3 others): contradicted.
    expect(judgeClaim('t', b, 'shap', ATTR, 'low', 1)).toMatchObject({
      verdict: 'contradicted',
      reason: 'majority',
      forClaim: 1,
      against: 2,
      tied: 0,
      others: 3,
    });
    // The opposite claim reads supported on the same data.
    expect(judgeClaim('t', b, 'shap', ATTR, 'high', 1)).toMatchObject({ verdict: 'supported', forClaim: 2, against: 1 });
  });

  it('ties read inconclusive, whatever the means say', () => {
    const b = board('sparseness', 'higher', [
      ['lime', 0.8, [0.5, 1], ['gradient', 'ig', 'shap']],
      ['gradient', 0.4, [0.3, 0.5], ['lime']],
      ['ig', 0.5, [0.4, 0.6], ['lime']],
      ['shap', 0.45, [0.4, 0.5], ['lime']],
    ]);
    expect(judgeClaim('t', b, 'lime', ATTR, 'high', 1)).toMatchObject({
      verdict: 'inconclusive',
      reason: 'no-majority',
      forClaim: 0,
      tied: 3,
    });
  });

  it('needs a strict majority: two for of four others is inconclusive, three for is supported', () => {
    const rows: Row[] = [
      ['gradient', 0.5, [0.4, 0.6], ['ig']],
      ['ig', 0.5, [0.45, 0.55], ['gradient']],
      ['shap', 0.2, [0.1, 0.3]],
      ['random', 0.1, [0.05, 0.15]],
      ['lime', 0.9, [0.8, 1]],
    ];
    const group = [...ATTR, 'random'];
    expect(judgeClaim('t', board('max-sensitivity', 'lower', rows), 'gradient', group, 'high', 0)).toMatchObject({
      verdict: 'inconclusive',
      forClaim: 2,
      against: 1,
      tied: 1,
      others: 4,
    });
    rows[1] = ['ig', 0.3, [0.25, 0.35]];
    rows[0] = ['gradient', 0.5, [0.4, 0.6]];
    expect(judgeClaim('t', board('max-sensitivity', 'lower', rows), 'gradient', group, 'high', 0)).toMatchObject({
      verdict: 'supported',
      forClaim: 3,
      against: 1,
    });
  });

  it('compares only with the family: other families and methods without a value do not count', () => {
    const b = board('run-to-run', 'higher', [
      ['shap', 0.7, [0.6, 0.8]],
      ['rules', 1, [0.99, 1]],
      ['gradient', null, null],
    ]);
    expect(judgeClaim('t', b, 'shap', ['shap', 'gradient'], 'low', 1)).toMatchObject({
      verdict: 'inconclusive',
      reason: 'no-group',
      others: 0,
    });
    expect(judgeClaim('t', b, 'lime', ATTR, 'low', 1)).toMatchObject({ verdict: 'inconclusive', reason: 'no-value' });
  });

  it('a descriptive metric has no ideal side, so a degenerate interval does not settle it', () => {
    const b = board('rule-coverage', 'descriptive', [
      ['shap', 1, [1, 1]],
      ['ig', 0.5, [0.4, 0.6]],
    ]);
    expect(idealSide('descriptive')).toBeNull();
    expect(judgeClaim('t', b, 'shap', ATTR, 'low', 1)).toMatchObject({ verdict: 'contradicted', reason: 'majority' });
  });
});

describe('summariseClaim', () => {
  it('counts verdicts per evidence metric and lists the tasks', () => {
    const perfect = board('run-to-run', 'higher', [
      ['shap', 1, [1, 1]],
      ['gradient', 1, [1, 1]],
    ]);
    const noisy = board('run-to-run', 'higher', [
      ['shap', 0.6, [0.5, 0.7]],
      ['gradient', 1, [1, 1]],
      ['rules', 0.1, [0, 0.2]],
    ]);
    const tied = board('run-to-run', 'higher', [
      ['shap', 0.9, [0.7, 1], ['gradient']],
      ['gradient', 1, [1, 1], ['shap']],
    ]);
    const tasks = [task('a', [perfect]), task('b', [noisy]), task('c', [tied]), task('d', [])];
    const [s] = summariseClaim(tasks, 'shap', { evidence: ['run-to-run'], expect: 'low' }, ctx);
    expect(s.metric).toBe('run-to-run');
    expect(s.tasks).toEqual({ supported: ['b'], contradicted: ['a'], inconclusive: ['c'] });
    expect(s.judgements).toHaveLength(3);
  });
});

describe('method cards', () => {
  it('a strength expects the better side of a ranked metric, a weakness the worse side', () => {
    const byId = new Map(metrics.map((m) => [m.id, m]));
    let checked = 0;
    for (const e of explainers) {
      for (const c of e.card?.claims ?? []) {
        for (const id of c.evidence) {
          const better = idealSide(byId.get(id)!.direction);
          if (better === null) continue;
          expect(c.expect === better, `${e.id} ${c.kind} on ${id} expects ${c.expect}`).toBe(c.kind === 'strength');
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
