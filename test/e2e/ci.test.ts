import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './cli.js';

let tmp: string;
let baseline: string;

const plugin = (name: string, body: string, extra = '') => {
  const path = join(tmp, `${name}.ts`);
  writeFileSync(
    path,
    `${extra}
const explainer = {
  id: 'gradient-x-input',
  family: 'attribution',
  description: 'gradient x input, as a plugin (${name})',
  needs: ['gradients'],
  output: 'logit',
  deterministic: true,
  params: {},
  explain(ctx: any, batch: any, targets: Int32Array, sampleIds: readonly string[]) {
    const g: Float32Array = ctx.engine.gradients(batch, targets, 'logit');
    ${body}
  },
};
export default explainer;
`,
  );
  return path;
};

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'xai-bench-ci-'));
  baseline = join(tmp, 'baseline');
  const r = cli(['run', '--profile', 'smoke', '--tasks', 'iris-mlp,synth-linear-mlp', '--explainers', 'gradient-x-input', '--metrics', 'deletion-auc,faithfulness-correlation,sparseness,seconds', '--samples', '16', '--out', baseline, '--jobs', '1', '--quiet']);
  if (r.code !== 0) throw new Error(r.stderr);
});

describe('xai-bench ci', () => {
  it('a copy of a built-in explainer passes against its own baseline (exit 0), with readable reports', () => {
    const out = join(tmp, 'same');
    const r = cli(['ci', '--explainer', plugin('same', 'return { attributions: g.map((v, i) => v * batch.data[i]) };'), '--baseline', baseline, '--out', out, '--jobs', '1']);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toMatch(/0 regression\(s\)/);
    const md = readFileSync(join(out, 'ci-report.md'), 'utf8');
    expect(md).toMatch(/^## xai-bench ci: gradient-x-input vs baseline gradient-x-input .*: ✅ no regression/m);
    expect(md).toMatch(/\| task \| metric \| baseline \| candidate \| change \(\+ better\) \| n \| p \(Holm\) \| verdict \|/);
    // The functional tests ran on the built-in and on the candidate: a faithful copy regresses on none.
    expect(md).toMatch(/^## Functional tests \(xai-bench axioms\) against built-in gradient-x-input/m);
    expect(r.stdout).toMatch(/No regression: the candidate passes every test gradient-x-input passes/);
    const xml = readFileSync(join(out, 'ci-report.xml'), 'utf8');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    // One test case per task x metric: 2 tasks x 4 metrics.
    expect(xml.match(/<testcase /g)).toHaveLength(8);
    expect(xml).toMatch(/<testsuites name="[^"]+" tests="8" failures="0" errors="0" skipped="2">/);
    // Wall time is machine-dependent: not compared by default.
    expect(xml).toMatch(/name="seconds"><skipped message="not compared by default/);
    const json = JSON.parse(readFileSync(join(out, 'ci-report.json'), 'utf8'));
    expect(json.regressions).toBe(0);
  });

  it('a degraded plugin (attributions mixed with noise) is flagged as a regression on fidelity (exit 1)', () => {
    const noisy = plugin(
      'noisy',
      `const d = batch.data.length / batch.n;
    const out = new Float32Array(g.length);
    for (let i = 0; i < batch.n; i++) {
      const rng = ctx.rng(sampleIds[i], 'noise');
      for (let j = 0; j < d; j++) out[i * d + j] = 0.1 * g[i * d + j] * batch.data[i * d + j] + rng.normal();
    }
    return { attributions: out };`,
    );
    const out = join(tmp, 'noisy');
    const r = cli(['ci', '--explainer', noisy, '--baseline', baseline, '--out', out, '--jobs', '1']);
    expect(r.code, r.stderr + r.stdout).toBe(1);
    const json = JSON.parse(readFileSync(join(out, 'ci-report.json'), 'utf8'));
    const regressed = json.cells.filter((c: { verdict: string }) => c.verdict === 'regression');
    expect(regressed.length).toBeGreaterThan(0);
    expect(regressed.every((c: { criterion: string }) => c.criterion === 'fidelity' || c.criterion === 'complexity')).toBe(true);
    expect(regressed.some((c: { criterion: string }) => c.criterion === 'fidelity')).toBe(true);
    expect(readFileSync(join(out, 'ci-report.xml'), 'utf8')).toMatch(/<failure message="regression of /);
    // Noise on every element gives the ignored feature of the dummy test a share: a functional regression too.
    expect(readFileSync(join(out, 'ci-report.md'), 'utf8')).toMatch(/- REGRESSION dummy: gradient-x-input passes, the candidate fails/);
  });

  it('broken plugins fail their cells with the reason, never a crash without a message', () => {
    for (const [name, body, reason] of [
      ['throws', "throw new Error('boom');", /boom/],
      ['nan', 'return { attributions: g.map(() => NaN) };', /non-finite attribution/],
      ['shape', 'return { attributions: new Float32Array(3) };', /attribution values for/],
    ] as const) {
      const out = join(tmp, name);
      const r = cli(['ci', '--explainer', plugin(name, body), '--baseline', baseline, '--out', out, '--jobs', '1']);
      expect(r.code, `${name}: ${r.stderr}`).toBe(1);
      const json = JSON.parse(readFileSync(join(out, 'ci-report.json'), 'utf8'));
      expect(json.cells.some((c: { reason?: string }) => c.reason && reason.test(c.reason)), name).toBe(true);
    }
  });

  it('a plugin that hangs is stopped at the cell timeout', () => {
    const out = join(tmp, 'hang');
    const r = cli(['ci', '--explainer', plugin('hang', 'for (;;) {}'), '--baseline', baseline, '--out', out, '--jobs', '1', '--cell-timeout', '3']);
    expect(r.code, r.stderr).toBe(1);
    expect(readFileSync(join(out, 'ci-report.md'), 'utf8')).toMatch(/timed out after 3 s/);
  });

  it('a malformed plugin or a missing baseline is an error (exit 2, one line)', () => {
    const bad = join(tmp, 'bad.ts');
    writeFileSync(bad, "export default { id: 'x', family: 'attribution' };\n");
    let r = cli(['ci', '--explainer', bad, '--baseline', baseline]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/bad\.ts: "description" must be a non-empty string/);
    r = cli(['ci', '--explainer', bad, '--baseline', join(tmp, 'nowhere')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no run\.json/);
    expect(existsSync(join(tmp, 'nowhere'))).toBe(false);
  });
});

describe('xai-bench compare', () => {
  it('compares two results folders and prints JUnit on request', () => {
    const r = cli(['compare', '--baseline', baseline, '--candidate', baseline, '--format', 'junit']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/<testsuites /);
  });
});
