import { describe, expect, it } from 'vitest';
import { makeRecord, makeRun } from '../test/helpers/result-records.js';
import { UserError } from './errors.js';
import { EXPLANATION_SCHEMA } from '../runner/explanation-record.js';
import { aggregate } from '../leaderboard/aggregate.js';
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

/** A structured-family line around per-sample payloads. */
const structured = (family: string, explanations: unknown[]) => ({
  schema: EXPLANATION_SCHEMA,
  family,
  explainer: 'x',
  params: {},
  output: 'probability',
  sampleIds: explanations.map((_, i) => `s${i}`),
  targets: explanations.map(() => 0),
  explanations,
  text: explanations.map(() => ({ en: 'e', ko: 'k' })),
});

describe('the concept-path payload (docs/formats.md: {class, seen, novelty, paths, similarClasses, text})', () => {
  const prediction = {
    class: 8,
    seen: false,
    novelty: -4.9,
    novel: false,
    paths: [['digit:8', 'has_part', 'attr:hole'], ['digit:8', 'has_part', 'attr:hole', 'grounded_in', 'wn:1']],
    attributes: [{ id: 'hole', evidence: 1.2 }],
    similarClasses: [{ class: 0, score: 2.5, shared: ['hole'] }],
    text: { en: 'Recognised as 8', ko: '8' },
  };

  it('accepts a prediction (the lines a real run writes are checked in test/e2e/site-gallery.test.ts)', () => {
    expect(validate('explanation', structured('concept-path', [prediction]))).toEqual([]);
  });

  it('rejects missing fields, wrong types and paths that are not [node, edge, node, ...]', () => {
    const bad = (p: object) => validate('explanation', structured('concept-path', [{ ...prediction, ...p }]));
    const { similarClasses, ...noSimilar } = prediction;
    void similarClasses;
    expect(validate('explanation', structured('concept-path', [noSimilar]))).toEqual(["/explanations/0: missing field 'similarClasses'"]);
    expect(bad({ seen: 'no' })).toEqual(['/explanations/0/seen: must be boolean']);
    expect(bad({ class: 1.5 })).toEqual(['/explanations/0/class: must be integer']);
    expect(bad({ paths: [['digit:8', 'has_part']] })).toEqual(['/explanations/0/paths/0: must NOT have fewer than 3 items']);
    expect(bad({ paths: [['digit:8', 'has_part', 'attr:hole', 'grounded_in']] })).toEqual(['/explanations/0/paths/0: 4 entries, expected an odd number ([node, edge, node, ...])']);
    expect(bad({ paths: [['digit:8', 3, 'attr:hole']] })).toEqual(['/explanations/0/paths/0/1: must be string']);
    expect(bad({ similarClasses: [{ class: 0, score: 1 }] })).toEqual(["/explanations/0/similarClasses/0: missing field 'shared'"]);
    expect(bad({ text: { en: 'only english' } })).toEqual(["/explanations/0/text: missing field 'ko'"]);
    expect(bad({ extra: 1 })).toEqual(["/explanations/0: unknown field 'extra'"]);
  });
});

describe('the examples payload: one shape for every examples explainer', () => {
  const img = (v: number) => [[[v], [v]]];
  const neighbours = { input: img(0), target: 1, probability: 0.9, space: 'penultimate', samples: [{ role: 'neighbour', input: img(1), index: 3, label: 1, predicted: 1, distance: 0.5 }] };
  const counterfactual = {
    input: img(0),
    target: 1,
    space: 'input',
    samples: [{ role: 'counterfactual', input: img(1), predicted: 0, distance: 1.4 }],
    counterfactual: { found: true, size: { l2: 1.4, l1: 2, linf: 1, changed: 2, of: 2 }, changes: [{ feature: 0, name: 'f0', from: 1, to: 2, unit: 'cm' }] },
  };
  const generated = {
    input: img(0),
    target: 0,
    space: 'latent',
    samples: [{ role: 'generated', input: img(0.5), predicted: 0, distance: 0.3 }, { role: 'generated', input: img(0.4), predicted: 0, distance: 0.2, inside: false }],
    latents: [[0.1, 0.2], [0.3, 0.1]],
    boundaries: { layer: 'gen_1', layerIndex: 1, layerUnits: 4, units: [0, 2], on: [1, 0], keepProbability: [0.9, 0.1, 0.8, 0.2], reconstructionError: 0.001, reconstructionErrorAllOff: 0.1, hyperplanes: [{ w: [1, 0], b: 0 }, { w: [0, 1], b: 0.5 }] },
    tree: { parents: [-1, 0], iterations: 2, direct: 2, checks: 2 },
    generation: { sampler: 'rrt', query: { latent: [0, 0], image: img(0.5), label: 0 }, acceptance: { accepted: 2, checked: 2 }, meanLatentDistance: 0.25 },
  };

  it('accepts neighbours, a counterfactual, a failed search and generated examples', () => {
    expect(validate('explanation', structured('examples', [neighbours, counterfactual, { input: img(0), samples: [], counterfactual: { found: false } }, generated]))).toEqual([]);
  });

  it('rejects the old per-explainer shapes, unknown keys and misaligned per-sample arrays', () => {
    const bad = (q: object) => validate('explanation', structured('examples', [q]));
    // generative-boundaries' old shape: samples as bare flat images, extras at the top level.
    expect(bad({ ...generated, samples: [[0.5, 0.5]] })).toEqual(['/explanations/0/samples/0: must be object']);
    expect(bad({ ...generated, sampler: 'rrt' })).toEqual(["/explanations/0: unknown field 'sampler'"]);
    // counterfactual's old shape: found/size at the top level.
    expect(bad({ ...counterfactual, found: true })).toEqual(["/explanations/0: unknown field 'found'"]);
    expect(bad({ ...neighbours, samples: [{ role: 'neighbour' }] })).toEqual(["/explanations/0/samples/0: missing field 'input'"]);
    expect(bad({ ...neighbours, samples: [{ role: 'friend', input: img(1) }] })[0]).toMatch(/^\/explanations\/0\/samples\/0\/role: must be one of/);
    expect(bad({ ...neighbours, input: 3 })).toEqual(['/explanations/0/input: must be array']);
    const { latents, ...noLatents } = generated;
    void latents;
    expect(bad(noLatents)).toEqual(['/explanations/0: must have properties latents, boundaries when property generation is present']);
    expect(bad({ ...generated, latents: [[0.1, 0.2]] })).toEqual(['/explanations/0/latents: 1 latents for 2 samples']);
    expect(bad({ ...generated, tree: { ...generated.tree, parents: [-1, 1] } })).toEqual(['/explanations/0/tree/parents/1: parent 1 is not an earlier sample']);
  });
});
