import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../core/schemas.js';
import { cli, ROOT } from './cli.js';

const MODEL = join(ROOT, 'data', 'models', 'iris-mlp', 'model.json');
let tmp: string;
let inputFile: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'xai-bench-cli-'));
  inputFile = join(tmp, 'inputs.json');
  // Standardised iris rows (the zoo's MLP takes z-scores).
  writeFileSync(inputFile, JSON.stringify({ inputs: [[-0.9, 1.0, -1.3, -1.3], [0.3, -0.6, 0.5, 0.3], [1.2, 0.1, 1.0, 1.2]] }));
});

const oneLine = (s: string) => s.trim().split('\n').length === 1;

describe('explain and score on a user model', () => {
  it('explain writes a valid explanation with English and Korean text', () => {
    const out = join(tmp, 'ig.json');
    const r = cli(['explain', '--model', MODEL, '--explainer', 'integrated-gradients', '--input', inputFile, '--set', 'steps=64', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const rec = JSON.parse(readFileSync(out, 'utf8'));
    expect(validate('explanation', rec)).toEqual([]);
    expect(rec.attributions).toHaveLength(3);
    expect(rec.params.steps).toBe(64);
    expect(rec.text[0].en.length).toBeGreaterThan(10);
    expect(rec.text[0].ko).toMatch(/[가-힣]/);
  });

  it('score --attributions scores another tool\'s explanations and writes result records', () => {
    const recs = join(tmp, 'scores.jsonl');
    const r = cli(['score', '--model', MODEL, '--attributions', join(tmp, 'ig.json'), '--metric', 'completeness-gap,sparseness,seconds', '--input', inputFile, '--out', recs]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/completeness-gap/);
    const lines = readFileSync(recs, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(validate('result', l)).toEqual([]);
    const gap = lines.find((l) => l.metric === 'completeness-gap');
    // Integrated gradients with 64 steps on a small ReLU MLP: the relative completeness gap is small.
    expect(gap.mean).toBeLessThan(0.05);
    const secs = lines.find((l) => l.metric === 'seconds');
    expect(secs.values.every((v: number | null) => v !== null)).toBe(true);
  });

  it('score --explainer runs the explainer then the metrics, with metric parameters from --set', () => {
    const r = cli(['score', '--model', MODEL, '--explainer', 'occlusion', '--metric', 'deletion-auc', '--input', inputFile, '--set', 'deletion-auc.steps=4']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/deletion-auc\s+fidelity/);
  });
});

describe('bad input: one line naming the fault, exit 2, no output file', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['unknown explainer', () => ['explain', '--model', MODEL, '--explainer', 'nope', '--input', inputFile], /unknown explainer 'nope'/],
    ['unknown --set name', () => ['explain', '--model', MODEL, '--explainer', 'smoothgrad', '--input', inputFile, '--set', 'smaples=3'], /smoothgrad\.smaples.*unknown parameter/],
    ['--set out of range', () => ['explain', '--model', MODEL, '--explainer', 'smoothgrad', '--input', inputFile, '--set', 'samples=0'], /smoothgrad\.samples=0/],
    ['--set wrong type', () => ['explain', '--model', MODEL, '--explainer', 'integrated-gradients', '--input', inputFile, '--set', 'steps=many'], /steps=many/],
    ['missing model file', () => ['explain', '--model', join(tmp, 'none', 'model.json'), '--explainer', 'gradient', '--input', inputFile], /model\.json: cannot read/],
    ['input shape mismatch', () => ['explain', '--model', MODEL, '--explainer', 'gradient', '--input', writeJson('bad-shape.json', [[1, 2, 3]])], /inputs\[0\].*length 3, expected 4/],
    ['infinite input', () => ['explain', '--model', MODEL, '--explainer', 'gradient', '--input', writeRaw('inf.json', '[[1, 2, 3, 1e999]]')], /not finite/],
    ['non-numeric input', () => ['explain', '--model', MODEL, '--explainer', 'gradient', '--input', writeJson('str.json', [[1, 2, 'x', 4]])], /inputs\[0\]\[2\].*string/],
    ['unreadable JSON', () => ['explain', '--model', MODEL, '--explainer', 'gradient', '--input', writeRaw('broken.json', '[[1, 2,')], /not valid JSON/],
    ['malformed model.json', () => ['explain', '--model', writeRaw('model.json', '{"modelTopology": {}}'), '--explainer', 'gradient', '--input', inputFile], /weightsManifest/],
    ['unknown task', () => ['run', '--tasks', 'mnist-cnnn', '--out', join(tmp, 'never')], /mnist-cnnn/],
    ['unknown metric', () => ['run', '--metrics', 'deletion', '--out', join(tmp, 'never')], /--metrics deletion: unknown metric/],
    ['unknown flag', () => ['run', '--profil', 'smoke', '--out', join(tmp, 'never')], /--profil/],
    ['unknown profile', () => ['run', '--profile', 'huge', '--out', join(tmp, 'never')], /unknown profile/],
    ['bad --set owner', () => ['run', '--profile', 'smoke', '--set', 'nope.samples=3', '--out', join(tmp, 'never')], /unknown id 'nope'/],
    ['bad backend', () => ['run', '--backend', 'tpu', '--out', join(tmp, 'never')], /--backend tpu/],
    ['absent native backend', () => ['run', '--backend', 'tensorflow', '--profile', 'smoke', '--out', join(tmp, 'never')], /@tensorflow\/tfjs-node is not installed/],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const out = join(tmp, `out-${name.replace(/\W+/g, '-')}.json`);
      const a = args();
      const r = cli(a[0] === 'explain' ? [...a, '--out', out] : a);
      expect(r.code, r.stderr).toBe(2);
      expect(oneLine(r.stderr), r.stderr).toBe(true);
      expect(r.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(join(tmp, 'never'))).toBe(false);
    });
  }
});

function writeJson(name: string, v: unknown): string {
  return writeRaw(name, JSON.stringify(v));
}
function writeRaw(name: string, text: string): string {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
}

describe('xai-bench axioms', () => {
  it('prints the matrix and writes a valid JSON with one record per explainer and test', () => {
    const out = join(tmp, 'axioms.json');
    const r = cli(['axioms', '--explainers', 'gradient,deeplift,grad-cam', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^explainer +dummy +symmetry/m);
    expect(r.stdout).toMatch(/^deeplift +pass/m);
    const rec = JSON.parse(readFileSync(out, 'utf8'));
    expect(validate('axioms', rec)).toEqual([]);
    expect(rec.records).toHaveLength(3 * rec.tests.length);
    expect(rec.records.find((x: { explainer: string; test: string }) => x.explainer === 'deeplift' && x.test === 'completeness').status).toBe('pass');
  });

  it('refuses an unknown explainer in one line (exit 2) and writes nothing', () => {
    const out = join(tmp, 'axioms-bad.json');
    const r = cli(['axioms', '--explainers', 'gradient,nope', '--out', out]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(true);
    expect(r.stderr).toMatch(/--explainers nope: unknown explainer 'nope'/);
    expect(existsSync(out)).toBe(false);
  });
});
