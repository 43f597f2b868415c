import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { validate } from '../../core/schemas.js';
import { cli } from './cli.js';

const smoke = inject('smoke');
const jsonl = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the smoke run through the CLI', () => {
  it('exits 0, prints the results table and writes the run folder', () => {
    expect(smoke.code, smoke.stderr).toBe(0);
    expect(smoke.stdout).toMatch(/mnist-cnn/);
    expect(smoke.stdout).toMatch(/iris-mlp/);
    expect(smoke.stdout).toMatch(/integrated-gradients/);
    expect(smoke.stderr).toMatch(/backend (wasm|cpu|tensorflow)/);
    for (const f of ['run.json', 'results.jsonl', 'leaderboard.json', 'summary.md']) expect(existsSync(join(smoke.dir, f)), f).toBe(true);
  });

  it('every file it writes validates against its schema', () => {
    const problems: string[] = [];
    const check = (kind: Parameters<typeof validate>[0], obj: unknown, where: string) => {
      for (const e of validate(kind, obj)) problems.push(`${where}: ${e}`);
    };
    check('run', JSON.parse(readFileSync(join(smoke.dir, 'run.json'), 'utf8')), 'run.json');
    check('leaderboard', JSON.parse(readFileSync(join(smoke.dir, 'leaderboard.json'), 'utf8')), 'leaderboard.json');
    jsonl(join(smoke.dir, 'results.jsonl')).forEach((r, i) => check('result', r, `results.jsonl:${i + 1}`));
    let explanationLines = 0;
    for (const task of readdirSync(join(smoke.dir, 'explanations'))) {
      for (const f of readdirSync(join(smoke.dir, 'explanations', task))) {
        jsonl(join(smoke.dir, 'explanations', task, f)).forEach((r, i) => {
          explanationLines++;
          check('explanation', r, `explanations/${task}/${f}:${i + 1}`);
        });
      }
    }
    expect(explanationLines).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('has one record per task x explainer x metric, with the run status complete', () => {
    const run = JSON.parse(readFileSync(join(smoke.dir, 'run.json'), 'utf8'));
    expect(run.status).toBe('complete');
    const all = jsonl(join(smoke.dir, 'results.jsonl'));
    // Setting variants (the profile's metricVariants) are extra records, not cells.
    const records = all.filter((r) => r.variant === undefined);
    const keys = new Set(records.map((r) => `${r.task}|${r.explainer}|${r.metric}`));
    expect(keys.size).toBe(records.length);
    expect(records.length).toBe(run.timings.cells);
    const variants = all.filter((r) => r.variant !== undefined);
    expect(variants.length).toBeGreaterThan(0);
    for (const v of variants) expect(keys.has(`${v.task}|${v.explainer}|${v.metric}`)).toBe(true);
    const tasks = new Set(records.map((r) => r.task));
    expect([...tasks].sort()).toEqual(['iris-mlp', 'mnist-cnn']);
    for (const r of records) {
      expect((r.values as unknown[]).length).toBe((r.sampleIds as unknown[]).length);
      expect(r.backend).toBe(run.backend);
    }
  });

  it('scores a metric with a profile prefix on the first inputs only, paired with the others', () => {
    const records = jsonl(join(smoke.dir, 'results.jsonl')).filter((r) => r.variant === undefined);
    const prefixed = records.filter((r) => r.metric === 'run-to-run');
    expect(prefixed.length).toBeGreaterThan(0);
    for (const r of prefixed) {
      const full = records.find((x) => x.task === r.task && x.explainer === r.explainer && x.metric === 'sparseness')!;
      expect(r.sampleIds).toEqual((full.sampleIds as string[]).slice(0, 2));
    }
  });

  it('gives identical numbers for the same seed, whatever else runs alongside', () => {
    // A sub-run of two cells: the random streams are keyed by names, not by order, so its numbers
    // must equal the same cells of the full smoke run.
    const dir = `${smoke.dir}-subset`;
    const r = cli(['run', '--profile', 'smoke', '--tasks', 'iris-mlp', '--explainers', 'random,kernel-shap', '--metrics', 'faithfulness-correlation,deletion-auc', '--out', dir, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const full = jsonl(join(smoke.dir, 'results.jsonl')).filter((x) => x.variant === undefined);
    const sub = jsonl(join(dir, 'results.jsonl')).filter((x) => x.variant === undefined);
    expect(sub.length).toBe(4);
    for (const s of sub) {
      const f = full.find((x) => x.task === s.task && x.explainer === s.explainer && x.metric === s.metric)!;
      expect(s.values).toEqual(f.values);
    }
  });

  it('finishes within the smoke target of 60 s on 2 cores (recorded, not timed as a unit test)', () => {
    const run = JSON.parse(readFileSync(join(smoke.dir, 'run.json'), 'utf8'));
    // The budget lives in the profile; here we only check it was recorded.
    expect(run.timings.seconds).toBeGreaterThan(0);
  });
});
