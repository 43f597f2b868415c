/**
 * `score --attributions` with explanations made outside xai-bench, through the built CLI: NumPy files
 * (written by NumPy itself, test/fixtures/numpy/make-fixtures.py) and bare JSON give the same numbers as
 * the full xai-bench/explanation@1 record of the same attributions; bad files are refused in one line.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../core/schemas.js';
import { cli, ROOT } from './cli.js';

const MODEL = join(ROOT, 'data', 'models', 'iris-mlp', 'model.json');
const FIX = join(ROOT, 'test', 'fixtures', 'numpy');
const INPUTS = join(FIX, 'iris-inputs.json');
// Metrics that run the model (fidelity, completeness), draw seeded noise (pgi, infidelity) and read only the attribution (sparseness).
const METRICS = 'deletion-auc,faithfulness-correlation,completeness-gap,pgi,infidelity,sparseness';
let tmp: string;

interface Scored {
  readonly metric: string;
  readonly explainer: string;
  readonly output: string;
  readonly values: (number | null)[];
  readonly sampleIds: string[];
}

function score(attributions: string, extra: readonly string[] = []): Scored[] {
  const out = join(tmp, `scores-${Math.random().toString(36).slice(2)}.jsonl`);
  const r = cli(['score', '--model', MODEL, '--input', INPUTS, '--attributions', attributions, '--metric', METRICS, '--out', out, ...extra]);
  expect(r.code, r.stderr).toBe(0);
  const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Scored);
  for (const l of lines) expect(validate('result', l)).toEqual([]);
  return lines;
}

const valuesOf = (records: readonly Scored[]) => Object.fromEntries(records.map((r) => [r.metric, r.values]));

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'xai-bench-numpy-'));
  // The full record of the same attributions, as xai-bench explain would write it.
  const inputs = JSON.parse(readFileSync(INPUTS, 'utf8')) as { targets: number[] };
  const attributions = JSON.parse(readFileSync(join(FIX, 'iris-attr.json'), 'utf8')) as number[][];
  const record = {
    schema: 'xai-bench/explanation@1',
    family: 'attribution',
    explainer: 'captum-ig',
    params: {},
    output: 'logit',
    targets: inputs.targets,
    shape: [4],
    attributions,
  };
  writeFileSync(join(tmp, 'full.json'), JSON.stringify(record));
  writeFileSync(join(tmp, 'wrapped.json'), JSON.stringify({ attributions }));
});

describe('score --attributions from NumPy and bare JSON', () => {
  it('gives the numbers of the full record for .npy, .npz, big-endian Fortran-order float64, bare and wrapped JSON', () => {
    const full = score(join(tmp, 'full.json'));
    expect(full.map((r) => r.metric)).toEqual(METRICS.split(','));
    const expected = valuesOf(full);
    // The values are real numbers, not all nulls: the comparison below means something.
    expect(Object.values(expected).flat().filter((v) => typeof v === 'number').length).toBeGreaterThanOrEqual(30);
    const named = ['--output', 'logit', '--explainer-name', 'captum-ig'];
    for (const [file, extra] of [
      [join(FIX, 'iris-attr.npy'), named],
      [join(FIX, 'iris-attr-f8-big-fortran.npy'), named],
      [join(FIX, 'iris-attr.npz'), named],
      [join(FIX, 'iris-attr-two.npz'), [...named, '--key', 'ig']],
      [join(FIX, 'iris-attr.json'), named],
      [join(tmp, 'wrapped.json'), named],
    ] as const) {
      const got = score(file, extra);
      expect(valuesOf(got), file).toEqual(expected);
      for (const r of got) expect([r.explainer, r.output]).toEqual(['captum-ig', 'logit']);
    }
  });

  it('names an array\'s results after the file, and explains --output probability when told', () => {
    const got = score(join(FIX, 'iris-attr.npy'), ['--output', 'probability']);
    expect(got[0].explainer).toBe('iris-attr');
    expect(got[0].output).toBe('probability');
  });
});

describe('bad attribution files: one line naming the file and the fault, exit 2, nothing written', () => {
  const f = (name: string) => join(FIX, name);
  const cases: [string, () => string[], RegExp][] = [
    ['wrong shape', () => [f('iris-attr-wrong-shape.npy'), '--output', 'logit'], /iris-attr-wrong-shape\.npy: shape \(6, 3\) does not match the inputs: 6 inputs of shape \[4\] call for \(6, 4\)/],
    ['int8 dtype', () => [f('iris-attr-i1.npy'), '--output', 'logit'], /iris-attr-i1\.npy: holds int8 values; attributions must be float32 or float64/],
    ['complex dtype', () => [f('iris-attr-c8.npy'), '--output', 'logit'], /iris-attr-c8\.npy: holds a complex array \(dtype <c8\)/],
    ['pickled object array', () => [f('iris-attr-pickled.npy'), '--output', 'logit'], /iris-attr-pickled\.npy: holds an array of Python objects \(dtype \|O, stored as a pickle\), which is never loaded/],
    ['truncated', () => [f('iris-attr-truncated.npy'), '--output', 'logit'], /iris-attr-truncated\.npy: truncated \.npy file/],
    ['truncated on a whole value', () => [f('iris-attr-truncated-whole.npy'), '--output', 'logit'], /iris-attr-truncated-whole\.npy: truncated \.npy file.*holds 92 bytes/],
    ['several .npz keys, no --key', () => [f('iris-attr-two.npz'), '--output', 'logit'], /iris-attr-two\.npz: the \.npz archive holds 2 arrays \('ig', 'grad'\); pick one with --key/],
    ['unknown --key', () => [f('iris-attr-two.npz'), '--output', 'logit', '--key', 'shap'], /--key shap: .*iris-attr-two\.npz has no array 'shap' \(it holds 'ig', 'grad'\)/],
    ['--key on a .npy', () => [f('iris-attr.npy'), '--output', 'logit', '--key', 'ig'], /--key ig: picks an array of a \.npz archive, and .*iris-attr\.npy is not one/],
    ['array without --output', () => [f('iris-attr.npy')], /iris-attr\.npy: a bare array does not say which model output it explains; add --output logit or --output probability/],
    ['bad --output', () => [f('iris-attr.npy'), '--output', 'prob'], /--output prob: expected one of logit, probability .*, score/],
    ['record contradicted by --output', () => [join(tmp, 'full.json'), '--output', 'probability'], /--output probability: .*full\.json is a record of explanations of the logit/],
    ['ragged JSON', () => [writeRaw('ragged.json', '[[1, 2, 3, 4], [1, 2, 3]]'), '--output', 'logit'], /ragged\.json: attributions\[1\] has length 3, expected 4/],
    ['JSON with unknown fields', () => [writeRaw('extra.json', '{"attributions": [[1, 2, 3, 4]], "targets": [0]}'), '--output', 'logit'], /extra\.json: expected a nested array.*unknown field 'targets'/],
  ];
  it('channels-first attributions for a channels-last model, with a hint', () => {
    const out = join(tmp, 'out-nchw.jsonl');
    const mnist = join(ROOT, 'data', 'models', 'mnist-cnn', 'model.json');
    const args = ['--model', mnist, '--input', f('mnist-inputs.json'), '--attributions', f('mnist-attr-nchw.npy'), '--output', 'logit'];
    const r = cli(['score', ...args, '--metric', 'sparseness', '--out', out]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/mnist-attr-nchw\.npy: shape \(2, 1, 28, 28\) does not match the inputs: 2 inputs of shape \[28, 28, 1\] call for \(2, 28, 28, 1\); the axes look reordered/);
    expect(existsSync(out)).toBe(false);
  });

  for (const [name, args, message] of cases) {
    it(name, () => {
      const out = join(tmp, `out-${name.replace(/\W+/g, '-')}.jsonl`);
      const r = cli(['score', '--model', MODEL, '--input', INPUTS, '--metric', 'sparseness', '--out', out, '--attributions', ...args()]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    });
  }
});

function writeRaw(name: string, text: string): string {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
}
