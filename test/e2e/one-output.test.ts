/**
 * One-output models and structured explainers through the built CLI, as a user runs them: a linear
 * Dense(1) is explained as a score (gradients are its weights), methods that need classes refuse or give
 * nulls with their declared reason, a ReLU output layer is taken as is under --output score, and
 * `score --explainer` scores every structured family that can run on a user model with its fitted
 * state, as a run does (runner/unit-scores.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveLayersModel } from '../../core/model-io.js';
import { validate } from '../../core/schemas.js';
import { cli, ROOT } from './cli.js';

const W = [2, -1, 0.5];
const IRIS = join(ROOT, 'data', 'models', 'iris-mlp', 'model.json');
let tmp: string;
let inputs: string;
let irisInputs: string;

async function oneUnitModel(activation: 'linear' | 'relu', dir: string): Promise<string> {
  const net = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 1, activation, name: 'out' })] });
  net.layers[0].setWeights([tf.tensor2d(W.map((w) => [w])), tf.tensor1d([0.25])]);
  await saveLayersModel(net, join(tmp, dir));
  return join(tmp, dir, 'model.json');
}

const oneLine = (s: string) => s.trim().split('\n').length === 1;
let linear: string;
let relu: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'xai-bench-one-output-'));
  linear = await oneUnitModel('linear', 'linear');
  relu = await oneUnitModel('relu', 'relu');
  inputs = join(tmp, 'inputs.json');
  writeFileSync(inputs, JSON.stringify({ inputs: [[1, 0.5, -0.2], [0.3, 1.0, 0.7], [-0.5, 0.2, 1.0], [0.9, -0.3, 0.4]] }));
  irisInputs = join(tmp, 'iris.json');
  // Standardised iris rows, several per class, so that rule extraction has something to split.
  const rows = [[-0.9, 1.0, -1.3, -1.3], [-1.1, 0.8, -1.2, -1.1], [-1.0, 0.3, -1.4, -1.3], [0.3, -0.6, 0.5, 0.3], [0.1, -0.8, 0.3, 0.1],
    [0.5, -0.4, 0.6, 0.5], [1.2, 0.1, 1.0, 1.2], [1.5, -0.1, 1.2, 0.9], [1.0, 0.0, 1.1, 1.4], [0.6, -0.2, 0.9, 1.0]];
  writeFileSync(irisInputs, JSON.stringify({ inputs: rows }));
});

describe('a one-output linear model is explained as a score', () => {
  it('explain gradient gives the weights, for target 0, with text that names the score', () => {
    const out = join(tmp, 'grad.json');
    const r = cli(['explain', '--model', linear, '--explainer', 'gradient', '--input', inputs, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const rec = JSON.parse(readFileSync(out, 'utf8'));
    expect(validate('explanation', rec)).toEqual([]);
    expect(rec.targets).toEqual([0, 0, 0, 0]);
    for (const a of rec.attributions) a.forEach((v: number, j: number) => expect(v).toBeCloseTo(W[j], 5));
    expect(rec.text[0].en).toMatch(/model's output for 'score'/);
  });

  it('an explainer that needs classes refuses in one line with its reason, exit 2, nothing written', () => {
    const out = join(tmp, 'cf.json');
    const r = cli(['explain', '--model', linear, '--explainer', 'counterfactual', '--input', inputs, '--out', out]);
    expect(r.code, r.stderr).toBe(2);
    expect(oneLine(r.stderr), r.stderr).toBe(true);
    expect(r.stderr).toMatch(/counterfactual: searches for the nearest input the model gives another class.*gives a score/);
    expect(existsSync(out)).toBe(false);
  });

  it('score: metrics that need classes give nulls with their reason, the others values', () => {
    const recs = join(tmp, 'scores.jsonl');
    const metrics = 'random-logit,completeness-gap,deletion-auc,max-sensitivity';
    const r = cli(['score', '--model', linear, '--explainer', 'gradient-x-input', '--metric', metrics, '--input', inputs, '--out', recs]);
    expect(r.code, r.stderr).toBe(0);
    const lines = readFileSync(recs, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    for (const l of lines) expect(validate('result', l)).toEqual([]);
    const by = (id: string) => lines.find((l) => l.metric === id);
    expect(by('random-logit').n).toBe(0);
    expect(Object.keys(by('random-logit').nulls)).toEqual(['the model gives a score, not classes: compares with the explanation of another class']);
    // Gradient x input of a linear score from a zero baseline is complete up to float error.
    expect(by('completeness-gap').n).toBe(4);
    expect(by('completeness-gap').mean).toBeLessThan(1e-5);
    expect(by('deletion-auc').n).toBe(4);
    expect(by('max-sensitivity').n).toBe(4);
    expect(r.stdout).toMatch(/random-logit .*4 null: the model gives a score, not classes/);
  });

  it('list says what each explainer and metric does on a score model', () => {
    const e = cli(['list', 'explainers']);
    expect(e.stdout).toMatch(/^counterfactual .*\n.*\n {4}on a score model: refuses \(needs classes: searches/m);
    expect(e.stdout).toMatch(/^gradient .*\n.*\n {4}on a score model: runs on the score itself/m);
    const m = cli(['list', 'metrics']);
    expect(m.stdout).toMatch(/on a score model: null \(needs classes: compares with the explanation of another class\)/);
  });
});

describe('a last layer with another activation', () => {
  it('is refused without --output score, and the message names the flag', () => {
    const out = join(tmp, 'relu-refused.json');
    const r = cli(['explain', '--model', relu, '--explainer', 'gradient', '--input', inputs, '--out', out]);
    expect(r.code, r.stderr).toBe(2);
    expect(oneLine(r.stderr), r.stderr).toBe(true);
    expect(r.stderr).toMatch(/activation relu.*--output score/);
    expect(existsSync(out)).toBe(false);
  });

  it('is explained as is with --output score: the ReLU output\'s gradient', () => {
    const out = join(tmp, 'relu.json');
    const r = cli(['explain', '--model', relu, '--output', 'score', '--explainer', 'gradient', '--input', inputs, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const rec = JSON.parse(readFileSync(out, 'utf8'));
    // w.x + b is 1.65, 0.2, -0.45 and 2.55: the ReLU passes the gradient w except on input 2, where it is 0.
    const want = [W, W, [0, 0, 0], W];
    rec.attributions.forEach((a: number[], i: number) => a.forEach((v, j) => expect(v).toBeCloseTo(want[i][j], 5)));
  });

  it('--output takes only score', () => {
    const r = cli(['explain', '--model', relu, '--output', 'scores', '--explainer', 'gradient', '--input', inputs]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--output scores: expected score/);
  });
});

describe('score --explainer scores the structured families as a run does', () => {
  const cases: [string, string, string][] = [
    ['rules', 'deepred', 'rule-fidelity,rule-coverage,rule-count,rule-length,distinct-terms,extraction-seconds'],
    ['rules (pedagogical)', 'c45-pedagogical', 'rule-fidelity,rule-count'],
    ['examples', 'counterfactual', 'counterfactual-validity,counterfactual-size,seconds'],
  ];
  for (const [family, explainer, metrics] of cases) {
    it(`${family}: ${explainer} with ${metrics}`, () => {
      const recs = join(tmp, `${explainer}.jsonl`);
      const r = cli(['score', '--model', IRIS, '--explainer', explainer, '--metric', metrics, '--input', irisInputs, '--out', recs]);
      expect(r.code, r.stderr).toBe(0);
      const lines = readFileSync(recs, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      expect(lines).toHaveLength(metrics.split(',').length);
      for (const l of lines) {
        expect(validate('result', l)).toEqual([]);
        expect(l.n, `${l.metric}: ${JSON.stringify(l.nulls)}`).toBe(10);
      }
      const fidelity = lines.find((l) => l.metric === 'rule-fidelity' || l.metric === 'counterfactual-validity');
      expect(fidelity.mean).toBeGreaterThan(0.5);
    });
  }
});
