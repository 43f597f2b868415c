/**
 * Plugin code never runs in the main process (issue 24, "The CI gate cannot be faked"): a plugin that
 * exits or hangs while loading, or exits inside explain(), is a plugin error (exit 2, one line), never a
 * silent exit 0; a worker running plugin code goes when its parent is killed; result rows for cells the
 * run did not plan are refused.
 */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, cliAsync, ROOT } from './cli.js';

const MODEL = join(ROOT, 'data', 'models', 'iris-mlp', 'model.json');
let tmp: string;
let baseline: string;
let inputFile: string;

/** A gradient x input plugin; `top` runs when the module loads, `body` at the start of explain(). */
const plugin = (name: string, top: string, body = '', id = name) => {
  const path = join(tmp, `${name}.ts`);
  writeFileSync(
    path,
    `import { appendFileSync } from 'node:fs';
${top}
export default {
  id: '${id}',
  family: 'attribution',
  description: 'gradient x input (${name})',
  needs: ['gradients'],
  output: 'logit',
  deterministic: true,
  params: {},
  explain(ctx: any, batch: any, targets: Int32Array) {
    void appendFileSync;
    ${body}
    const g: Float32Array = ctx.engine.gradients(batch, targets, 'logit');
    return { attributions: g.map((v, i) => v * batch.data[i]) };
  },
};
`,
  );
  return path;
};

const oneLine = (s: string) => s.trim().split('\n').length === 1;
const runArgs = (path: string, out: string) =>
  ['run', '--profile', 'smoke', '--tasks', 'iris-mlp', '--explainers', path, '--metrics', 'deletion-auc', '--samples', '4', '--out', out, '--jobs', '1', '--quiet'];

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'xai-bench-isolation-'));
  baseline = join(tmp, 'baseline');
  inputFile = join(tmp, 'inputs.json');
  writeFileSync(inputFile, JSON.stringify({ inputs: [[-0.9, 1.0, -1.3, -1.3], [0.3, -0.6, 0.5, 0.3]] }));
  const r = cli(['run', '--profile', 'smoke', '--tasks', 'iris-mlp', '--explainers', 'gradient-x-input', '--metrics', 'deletion-auc,sparseness', '--samples', '4', '--out', baseline, '--jobs', '1', '--quiet']);
  if (r.code !== 0) throw new Error(r.stderr);
});

describe('plugin code runs only in workers', () => {
  it('ci: a plugin that calls process.exit(0) when loaded is an error (exit 2), not a pass without a report', () => {
    const out = join(tmp, 'ci-exit');
    const r = cli(['ci', '--explainer', plugin('exit-at-load', 'process.exit(0);', '', 'gradient-x-input'), '--baseline', baseline, '--out', out, '--jobs', '1']);
    expect(r.code, r.stderr + r.stdout).toBe(2);
    expect(oneLine(r.stderr), r.stderr).toBe(true);
    expect(r.stderr).toMatch(/exit-at-load\.ts: .*exit code 0/);
    expect(existsSync(join(out, 'ci-report.json'))).toBe(false);
  });

  it('ci: a plugin that exits inside explain() fails its cells; ci writes its report and exits 1', () => {
    const out = join(tmp, 'ci-exit-explain');
    const r = cli(['ci', '--explainer', plugin('exit-in-explain', '', 'process.exit(0);', 'gradient-x-input'), '--baseline', baseline, '--out', out, '--jobs', '1']);
    expect(r.code, r.stderr + r.stdout).toBe(1);
    const json = JSON.parse(readFileSync(join(out, 'ci-report.json'), 'utf8'));
    expect(json.cells.some((c: { reason?: string }) => c.reason && /without a result|died/.test(c.reason))).toBe(true);
  });

  it('run: a plugin that loops for ever when loaded is stopped at --cell-timeout (exit 2, nothing written)', () => {
    const out = join(tmp, 'run-hang-load');
    const started = Date.now();
    const r = cli([...runArgs(plugin('hang-at-load', 'for (;;) {}'), out), '--cell-timeout', '3'], { timeoutMs: 90_000 });
    expect(r.code, r.stderr).toBe(2);
    expect(oneLine(r.stderr), r.stderr).toBe(true);
    expect(r.stderr).toMatch(/hang-at-load\.ts: not loaded within 3 s/);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(existsSync(out)).toBe(false);
  });

  for (const cmd of ['explain', 'score'] as const) {
    const args = (path: string) =>
      cmd === 'explain'
        ? ['explain', '--model', MODEL, '--explainer', path, '--input', inputFile]
        : ['score', '--model', MODEL, '--explainer', path, '--metric', 'sparseness', '--input', inputFile];

    it(`${cmd}: a plugin that exits inside explain() is an error (exit 2, one line, no output)`, () => {
      const r = cli(args(plugin(`${cmd}-exit`, '', 'process.exit(0);')));
      expect(r.code, r.stderr + r.stdout).toBe(2);
      expect(oneLine(r.stderr), r.stderr).toBe(true);
      expect(r.stderr).toMatch(new RegExp(`${cmd}-exit\\.ts: .*without a result`));
      expect(r.stdout).toBe('');
    });

    it(`${cmd}: a plugin that hangs is stopped at --timeout (exit 2)`, () => {
      const r = cli([...args(plugin(`${cmd}-hang`, '', 'for (;;) {}')), '--timeout', '3'], { timeoutMs: 90_000 });
      expect(r.code, r.stderr + r.stdout).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${cmd}-hang\\.ts: no result within 3 s`));
    });
  }

  it(`explain with a working plugin gives the built-in's explanation`, () => {
    const a = cli(['explain', '--model', MODEL, '--explainer', plugin('fine', ''), '--input', inputFile]);
    const b = cli(['explain', '--model', MODEL, '--explainer', 'gradient-x-input', '--input', inputFile]);
    expect(a.code, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout).attributions).toEqual(JSON.parse(b.stdout).attributions);
  });

  it('a worker stuck in plugin code goes within seconds when its main process is killed', async () => {
    const pids = join(tmp, 'pids.txt');
    const path = plugin('spin', `appendFileSync(${JSON.stringify(pids)}, process.pid + '\\n');`, 'for (;;) {}');
    const child = cliAsync(runArgs(path, join(tmp, 'run-spin')));
    const exited = new Promise<void>((res) => child.on('exit', () => res()));
    const loaded = () => (existsSync(pids) ? readFileSync(pids, 'utf8').trim().split('\n').map(Number) : []);
    // Loaded once to read its declaration, once by the worker that runs it: then it spins in explain().
    for (let i = 0; i < 600 && loaded().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 2000));
    const workers = loaded().filter((pid) => pid !== child.pid);
    expect(workers.length).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await exited;
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
      } catch {
        return false;
      }
      // A zombie (exited, not yet reaped by whoever adopted it) no longer runs.
      const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
      return !/^\d+ \(.*\) Z/.test(stat);
    };
    for (let i = 0; i < 50 && workers.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
    const left = workers.filter(alive);
    for (const pid of left) process.kill(pid, 'SIGKILL');
    expect(left, 'workers still running after their main process was killed').toEqual([]);
  });
});

describe('result rows for cells the run did not plan are refused', () => {
  const forged = (metric: string, explainer = 'gradient-x-input') => {
    const row = JSON.parse(readFileSync(join(baseline, 'results.jsonl'), 'utf8').split('\n')[0]);
    return JSON.stringify({ ...row, metric, explainer });
  };

  it('aggregate refuses a row for a metric the run did not plan, naming it', () => {
    const dir = join(tmp, 'forged-run');
    let r = cli(['run', '--profile', 'smoke', '--tasks', 'iris-mlp', '--explainers', 'gradient', '--metrics', 'deletion-auc', '--samples', '2', '--out', dir, '--jobs', '1', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    appendFileSync(join(dir, 'results.jsonl'), `${forged('insertion-auc', 'gradient')}\n`);
    r = cli(['aggregate', dir, '--out', join(tmp, 'forged-agg')]);
    expect(r.code, r.stderr).toBe(2);
    expect(oneLine(r.stderr), r.stderr).toBe(true);
    expect(r.stderr).toMatch(/metric insertion-auc.*not in the run's plan/);
  });

  it('ci refuses a row a plugin appended for a metric or explainer the plan lacks', () => {
    for (const [name, row, named] of [
      ['forge-metric', forged('insertion-auc'), /metric insertion-auc/],
      ['forge-explainer', forged('deletion-auc', 'gradient'), /explainer gradient/],
    ] as const) {
      const out = join(tmp, name);
      const results = join(out, 'candidate', 'results.jsonl');
      const body = `appendFileSync(${JSON.stringify(results)}, ${JSON.stringify(`${row}\n`)});`;
      const r = cli(['ci', '--explainer', plugin(name, '', body, 'gradient-x-input'), '--baseline', baseline, '--out', out, '--jobs', '1']);
      expect(r.code, r.stderr + r.stdout).toBe(2);
      expect(r.stderr).toMatch(named);
      expect(r.stderr).toMatch(/not in the run's plan/);
    }
  });
});
