/**
 * The real high-stakes tasks through the built CLI: listed, run with an attribution, a counterfactual
 * and a rule explainer, the protected attribute never changed by a counterfactual by default, and text
 * that names categorical levels instead of one-hot columns or codes.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProtectedEvidence } from '../../leaderboard/protected/evidence-types.js';
import { cli } from './cli.js';

const lines = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('high-stakes tasks', () => {
  it('are listed', () => {
    const r = cli(['list', 'tasks']);
    expect(r.code).toBe(0);
    for (const id of ['german-credit-mlp', 'hmda-mlp-s3', 'credit-data-mlp-s2']) expect(r.stdout).toContain(id);
  });

  it('run with protected-attribute metrics; counterfactuals keep the attribute; text names levels', { timeout: 300_000 }, () => {
    const out = join(mkdtempSync(join(tmpdir(), 'xai-bench-high-stakes-')), 'run');
    const r = cli([
      'run', '--profile', 'smoke', '--tasks', 'german-credit-mlp', '--explainers', 'kernel-shap,counterfactual,c45-pedagogical',
      '--samples', '6', '--out', out, '--jobs', '1', '--quiet',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const results = lines(join(out, 'results.jsonl'));
    const value = (explainer: string, metric: string) => results.find((x) => x.explainer === explainer && x.metric === metric);
    expect(value('kernel-shap', 'protected-attribution-share')?.n).toBe(6);
    const moved = value('counterfactual', 'protected-in-counterfactual')!;
    expect((moved.values as (number | null)[]).every((v) => v === null || v === 0)).toBe(true);
    expect([0, 1]).toContain((value('c45-pedagogical', 'protected-in-rules')!.values as number[])[0]);
    // The English texts of a file: every "en" string in it.
    const english = (explainer: string) =>
      [...readFileSync(join(out, 'explanations', 'german-credit-mlp', `${explainer}.jsonl`), 'utf8').matchAll(/"en":"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
    const shap = english('kernel-shap');
    expect(shap.length).toBeGreaterThan(0);
    // a one-hot column would read "purpose = car = 1"; a feature reads "purpose = car"
    for (const t of shap) expect(t).not.toMatch(/ = [^;(]* = [-\d.]+ \(/);
    const rules = english('c45-pedagogical').join('\n');
    expect(rules).toMatch(/checking_account (=|≠) /);
    expect(rules).not.toMatch(/checking_account = [^A\n]*(<=|>) -?[\d.]+ /);

    // The run's leaderboard carries the protected evidence, and aggregate writes the same section.
    const board = JSON.parse(readFileSync(join(out, 'leaderboard.json'), 'utf8')) as { protected: ProtectedEvidence | null };
    const ev = board.protected!;
    expect(ev.tasks.map((t) => [t.task, t.attribute, t.levels.length])).toEqual([['german-credit-mlp', 'sex', 2]]);
    const effect = ev.tasks[0].effect.levels[0].logOdds;
    expect(effect.ci![0]).toBeLessThanOrEqual(effect.estimate);
    expect(effect.ci![1]).toBeGreaterThanOrEqual(effect.estimate);
    // No synthetic pair ran: no detection score, and the audit rule has nothing to say.
    expect(ev.detection).toEqual([]);
    const gap = ev.groupGaps.find((g) => g.explainer === 'kernel-shap' && g.metric === 'protected-attribution-share')!;
    expect(gap.groups.reduce((a, g) => a + g.n, 0)).toBe(6);
    for (const r of ev.requirements) expect(r.ruleText.en.length).toBeGreaterThan(0);
    const merged = join(out, '..', 'merged');
    const a = cli(['aggregate', out, '--out', merged]);
    expect(a.code, a.stderr).toBe(0);
    expect((JSON.parse(readFileSync(join(merged, 'leaderboard.json'), 'utf8')) as { protected: unknown }).protected).toEqual(ev);
  });
});
