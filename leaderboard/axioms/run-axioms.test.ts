/** The catalogue's known answers on built-in explainers, the JSON schema, and the ci regression rule. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '../../core/backend.js';
import { validate } from '../../core/schemas.js';
import { getExplainer } from '../../explainers/index.js';
import { type AxiomRecord, type AxiomReport, axiomRegressions, runAxioms } from './run-axioms.js';

let report: AxiomReport;
const rec = (explainer: string, test: string) => report.records.find((r) => r.explainer === explainer && r.test === test)!;

beforeAll(async () => {
  await useBackend('wasm');
  const before = tf.memory().numTensors;
  report = await runAxioms(['gradient', 'integrated-gradients', 'deeplift', 'kernel-shap', 'grad-cam', 'lrp'].map((id) => getExplainer(id)));
  expect(tf.memory().numTensors).toBe(before);
});

describe('xai-bench axioms', () => {
  it('measures DeepLIFT breaking implementation invariance: [1.5, -0.5] against [2, -1], a relative gap of sqrt(0.5 / 2.5)', () => {
    const r = rec('deeplift', 'implementation-invariance');
    expect(r.status).toBe('fail');
    expect(r.measured!).toBeCloseTo(Math.sqrt(0.5 / 2.5), 5);
    expect(rec('gradient', 'implementation-invariance').status).toBe('pass');
    expect(rec('integrated-gradients', 'implementation-invariance').status).toBe('pass');
  });

  it('tests completeness only where claimed, and finds it where it is', () => {
    expect(rec('gradient', 'completeness')).toMatchObject({ status: 'not-applicable', claimed: false });
    expect(rec('deeplift', 'completeness')).toMatchObject({ status: 'pass', claimed: true });
    expect(rec('integrated-gradients', 'completeness').status).toBe('pass');
    expect(rec('kernel-shap', 'completeness').status).toBe('pass');
  });

  it('finds the gradient blind to saturation and to a split interaction, integrated gradients not', () => {
    expect(rec('gradient', 'saturation')).toMatchObject({ status: 'fail', measured: 0 });
    // The gradient of relu(2 x1 + x2 - 2) at (1, 2) is [2, 1]: |2 - 1| / 2 = 0.5 from the fair half.
    expect(rec('gradient', 'interaction').measured!).toBeCloseTo(0.5, 6);
    expect(rec('integrated-gradients', 'saturation').status).toBe('pass');
    expect(rec('integrated-gradients', 'interaction').status).toBe('pass');
  });

  it('reproduces Kindermans et al.: a fixed zero baseline breaks input-shift invariance, the gradient keeps it', () => {
    expect(rec('integrated-gradients', 'input-shift-invariance').status).toBe('fail');
    expect(rec('deeplift', 'input-shift-invariance').status).toBe('fail');
    expect(rec('gradient', 'input-shift-invariance').status).toBe('pass');
  });

  it('says not applicable, with the reason, where an explainer cannot run the test models or output', () => {
    expect(rec('grad-cam', 'dummy')).toMatchObject({ status: 'not-applicable', measured: null });
    expect(rec('grad-cam', 'dummy').note).toMatch(/image tasks only/);
    expect(rec('kernel-shap', 'linearity').note).toMatch(/probabilities/);
  });

  it('writes records that validate against schemas/axioms.schema.json', () => {
    expect(report.records).toHaveLength(6 * report.tests.length);
    expect(validate('axioms', { format: 'xai-bench/axioms@1', ...report })).toEqual([]);
    expect(validate('axioms', { format: 'xai-bench/axioms@1', ...report, records: [{ ...report.records[0], status: 'maybe' }] })).not.toEqual([]);
  });

  it('counts as a regression only a test the built-in passed and the candidate fails', () => {
    const r = (test: string, status: AxiomRecord['status']): AxiomRecord => ({ explainer: 'x', test, property: test, claimed: false, status, measured: 0, tolerance: 0 });
    const builtIn = [r('dummy', 'pass'), r('symmetry', 'fail'), r('linearity', 'pass')];
    const candidate = [r('dummy', 'fail'), r('symmetry', 'fail'), r('linearity', 'not-applicable')];
    expect(axiomRegressions(builtIn, candidate).map((x) => x.test)).toEqual(['dummy']);
  });
});
