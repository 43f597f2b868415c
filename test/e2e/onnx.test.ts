/**
 * PyTorch models through the built CLI: the ONNX fixtures of test/fixtures/onnx/ (NCHW for the CNN, as
 * PyTorch takes it) explained by every attribution explainer whose needs they meet and scored by the
 * fidelity metrics; explanations come back in the model's own layout (checked against PyTorch's
 * gradients); bad .onnx files are refused in one line, exit 2, nothing written.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../core/schemas.js';
import { explainers } from '../../explainers/index.js';
import { onnxBytes } from '../helpers/onnx-graph.js';
import { cli, ROOT } from './cli.js';

const FIX = join(ROOT, 'test', 'fixtures', 'onnx');
const model = (name: string) => join(FIX, `${name}.onnx`);
const inputs = (name: string) => join(FIX, `${name}.inputs.json`);
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'xai-bench-onnx-'));
});

const oneLine = (s: string) => s.trim().split('\n').length === 1;
/** What an ONNX model offers (predictions, gradients) plus the inputs as training data. */
const OFFERED = new Set(['predict', 'gradients', 'training-data']);
const runnable = explainers.filter((e) => e.family === 'attribution' && e.needs.every((n) => OFFERED.has(n))).map((e) => e.id);
// Keep the sampling explainers small: this checks that they run on ONNX models, not their accuracy.
const SETS: Record<string, string[]> = {
  smoothgrad: ['--set', 'samples=8'],
  'kernel-shap': ['--set', 'samples=64'],
  lime: ['--set', 'samples=64'],
  'integrated-gradients': ['--set', 'steps=16'],
};

describe('explain and score ONNX models from PyTorch', () => {
  it('meets every attribution explainer but LRP, which needs layers', () => {
    expect(runnable).toEqual(expect.arrayContaining(['gradient', 'integrated-gradients', 'occlusion', 'kernel-shap', 'lime', 'smoothgrad']));
    expect(runnable).not.toContain('lrp');
  });

  it('chain-cnn: LRP walks the layers the graph maps onto (its BatchNorm folded into the Gemm before it)', () => {
    const out = join(tmp, 'chain-lrp.json');
    const r = cli(['explain', '--model', model('chain-cnn'), '--explainer', 'lrp', '--input', inputs('chain-cnn'), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const rec = JSON.parse(readFileSync(out, 'utf8'));
    expect(validate('explanation', rec)).toEqual([]);
    expect(rec.shape).toEqual([3, 8, 8]);
    expect(rec.attributions).toHaveLength(4);
  });

  for (const [name, shape] of [['mlp', [6]], ['cnn', [3, 8, 8]]] as const) {
    it(`${name}: every such explainer writes a valid record in the model's own layout`, () => {
      const n = (JSON.parse(readFileSync(inputs(name), 'utf8')).inputs as unknown[]).length;
      for (const id of runnable) {
        const out = join(tmp, `${name}-${id}.json`);
        const r = cli(['explain', '--model', model(name), '--explainer', id, '--input', inputs(name), ...(SETS[id] ?? []), '--out', out]);
        expect(r.code, `${id}: ${r.stderr}`).toBe(0);
        const rec = JSON.parse(readFileSync(out, 'utf8'));
        expect(validate('explanation', rec), id).toEqual([]);
        expect(rec.shape, id).toEqual(shape);
        expect(rec.attributions, id).toHaveLength(n);
      }
    });
  }

  it('cnn: gradients come back NCHW and equal PyTorch\'s to 1e-4', () => {
    const ref = JSON.parse(readFileSync(join(FIX, 'cnn.reference.json'), 'utf8'));
    const rec = JSON.parse(readFileSync(join(tmp, 'cnn-gradient.json'), 'utf8'));
    expect(rec.targets).toEqual(ref.targets);
    const got = (rec.attributions as unknown[]).flat(4) as number[];
    const want = (ref.gradients as unknown[]).flat(4) as number[];
    const scale = Math.max(...want.map(Math.abs));
    expect(Math.max(...got.map((v, i) => Math.abs(v - want[i]))) / scale).toBeLessThan(1e-4);
  });

  it('score runs the fidelity metrics, and a record read back (NCHW) scores as the explainer run does', () => {
    const metrics = 'deletion-auc,insertion-auc,faithfulness-correlation,pgi,pgu,infidelity,road,aopc';
    for (const name of ['mlp', 'cnn']) {
      const out = join(tmp, `${name}-scores.jsonl`);
      const r = cli(['score', '--model', model(name), '--explainer', 'gradient', '--metric', metrics, '--input', inputs(name), '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.map((l) => l.metric)).toEqual(metrics.split(','));
      for (const l of lines) {
        expect(validate('result', l)).toEqual([]);
        expect(l.values.some((v: number | null) => v !== null), l.metric).toBe(true);
      }
      const back = join(tmp, `${name}-scores-file.jsonl`);
      const f = cli(['score', '--model', model(name), '--attributions', join(tmp, `${name}-gradient.json`), '--metric', 'deletion-auc,pgi', '--input', inputs(name), '--out', back]);
      expect(f.code, f.stderr).toBe(0);
      const fromFile = readFileSync(back, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      for (const l of fromFile) expect(l.values).toEqual(lines.find((x) => x.metric === l.metric).values);
    }
  });

  it('score runs MPRT on the ONNX graph (its weighted nodes re-initialised from the top)', () => {
    const r = cli(['score', '--model', model('cnn'), '--explainer', 'gradient', '--metric', 'mprt', '--input', inputs('cnn')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/mprt/);
  });
});

describe('ONNX bad input: one line naming the file, exit 2, nothing written', () => {
  const cases: [string, () => string, RegExp][] = [
    ['truncated .onnx', () => write('truncated.onnx', readFileSync(model('cnn')).subarray(0, 1500)), /truncated\.onnx: not an ONNX model, or a truncated one/],
    ['a text file named .onnx', () => write('text.onnx', '{"inputs": [[1, 2, 3]]}\n'), /text\.onnx: not an ONNX model/],
    [
      'an unsupported operator',
      () => write('erf.onnx', onnxBytes({ input: [6], nodes: [{ op: 'Erf', name: '/act/Erf', inputs: ['x'], outputs: ['y'] }], output: 'y' })),
      /erf\.onnx: operator Erf \(node '\/act\/Erf'\) is not supported \(supported: /,
    ],
    ['a missing file', () => join(tmp, 'none.onnx'), /none\.onnx: cannot read model file \(ENOENT\)/],
  ];
  for (const [what, file, message] of cases) {
    it(what, () => {
      const out = join(tmp, `never-${what.replace(/\W+/g, '-')}.json`);
      const r = cli(['explain', '--model', file(), '--explainer', 'gradient', '--input', inputs('mlp'), '--out', out]);
      expect(r.code, r.stderr).toBe(2);
      expect(oneLine(r.stderr), r.stderr).toBe(true);
      expect(r.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('LRP on an ONNX graph', () => {
    const out = join(tmp, 'never-lrp.json');
    const r = cli(['explain', '--model', model('cnn'), '--explainer', 'lrp', '--input', inputs('cnn'), '--out', out]);
    expect(r.code, r.stderr).toBe(2);
    expect(oneLine(r.stderr), r.stderr).toBe(true);
    expect(r.stderr).toMatch(/--explainer lrp: needs the model's layers, which .*cnn\.onnx \(onnx\) does not offer \(tensor '.*' is read by 2 nodes/);
    expect(existsSync(out)).toBe(false);
  });
});

function write(name: string, data: string | Uint8Array): string {
  const p = join(tmp, name);
  writeFileSync(p, data);
  return p;
}
