/** Scoring a small hand-made study: the known answers flow through ingest, and the output is honest. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validate } from '../core/schemas.js';
import { readStudy } from './ingest.js';
import { scoreStudy } from './score-study.js';
import { scoreStudyDir } from './score.js';

const S = 'unit-study';
const dir = mkdtempSync(join(tmpdir(), 'xai-survey-score-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Items i1..i4 of method "gradient" carry a constructed SSA example; "lime" items
// are on the same instances; one constant control.
const methods = ['gradient', 'lime'];
const items = ['study_id,item_id,dataset_id,model_id,instance_id,method_id,is_control,control_type'];
for (let k = 1; k <= 4; k++) for (const m of methods) items.push(`${S},${m}-${k},iris,iris-mlp,${k},${m},0,`);
items.push(`${S},const-1,iris,iris-mlp,1,control-constant,1,constant`);
const votes: Record<string, [number, number][]> = {
  'gradient-1': [
    [1, 1],
    [1, 1],
    [1, 0],
  ],
  'gradient-2': [
    [1, 0],
    [1, 0],
    [0, 1],
  ],
  'gradient-3': [
    [0, 0],
    [0, 0],
    [1, 1],
  ],
  'gradient-4': [
    [1, 1],
    [0, 0],
    [1, 1],
  ],
  'lime-1': [
    [1, 1],
    [1, 1],
    [1, 1],
  ],
  'lime-2': [
    [1, 1],
    [1, 1],
    [1, 0],
  ],
  'lime-3': [
    [1, 1],
    [1, 1],
    [1, 1],
  ],
  'lime-4': [
    [1, 1],
    [1, 1],
    [1, 1],
  ],
  'const-1': [
    [1, 0],
    [1, 0],
    [1, 0],
  ],
};
const ssa = ['study_id,rater_id,item_id,method_id,question,label'];
for (const [item, vs] of Object.entries(votes)) {
  const method = item.startsWith('const') ? 'control-constant' : item.split('-')[0];
  vs.forEach(([s, p], r) => ssa.push(`${S},r${r + 1},${item},${method},sensible,${s}`, `${S},r${r + 1},${item},${method},specific,${p}`));
}
// Pairwise: per rater, lime beats gradient 8 times, loses once and ties once.
const prefs = ['study_id,rater_id,comparison_id,method_a,method_b,criterion,outcome'];
let c = 0;
for (let r = 1; r <= 3; r++)
  for (let k = 0; k < 10; k++) prefs.push(`${S},r${r},c${++c},lime,gradient,overall,${k < 8 ? 'a' : k < 9 ? 'b' : 'tie'}`);
writeFileSync(join(dir, 'items.csv'), items.join('\n') + '\n');
writeFileSync(join(dir, 'raters.csv'), `study_id,rater_id,consent,excluded\n${S},r1,1,0\n${S},r2,1,0\n${S},r3,1,0\n`);
writeFileSync(join(dir, 'ssa_ratings.csv'), ssa.join('\n') + '\n');
writeFileSync(join(dir, 'pairwise_prefs.csv'), prefs.join('\n') + '\n');

describe('scoreStudy', () => {
  const study = scoreStudy(readStudy(dir), { resamples: 300, seed: 1 });
  const val = (method: string, metric: string) =>
    [...study.methods, ...study.controls].find((m) => m.method === method)!.values.find((v) => v.metric === metric)!;

  it('reproduces the constructed SSA example through ingest: 0.625 (majority), 0.5417 (soft)', () => {
    expect(val('gradient', 'sensibleness').value).toBe(0.75);
    expect(val('gradient', 'specificity').value).toBe(0.5);
    expect(val('gradient', 'ssa').value).toBe(0.625);
    expect(val('gradient', 'ssa_soft').value).toBeCloseTo(0.5417, 4);
    expect(val('gradient', 'ssa')).toMatchObject({ unit: 'items', n: 4, nItems: 4, nRaters: 3, nObs: 12, ciMethod: 'bca' });
    expect(study.notes).toContain('ssa_ratings.csv: specific 1 set to 0 because sensible is 0 (protocol coupling) on 1 row(s) (line 13)');
  });

  it('reports the controls apart from the methods and leaves them out of the comparisons', () => {
    expect(study.methods.map((m) => m.method)).toEqual(['gradient', 'lime']);
    expect(study.controls).toEqual([expect.objectContaining({ method: 'control-constant', control: 'constant' })]);
    expect(val('control-constant', 'specificity').value).toBe(0);
    expect(study.pairwise.some((p) => p.methodA.startsWith('control') || p.methodB.startsWith('control'))).toBe(false);
  });

  it('says "better" only when the Holm-adjusted primary test is significant', () => {
    // SSA on 4 paired instances: the exact sign-flip p cannot go below 1/8, so no verdict.
    const ssaPair = study.pairwise.find((p) => p.metric === 'ssa' && p.test === 'sign-flip')!;
    expect(ssaPair.pRaw).toBeGreaterThanOrEqual(0.125);
    expect(ssaPair.better).toBeNull();
    // 25.5 of 30 preferences for lime (ties count half): a Wald test on β_lime − β_gradient is clearly significant.
    const bt = study.pairwise.find((p) => p.metric === 'bt_strength')!;
    expect(bt.pHolm).toBeLessThan(0.001);
    expect(bt.better).toBe('lime');
    expect(Math.abs(bt.diff)).toBeCloseTo(Math.log(25.5 / 4.5), 6);
    expect(study.pairwise.filter((p) => !p.primary).every((p) => p.better === null)).toBe(true);
  });

  it('computes agreement over raters x items, and the output validates against human@1', () => {
    const alpha = study.agreement.find((a) => a.metric === 'sensibleness' && a.stat === 'krippendorff-alpha')!;
    expect(alpha.nUnits).toBe(9);
    expect(study.agreement.find((a) => a.stat === 'fleiss-kappa')!.nUnits).toBe(9);
    expect(validate('human', study)).toEqual([]);
    expect(study.simulated).toBe(false);
  });

  it('is reproducible from the seed', () => {
    const again = scoreStudy(readStudy(dir), { resamples: 300, seed: 1 });
    expect(again).toEqual(study);
    const other = scoreStudy(readStudy(dir), { resamples: 300, seed: 2 });
    expect(val('gradient', 'ssa').ci).not.toEqual(other.methods[0].values.find((v) => v.metric === 'ssa')!.ci);
  });

  it('writes the CSVs with the §6.3 columns first', () => {
    const s = scoreStudyDir(dir, { resamples: 100 });
    expect(s.summaryCsv.split('\n')[0]).toMatch(
      new RegExp(
        '^study_id,metric,method_id,value,ci_low,ci_high,ci_method,B,seed,unit_of_resampling,n_items,n_raters,n_obs,' +
          'agreement_stat,agreement_level,agreement_value,agreement_n_units,instrument_version,language,notes,',
      ),
    );
    expect(s.pairwiseCsv.split('\n')[0]).toMatch(/^metric,method_a,method_b,diff,ci_low,ci_high,test,statistic,p_raw,p_holm,family_size,/);
    expect(s.summaryCsv).toContain(`${S},ssa,gradient,0.625,`);
  });
});
