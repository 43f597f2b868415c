import { describe, expect, it } from 'vitest';
import { makeRecord, makeRun } from '../test/helpers/result-records.js';
import { UserError } from './errors.js';
import { EXPLANATION_SCHEMA } from './explanation-record.js';
import { aggregate } from './leaderboard/aggregate.js';
import { assertValid, validate } from './schemas.js';

const explanation = {
  schema: EXPLANATION_SCHEMA,
  family: 'attribution',
  explainer: 'integrated-gradients',
  params: { steps: 32, baseline: 'zero' },
  output: 'logit',
  sampleIds: ['s1', 's2'],
  targets: [0, 3],
  shape: [2, 2],
  attributions: [[[0.1, -0.2], [0, 1]], [[1, 2], [3, 4]]],
  reference: [0.5, -1],
  layer: { name: 'dense_1', shape: [3], relevance: [[1, 2, 3], [4, 5, 6]] },
  extras: [{ delta: 0.01 }, {}],
  text: [{ en: 'pixel (0, 1) matters most', ko: '픽셀 (0, 1)이 가장 중요합니다' }, { en: 'b', ko: 'b' }],
  cost: [{ seconds: 0.1, forwardPasses: 32, gradientPasses: 32 }, { seconds: 0.1, forwardPasses: 32, gradientPasses: 32 }],
};

describe('schemas', () => {
  it('accept valid examples of every kind', () => {
    expect(validate('result', makeRecord({ explainer: 'a', metric: 'm', values: [1, null, 0.5] }))).toEqual([]);
    expect(validate('run', makeRun('r1'))).toEqual([]);
    expect(validate('run', { ...makeRun('r1'), config: { ...makeRun('r1').config, samplesPerTask: 'all', jobs: 2, shard: { index: 1, count: 2 } } })).toEqual([]);
    expect(validate('explanation', explanation)).toEqual([]);
    const { layer, extras, text, cost, reference, sampleIds, ...minimal } = explanation;
    void [layer, extras, text, cost, reference, sampleIds];
    expect(validate('explanation', minimal)).toEqual([]);
    const lb = aggregate([makeRecord({ explainer: 'a', metric: 'm', values: [1, 2] })], [makeRun('run-a')], { resamples: 10 });
    expect(validate('leaderboard', lb)).toEqual([]);
  });

  it('report broken results with the path of the field at fault', () => {
    const rec = makeRecord({ explainer: 'a', metric: 'm', values: [1, 2] });
    expect(validate('result', { ...rec, values: [1, 'two'] })).toEqual(['/values/1: must be number,null']);
    expect(validate('result', { ...rec, criterion: 'beauty' })).toEqual([
      '/criterion: must be one of "fidelity", "completeness", "stability", "sanity", "complexity", "localisation", "cost", "human"',
    ]);
    const { modelHash, ...noHash } = rec;
    void modelHash;
    expect(validate('result', noHash)).toEqual(["/: missing field 'modelHash'"]);
    expect(validate('result', { ...rec, extra: 1 })).toEqual(["/: unknown field 'extra'"]);
    expect(validate('result', { ...rec, schema: 'xai-bench/result@2' })).toEqual(['/schema: must be "xai-bench/result@1"']);
    expect(validate('result', { ...rec, values: [1, NaN] })).toEqual(['/values/1: NaN is not finite (a value that cannot be computed is null with a reason)']);
    expect(validate('result', { ...rec, cost: { ...rec.cost, forwardPasses: 1.5 } })).toEqual(['/cost/forwardPasses: must be integer']);
    expect(validate('result', { ...rec, sampleIds: ['s1', 's1'] })).toEqual(["/sampleIds/1: duplicate sample id 's1'"]);
    expect(validate('result', { ...rec, timestamp: 'yesterday' })[0]).toMatch(/^\/timestamp: must match pattern/);
  });

  it('report broken explanations, runs and leaderboards', () => {
    expect(validate('explanation', { ...explanation, attributions: [[[0.1, 'x'], [0, 1]], [[1, 2], [3, 4]]] })).toContain('/attributions/0/0/1: must be number,array');
    expect(validate('explanation', { ...explanation, family: 'poetry' })[0]).toEqual('/family: "poetry" is not a known value');
    expect(validate('explanation', { ...explanation, text: [{ en: 'x' }] })).toEqual(["/text/0: missing field 'ko'"]);
    expect(validate('explanation', { ...explanation, targets: [-1, 0] })).toEqual(['/targets/0: must be >= 0']);
    expect(validate('run', { ...makeRun('r'), status: 'done' })).toEqual(['/status: must be one of "running", "complete", "failed", "interrupted"']);
    expect(validate('run', { ...makeRun('r'), versions: { node: 'v20' } })).toEqual(["/versions: missing field 'tfjs'"]);
    const lb = aggregate([makeRecord({ explainer: 'a', metric: 'm', values: [1, 2] })], [makeRun('run-a')], { resamples: 10 });
    expect(validate('leaderboard', { ...lb, human: {} })).toEqual(["/human: missing field 'studies'"]);
    expect(validate('leaderboard', { ...lb, human: [] })).toEqual(['/human: must be object,null']);
    const broken = JSON.parse(JSON.stringify(lb));
    broken.tasks[0].metrics[0].entries[0].ci = [1];
    expect(validate('leaderboard', broken)).toEqual(['/tasks/0/metrics/0/entries/0/ci: must NOT have fewer than 2 items']);
  });

  it('assertValid throws a one-line UserError naming where', () => {
    expect(() => assertValid('run', { schema: 'xai-bench/run@1' }, 'out/run.json')).toThrow(UserError);
    expect(() => assertValid('run', { ...makeRun('r'), seed: 'x' }, 'out/run.json')).toThrow(
      'out/run.json: not a valid xai-bench/run@1: /seed: must be integer',
    );
  });
});
