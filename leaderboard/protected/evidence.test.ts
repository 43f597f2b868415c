/** The evidence assembly on the synthetic hiring pair, with hand-made records whose answers are known. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { assertValid } from '../../core/schemas.js';
import { loadTask } from '../../datasets/index.js';
import type { ResultRecord } from '../../runner/result-record.js';
import { protectedEvidence } from './evidence.js';
import { testRowLevels } from './row-levels.js';

beforeAll(async () => {
  await useBackend('wasm');
});

function record(task: string, explainer: string, metric: string, sampleIds: string[], values: number[]): ResultRecord {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { task, explainer, metric, sampleIds, values, mean, n: values.length, nulls: {} } as unknown as ResultRecord;
}

describe('protectedEvidence', () => {
  it('scores detection, tracking and group gaps from the records', async () => {
    const fair = await loadTask('hiring-fair-mlp');
    const biased = await loadTask('hiring-biased-mlp');
    const ids = (t: typeof fair) => t.sampleIds(40);
    // "oracle" shares: high on the biased model, low on the fair one; "flat": the same on both
    const recs = [
      record(biased.id, 'oracle', 'protected-attribution-share', ids(biased), ids(biased).map((_, i) => 0.5 + i / 1000)),
      record(fair.id, 'oracle', 'protected-attribution-share', ids(fair), ids(fair).map((_, i) => 0.1 + i / 1000)),
      record(biased.id, 'flat', 'protected-attribution-share', ids(biased), ids(biased).map(() => 0.2)),
      record(fair.id, 'flat', 'protected-attribution-share', ids(fair), ids(fair).map(() => 0.2)),
    ];
    // a per-sample metric that is 1 on women and 0 on men: the gap between groups is exactly 1
    const levels = testRowLevels(biased);
    const byGroup = ids(biased).map((id) => levels[biased.sampleIndex(id)]);
    recs.push(record(biased.id, 'oracle', 'sparseness', ids(biased), byGroup));
    const ev = protectedEvidence(recs, [fair, biased], 0);
    expect(ev.tasks.map((t) => [t.task, t.trueEffect])).toEqual([[fair.id, 0], [biased.id, -2]]);
    expect(ev.tasks[1].effect.levels[0].logOdds.ci![1]).toBeLessThan(-1);
    const det = Object.fromEntries(ev.detection.map((d) => [d.explainer, d.score.estimate]));
    expect(det).toEqual({ flat: 0.5, oracle: 1 });
    const gap = ev.groupGaps.find((g) => g.metric === 'sparseness')!;
    expect(gap.groups.map((g) => g.group)).toEqual(['man', 'woman']);
    expect(gap.groups.map((g) => g.mean)).toEqual([0, 1]);
    expect(gap.gap).toEqual({ estimate: 1, ci: [1, 1] });
    expect(gap.groups[0].n + gap.groups[1].n).toBe(40);
    // two tasks only: too few cells for a rank correlation
    expect(ev.tracking.every((t) => t.spearman === null)).toBe(true);
    expect(() => assertValid('protected-evidence', JSON.parse(JSON.stringify(ev)), 'evidence')).not.toThrow();
  });
});
