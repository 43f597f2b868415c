/**
 * `run --config FILE` through the built CLI: a user's own task (the zoo's iris model and the iris CSV,
 * given by path) runs in worker processes, writes valid files, and is refused
 * clearly when the config is bad or differs on resume.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../core/schemas.js';
import { cli, ROOT } from './cli.js';

const jsonl = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const EXPLAINERS = ['gradient', 'kernel-shap', 'random', 'cart-pedagogical'];
let base: string;
let configPath: string;
let out: string;
let run: ReturnType<typeof cli>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'xai-bench-config-'));
  configPath = join(base, 'my-tasks.json');
  const task = {
    id: 'my-iris',
    description: 'the zoo iris model, brought as a user task',
    model: relative(base, join(ROOT, 'data', 'models', 'iris-mlp', 'model.json')),
    data: relative(base, join(ROOT, 'data', 'datasets', 'iris.csv')),
    label: 'label',
    units: { sepal_length_cm: 'cm', sepal_width_cm: 'cm', petal_length_cm: 'cm', petal_width_cm: 'cm' },
  };
  writeFileSync(configPath, JSON.stringify({ tasks: [task] }, null, 2));
  out = join(base, 'run');
  // A few explainers of two families keep it short; the structured one takes its own path through the run loop.
  run = cli(['run', '--config', configPath, '--profile', 'smoke', '--tasks', 'my-iris', '--explainers', EXPLAINERS.join(','), '--jobs', '2', '--out', out]);
});

describe('run --config: your own task through the CLI', () => {
  it('runs the task in worker processes, with cells from several explainers', () => {
    expect(run.code, run.stderr).toBe(0);
    const accuracy = /task my-iris \(--config\): 105 training \/ 45 test rows, 4 features, 3 classes, model test accuracy (\d\.\d+)/.exec(run.stderr);
    expect(accuracy, run.stderr).not.toBeNull();
    expect(Number(accuracy![1])).toBeGreaterThan(0.85);
    const records = jsonl(join(out, 'results.jsonl'));
    expect(new Set(records.map((r) => r.task))).toEqual(new Set(['my-iris']));
    expect(new Set(records.map((r) => r.explainer))).toEqual(new Set(EXPLAINERS));
    const runJson = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(runJson.status).toBe('complete');
    expect(runJson.config.tasks).toEqual(['my-iris']);
    expect(runJson.config.taskConfig.path).toBe(configPath);
    expect(runJson.config.taskConfig.tasks[0]).toMatchObject({ id: 'my-iris', features: ['sepal_length_cm', 'sepal_width_cm', 'petal_length_cm', 'petal_width_cm'], classes: ['setosa', 'versicolor', 'virginica'] });
    for (const r of records) {
      expect(r.datasetHash).toBe(runJson.config.taskConfig.tasks[0].dataHash);
      expect(r.modelHash).toBe(runJson.config.taskConfig.tasks[0].modelHash);
    }
    // Explanation text speaks of the user's features in their units.
    const explanations = readFileSync(join(out, 'explanations', 'my-iris', 'gradient.jsonl'), 'utf8');
    expect(explanations).toMatch(/petal_(length|width)_cm/);
  });

  it('writes files that validate against their schemas', () => {
    const problems: string[] = [];
    const check = (kind: Parameters<typeof validate>[0], obj: unknown, where: string) => {
      for (const e of validate(kind, obj)) problems.push(`${where}: ${e}`);
    };
    check('task-config', JSON.parse(readFileSync(configPath, 'utf8')), 'my-tasks.json');
    check('run', JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')), 'run.json');
    check('leaderboard', JSON.parse(readFileSync(join(out, 'leaderboard.json'), 'utf8')), 'leaderboard.json');
    jsonl(join(out, 'results.jsonl')).forEach((r, i) => check('result', r, `results.jsonl:${i + 1}`));
    for (const f of readdirSync(join(out, 'explanations', 'my-iris'))) {
      jsonl(join(out, 'explanations', 'my-iris', f)).forEach((r, i) => check('explanation', r, `explanations/my-iris/${f}:${i + 1}`));
    }
    expect(problems).toEqual([]);
  });

  it('resumes with the same config, and refuses another one in one line', () => {
    const before = readFileSync(join(out, 'results.jsonl'), 'utf8');
    const again = cli(['run', '--config', configPath, '--profile', 'smoke', '--tasks', 'my-iris', '--explainers', EXPLAINERS.join(','), '--out', out, '--resume', '--quiet']);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(out, 'results.jsonl'), 'utf8')).toBe(before);
    const changed = join(base, 'changed.json');
    const cfg = JSON.parse(readFileSync(configPath, 'utf8'));
    cfg.tasks[0].testFraction = 0.4;
    writeFileSync(changed, JSON.stringify(cfg));
    const r = cli(['run', '--config', changed, '--profile', 'smoke', '--tasks', 'my-iris', '--explainers', EXPLAINERS.join(','), '--out', out, '--resume', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--resume: .* was run with --config .*my-tasks\.json \(sha256 [0-9a-f]{12}\), now --config .*changed\.json/);
  });

  it('refuses a bad config in one line, exit 2, leaving no output folder', () => {
    const bad = join(base, 'bad.json');
    const cfg = JSON.parse(readFileSync(configPath, 'utf8'));
    cfg.tasks[0].label = 'species';
    writeFileSync(bad, JSON.stringify(cfg));
    const never = join(base, 'never');
    const r = cli(['run', '--config', bad, '--profile', 'smoke', '--out', never]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/bad\.json: tasks\[0\]\.label: no column 'species'/);
    expect(existsSync(never)).toBe(false);
  });
});
