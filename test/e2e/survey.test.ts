/**
 * The survey pipeline through the built CLI: score the simulated example study, merge it into a
 * leaderboard with `aggregate --human`, and check that simulated data is marked wherever it lands.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Leaderboard } from '../../leaderboard/types.js';
import { validate } from '../../core/schemas.js';
import { cli, ROOT } from './cli.js';

const STUDY = join(ROOT, 'data', 'studies', 'simulated-demo');
const base = mkdtempSync(join(tmpdir(), 'xai-bench-survey-'));

describe('xai-bench survey score and aggregate --human', () => {
  const scored = join(base, 'scored');
  const score = cli(['survey', 'score', STUDY, '--out', scored, '--resamples', '300', '--seed', '5']);

  it('scores the example study, marks it simulated and writes the three outputs', () => {
    expect(score.code, score.stderr).toBe(0);
    expect(score.stdout).toMatch(/^\[SIMULATED\] study simulated-demo-2026/);
    expect(score.stderr).toMatch(/study 'simulated-demo-2026' is SIMULATED data/);
    expect(score.stderr).toMatch(/specific 1 set to 0 because sensible is 0 \(protocol coupling\)/);
    for (const f of ['human_summary.csv', 'human_pairwise.csv', 'human.json']) expect(existsSync(join(scored, f)), f).toBe(true);
    const human = JSON.parse(readFileSync(join(scored, 'human.json'), 'utf8'));
    expect(validate('human', human)).toEqual([]);
    expect(human.simulated).toBe(true);
    const summary = readFileSync(join(scored, 'human_summary.csv'), 'utf8').trim().split('\n');
    const header = summary[0].split(',');
    const simCol = header.indexOf('simulated');
    expect(summary.slice(1).every((l) => l.endsWith(',1') && l.split(',').length >= simCol)).toBe(true);
    // ESS 2018 before and after discussion stay apart; CPS is descriptive with weight 0.
    const ig = human.methods.find((m: { method: string }) => m.method === 'integrated-gradients');
    const ess = ig.values.filter((v: { metric: string; group: string | null }) => v.metric === 'ess' && v.group === null);
    expect(ess.map((v: { phase: string }) => v.phase).sort()).toEqual(['post_discussion', 'pre_discussion']);
    expect(ess.every((v: { instrument: string; unit: string }) => v.instrument === 'ESS-2018-8' && v.unit === 'groups')).toBe(true);
    const cps = ig.values.find((v: { metric: string }) => v.metric === 'cps');
    expect(cps).toMatchObject({ direction: 'descriptive', defaultWeight: 0, unit: 'users', n: 8 });
    expect(human.controls.map((m: { method: string }) => m.method)).toEqual(['control-constant', 'control-human', 'control-random']);
  });

  it('is reproducible: the same seed gives the same human.json', () => {
    const again = join(base, 'again');
    expect(cli(['survey', 'score', STUDY, '--out', again, '--resamples', '300', '--seed', '5']).code).toBe(0);
    expect(readFileSync(join(again, 'human_summary.csv'), 'utf8')).toBe(readFileSync(join(scored, 'human_summary.csv'), 'utf8'));
  });

  it('merges into leaderboard.json, where the methods join the explainers of the runs', () => {
    const run = join(base, 'run');
    const r = cli(['run', '--profile', 'smoke', '--tasks', 'iris-mlp', '--explainers', 'random,gradient', '--metrics', 'sparseness', '--out', run, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const out = join(base, 'agg');
    const a = cli(['aggregate', run, '--human', scored, '--out', out]);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).toMatch(/human: study simulated-demo-2026 \(SIMULATED ratings, marked simulated: true\)/);
    const lb = JSON.parse(readFileSync(join(out, 'leaderboard.json'), 'utf8')) as Leaderboard;
    expect(validate('leaderboard', lb)).toEqual([]);
    expect(lb.human!.studies).toHaveLength(1);
    expect(lb.human!.studies[0].simulated).toBe(true);
    const explainers = new Set(lb.tasks.flatMap((t) => t.explainers));
    expect(lb.human!.studies[0].methods.some((m) => explainers.has(m.method))).toBe(true);
    // Without --human the section stays null.
    const plain = join(base, 'plain');
    expect(cli(['aggregate', run, '--out', plain]).code).toBe(0);
    expect(JSON.parse(readFileSync(join(plain, 'leaderboard.json'), 'utf8')).human).toBeNull();
  });

  it('refuses a malformed study with one line naming file, line and column (exit 2)', () => {
    const bad = join(base, 'bad-study');
    cpSync(STUDY, bad, { recursive: true });
    const f = join(bad, 'ssa_ratings.csv');
    const lines = readFileSync(f, 'utf8').split('\n');
    lines[1] = lines[1].replace(/,sensible,[01],/, ',sensible,7,');
    writeFileSync(f, lines.join('\n'));
    const r = cli(['survey', 'score', bad, '--out', join(base, 'bad-out')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`xai-bench survey: error: ${f}: line 2, column 6 (label): '7' is not a label (expected 0 or 1)`);
    expect(existsSync(join(base, 'bad-out'))).toBe(false);
    const u = cli(['survey', 'frobnicate']);
    expect(u.code).toBe(2);
    expect(u.stderr.trim().split('\n')).toHaveLength(1);
    expect(u.stderr).toMatch(/survey: unknown subcommand 'frobnicate'/);
    const h = cli(['aggregate', join(base, 'run'), '--human', bad, '--out', join(base, 'x')]);
    expect(h.code).toBe(2);
    expect(h.stderr).toMatch(/no human\.json \(run xai-bench survey score STUDY_DIR --out/);
  });
});
