/**
 * Bad input gets one line and exit 2, never a stack trace (README "Errors"): output paths of the wrong
 * kind, model files that reach outside their folder or hold no numbers, inputs beyond float32, malformed
 * leaderboards, unknown survey methods, empty aggregates, the flag the user typed, negative numbers.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { cli, cliAsync, ROOT } from './cli.js';

const MODEL_DIR = join(ROOT, 'data', 'models', 'iris-mlp');
const MODEL = join(MODEL_DIR, 'model.json');
const BASELINE = join(ROOT, 'data', 'baselines', 'quick');
let tmp: string;
let file: string;
let input: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'xai-bench-bad-input-'));
  file = join(tmp, 'a-file');
  writeFileSync(file, 'not a folder\n');
  input = join(tmp, 'inputs.json');
  writeFileSync(input, JSON.stringify({ inputs: [[-0.9, 1.0, -1.3, -1.3], [0.3, -0.6, 0.5, 0.3]] }));
});

/** Exit 2, one line on stderr, no stack trace, and the line names `names`. */
function refused(r: ReturnType<typeof cli>, ...names: string[]): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  for (const n of names) expect(r.stderr).toContain(n);
}

describe('bad --out paths: one line naming the path, exit 2, nothing written', () => {
  const under = () => join(file, 'sub');
  const smoke = () => inject('smoke').dir;
  const explain = (out: string) => ['explain', '--model', MODEL, '--explainer', 'gradient', '--input', input, '--out', out];
  const score = (out: string) =>
    ['score', '--model', MODEL, '--explainer', 'gradient', '--metric', 'sparseness', '--input', input, '--out', out];
  const compare = (out: string) => ['compare', '--baseline', BASELINE, '--candidate', BASELINE, '--out', out];
  const cases: [string, () => string[], () => string][] = [
    ['run --out a file', () => ['run', '--profile', 'smoke', '--out', file], () => file],
    ['run --out under a file', () => ['run', '--profile', 'smoke', '--out', under()], () => file],
    ['explain --out a folder', () => explain(tmp), () => tmp],
    ['explain --out under a file', () => explain(join(under(), 'x.json')), () => file],
    ['score --out a folder', () => score(tmp), () => tmp],
    ['score --out under a file', () => score(join(under(), 'x.jsonl')), () => file],
    ['aggregate --out a file', () => ['aggregate', BASELINE, '--out', file, '--resamples', '100'], () => file],
    ['aggregate --out under a file', () => ['aggregate', BASELINE, '--out', under(), '--resamples', '100'], () => file],
    ['site --out a file', () => ['site', '--from', smoke(), '--out', file], () => file],
    ['site --out under a file', () => ['site', '--from', smoke(), '--out', under()], () => file],
    ['survey make --out a file', () => ['survey', 'make', '--run', smoke(), '--out', file], () => file],
    ['survey export --out under a file', () => ['survey', 'export', '--db', join(tmp, 'none.db'), '--out', under()], () => file],
    ['survey score --out under a file', () => ['survey', 'score', tmp, '--out', under()], () => file],
    ['compare --out a folder', () => compare(tmp), () => tmp],
    ['compare --out under a file', () => compare(join(under(), 'r.txt')), () => file],
    ['ci --out a file', () => ['ci', '--explainer', join(tmp, 'plugin.ts'), '--out', file], () => file],
  ];
  for (const [name, args, names] of cases) {
    it(name, () => {
      refused(cli(args()), names());
      expect(readFileSync(file, 'utf8')).toBe('not a folder\n');
    });
  }

  // Root may write anywhere, so a read-only folder only refuses others (CI runs as root: skipped there).
  it.skipIf(process.getuid?.() === 0)('a read-only folder', () => {
    const ro = join(tmp, 'read-only');
    mkdirSync(ro, { recursive: true });
    chmodSync(ro, 0o555);
    try {
      refused(cli(explain(join(ro, 'x.json'))), ro);
      refused(cli(['aggregate', BASELINE, '--out', join(ro, 'lb'), '--resamples', '100']), ro);
    } finally {
      chmodSync(ro, 0o755);
    }
  });
});

describe('model files', () => {
  /** A copy of the iris model whose model.json is edited by `change` (and weights by `weights`). */
  function modelCopy(name: string, change: (j: { weightsManifest: { paths: string[]; weights: Record<string, unknown>[] }[] }) => void,
    weights?: (b: Buffer) => Buffer): string {
    const dir = join(tmp, name);
    mkdirSync(dir, { recursive: true });
    const j = JSON.parse(readFileSync(MODEL, 'utf8'));
    change(j);
    writeFileSync(join(dir, 'model.json'), JSON.stringify(j));
    const w = readFileSync(join(MODEL_DIR, 'weights.bin'));
    writeFileSync(join(dir, 'weights.bin'), weights ? weights(w) : w);
    return join(dir, 'model.json');
  }
  const explainWith = (model: string) => cli(['explain', '--model', model, '--explainer', 'gradient', '--input', input]);

  it('a weight path outside the model folder is refused before it is read (no size of an outside file)', () => {
    writeFileSync(join(tmp, 'secret.bin'), Buffer.alloc(1234));
    const m = modelCopy('m-outside', (j) => (j.weightsManifest[0].paths = ['../secret.bin']));
    const r = explainWith(m);
    refused(r, m, '../secret.bin');
    expect(r.stderr).not.toMatch(/1234|bytes/);
  });

  it('an absolute weight path is refused', () => {
    const m = modelCopy('m-absolute', (j) => (j.weightsManifest[0].paths = [join(MODEL_DIR, 'weights.bin')]));
    refused(explainWith(m), m, 'outside');
  });

  it('a weight entry without shape', () => {
    const m = modelCopy('m-shape', (j) => delete j.weightsManifest[0].weights[0].shape);
    refused(explainWith(m), m, 'shape');
  });

  it('all-NaN weights', () => {
    const m = modelCopy('m-nan', () => undefined, (b) => Buffer.from(new Float32Array(b.length / 4).fill(NaN).buffer));
    refused(explainWith(m), m, 'NaN');
  });
});

describe('inputs, leaderboards, survey methods, empty aggregates', () => {
  it('an input beyond float32 (1e40)', () => {
    const big = join(tmp, 'big.json');
    writeFileSync(big, JSON.stringify([[1e40, 1, -1.3, -1.3]]));
    refused(cli(['explain', '--model', MODEL, '--explainer', 'gradient', '--input', big]), big, 'inputs[0]');
    refused(cli(['score', '--model', MODEL, '--explainer', 'gradient', '--metric', 'sparseness', '--input', big]), big);
  });

  it('site --from a leaderboard whose tasks is not a list of tasks', () => {
    const from = join(tmp, 'bad-lb');
    mkdirSync(from, { recursive: true });
    writeFileSync(join(from, 'leaderboard.json'), JSON.stringify({ schema: 'xai-bench/leaderboard@1', tasks: [1, 'x'] }));
    refused(cli(['site', '--from', from, '--out', join(tmp, 'bad-lb-site')]), join(from, 'leaderboard.json'));
    expect(existsSync(join(tmp, 'bad-lb-site'))).toBe(false);
  });

  it('site --base that is not a URL path', () => {
    const out = join(tmp, 'bad-base-site');
    refused(cli(['site', '--from', inject('smoke').dir, '--out', out, '--base', '/a b/']), '--base /a b/');
    expect(existsSync(out)).toBe(false);
  });

  it('survey make --methods nosuch writes nothing', () => {
    const out = join(tmp, 'packet');
    refused(cli(['survey', 'make', '--run', inject('smoke').dir, '--out', out, '--methods', 'nosuch']), '--methods nosuch');
    expect(existsSync(out)).toBe(false);
  });

  it('aggregate of run folders without results', () => {
    const run = join(tmp, 'empty-run');
    mkdirSync(run, { recursive: true });
    copyFileSync(join(BASELINE, 'run.json'), join(run, 'run.json'));
    writeFileSync(join(run, 'results.jsonl'), '');
    const out = join(tmp, 'empty-lb');
    refused(cli(['aggregate', run, '--out', out]), run);
    expect(existsSync(out)).toBe(false);
  });
});

describe('messages name the flag typed; negative numbers are values', () => {
  it('--explainer, --metric and --tolerance', () => {
    const e = cli(['explain', '--model', MODEL, '--explainer', 'nosuch', '--input', input]);
    refused(e, '--explainer nosuch');
    expect(e.stderr).not.toContain('--explainers');
    const s = cli(['score', '--model', MODEL, '--explainer', 'nosuch', '--metric', 'sparseness', '--input', input]);
    refused(s, '--explainer nosuch');
    refused(cli(['score', '--model', MODEL, '--explainer', 'gradient', '--metric', 'nosuch', '--input', input]), '--metric nosuch');
    refused(cli(['ci', '--explainer', join(tmp, 'plugin.ts'), '--tolerance', 'nosuch=1']), '--tolerance nosuch');
  });

  it('--target -1 and --seed -3 are refused by range', () => {
    refused(cli(['explain', '--model', MODEL, '--explainer', 'gradient', '--input', input, '--target', '-1']), '--target -1', '>= 0');
    refused(cli(['explain', '--model', MODEL, '--explainer', 'gradient', '--input', input, '--seed', '-3']), '--seed -3', '>= 0');
  });
});

describe('site builds outside the installed package', () => {
  it('writes nothing into site/ of the package (no site/.astro, even for a moment)', async () => {
    // Astro made and removed <root>/.astro during a build, which fails in a read-only install.
    const seen: string[] = [];
    const watcher = watch(join(ROOT, 'site'), (_event, name) => {
      if (name) seen.push(String(name));
    });
    try {
      const child = cliAsync(['site', '--from', inject('smoke').dir, '--out', join(tmp, 'site'), '--quiet']);
      const code = await new Promise<number | null>((done) => child.on('close', done));
      await new Promise((done) => setTimeout(done, 300));
      expect(code).toBe(0);
    } finally {
      watcher.close();
    }
    expect(existsSync(join(tmp, 'site', 'index.html'))).toBe(true);
    expect(seen.filter((n) => n.startsWith('.astro'))).toEqual([]);
  });
});
