/**
 * Every malformed-file case of the validation list, each with its exact message (file, line,
 * column), and the coercions the protocol requires, reported and never silent.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.js';
import { readStudy } from './ingest.js';

const S = 'sim-test-simulated';
const ITEMS = `study_id,item_id,dataset_id,model_id,instance_id,method_id,is_control,control_type,language
${S},i1,iris,iris-mlp,0,gradient,0,,en
${S},i2,iris,iris-mlp,0,lime,0,,en
${S},i3,iris,iris-mlp,0,control-random,1,random,en
`;
const RATERS = `study_id,rater_id,consent,excluded,group_id
${S},r1,1,0,g1
${S},r2,1,0,g1
${S},r3,1,1,
`;
const SSA_HEAD = 'study_id,rater_id,item_id,method_id,question,label';
const LIKERT_HEAD =
  'study_id,rater_id,item_id,method_id,instrument_id,instrument_version,question_id,' +
  'response_raw,response,scale_min,scale_max,scale_direction,reverse_keyed,phase';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function study(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'xai-survey-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries({ 'items.csv': ITEMS, 'raters.csv': RATERS, ...files })) writeFileSync(join(dir, name), text);
  return dir;
}

function errorOf(dir: string): string {
  try {
    readStudy(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('survey ingest: malformed files', () => {
  it('unknown rater id', () => {
    const d = study({ 'ssa_ratings.csv': `${SSA_HEAD}\n${S},r9,i1,gradient,sensible,1\n` });
    expect(errorOf(d)).toBe(`${d}/ssa_ratings.csv: line 2, column 2 (rater_id): unknown rater 'r9' (not in ${d}/raters.csv)`);
  });

  it('unknown item id', () => {
    const d = study({ 'ssa_ratings.csv': `${SSA_HEAD}\n${S},r1,i7,gradient,sensible,1\n` });
    expect(errorOf(d)).toBe(`${d}/ssa_ratings.csv: line 2, column 3 (item_id): unknown item 'i7' (not in ${d}/items.csv)`);
  });

  it('unknown method id (pairwise and sessions name methods directly)', () => {
    const d = study({
      'pairwise_prefs.csv': `study_id,rater_id,comparison_id,method_a,method_b,criterion,outcome\n${S},r1,c1,gradient,shap,overall,a\n`,
    });
    expect(errorOf(d)).toBe(
      `${d}/pairwise_prefs.csv: line 2, column 5 (method_b): unknown method 'shap' (not in ${d}/items.csv; methods there: ` +
        `control-random, gradient, lime)`,
    );
  });

  it('duplicate (rater, item, question)', () => {
    const d = study({
      'ssa_ratings.csv': `${SSA_HEAD}\n${S},r1,i1,gradient,sensible,1\n${S},r1,i1,gradient,specific,1\n${S},r1,i1,gradient,sensible,0\n`,
    });
    expect(errorOf(d)).toBe(
      `${d}/ssa_ratings.csv: line 4, column 5 (question): duplicate rating of (rater 'r1', item 'i1', question 'sensible'); first at ` +
        `line 2`,
    );
  });

  it('label out of range', () => {
    const d = study({ 'ssa_ratings.csv': `${SSA_HEAD}\n${S},r1,i1,gradient,sensible,2\n` });
    expect(errorOf(d)).toBe(`${d}/ssa_ratings.csv: line 2, column 6 (label): '2' is not a label (expected 0 or 1)`);
  });

  it('a question that SSA does not ask', () => {
    const d = study({ 'ssa_ratings.csv': `${SSA_HEAD}\n${S},r1,i1,gradient,interesting,1\n` });
    expect(errorOf(d)).toBe(`${d}/ssa_ratings.csv: line 2, column 5 (question): 'interesting' is not one of sensible, specific`);
  });

  it('a Likert response outside its scale', () => {
    const d = study({
      'likert_ratings.csv': `${LIKERT_HEAD}\n${S},r1,,gradient,ESS,2018-8,ESS-1,"매우 그렇다",6,1,5,agree_high,0,pre_discussion\n`,
    });
    expect(errorOf(d)).toBe(`${d}/likert_ratings.csv: line 2, column 9 (response): 6 is outside the scale 1..5`);
  });

  it("a scale that is not the instrument's, an unknown instrument version, a wrong reverse-keying flag", () => {
    const row = (ver: string, q: string, max: number, rev: number) =>
      `${LIKERT_HEAD}\n${S},r1,,gradient,${ver},${q},3,3,1,${max},agree_high,${rev},post_task\n`;
    let d = study({ 'likert_ratings.csv': row('ESS,2018-8', 'ESS-1', 7, 0) });
    expect(errorOf(d)).toBe(`${d}/likert_ratings.csv: line 2, column 11 (scale_max): scale 1..7 differs from ESS-2018-8's 1..5`);
    d = study({ 'likert_ratings.csv': row('ESS,2020-8', 'ESS-1', 5, 0) });
    expect(errorOf(d)).toBe(
      `${d}/likert_ratings.csv: line 2, column 6 (instrument_version): unknown instrument 'ESS' version '2020-8' (known: ESS 2018-8, ESS ` +
        `2023-9, TRUST 2018-8, SCS 2020-10)`,
    );
    d = study({ 'likert_ratings.csv': row('TRUST,2018-8', 'TRUST-6', 5, 0) });
    expect(errorOf(d)).toBe(
      `${d}/likert_ratings.csv: line 2, column 13 (reverse_keyed): 0 disagrees with TRUST-2018-8, where TRUST-6 is reverse-keyed`,
    );
    d = study({ 'likert_ratings.csv': row('ESS,2018-8', 'ESS-9', 5, 0) });
    expect(errorOf(d)).toBe(
      `${d}/likert_ratings.csv: line 2, column 7 (question_id): 'ESS-9' is not a question of ESS-2018-8 (ESS-1..ESS-8)`,
    );
  });

  it('method ids that disagree with items.csv', () => {
    const d = study({ 'ssa_ratings.csv': `${SSA_HEAD}\n${S},r1,i1,lime,sensible,1\n` });
    expect(errorOf(d)).toBe(
      `${d}/ssa_ratings.csv: line 2, column 4 (method_id): 'lime' disagrees with ${d}/items.csv, where item 'i1' has method 'gradient' ` +
        `(line 2)`,
    );
  });

  it('a control item whose id, flag and type disagree', () => {
    const d = study({ 'items.csv': `study_id,item_id,method_id,is_control,control_type\n${S},i1,control-random,1,constant\n` });
    expect(errorOf(d)).toBe(
      `${d}/items.csv: line 2, column 5 (control_type): 'constant' disagrees with method 'control-random' (expected 'random')`,
    );
  });

  it('a study_id that differs between files', () => {
    const d = study({ 'ssa_ratings.csv': `${SSA_HEAD}\nother-study,r1,i1,gradient,sensible,1\n` });
    expect(errorOf(d)).toBe(
      `${d}/ssa_ratings.csv: line 2, column 1 (study_id): 'other-study' differs from the study_id '${S}' of ${d}/items.csv`,
    );
  });

  it('missing and unknown columns, ragged rows, broken quoting, a method compared with itself, a turn count off the convention', () => {
    let d = study({ 'ssa_ratings.csv': `study_id,rater_id,item_id,method_id,question\n${S},r1,i1,gradient,sensible\n` });
    expect(errorOf(d)).toBe(
      `${d}/ssa_ratings.csv: line 1: missing column 'label' (required: study_id, rater_id, item_id, method_id, question, label)`,
    );
    d = study({ 'ssa_ratings.csv': `${SSA_HEAD},mood\n${S},r1,i1,gradient,sensible,1,ok\n` });
    expect(errorOf(d)).toMatch(new RegExp(`^${d}/ssa_ratings.csv: line 1, column 7 \\(mood\\): unknown column \\(expected study_id, `));
    d = study({ 'ssa_ratings.csv': `${SSA_HEAD}\n${S},r1,i1,gradient,sensible\n` });
    expect(errorOf(d)).toBe(`${d}/ssa_ratings.csv: line 2: 5 fields, but the header has 6`);
    d = study({ 'ssa_ratings.csv': `${SSA_HEAD}\n${S},r1,"i1,gradient,sensible,1\n` });
    expect(errorOf(d)).toMatch(new RegExp(`^${d}/ssa_ratings.csv(: line \\d+)?: not valid CSV \\(`));
    d = study({
      'pairwise_prefs.csv': `study_id,rater_id,comparison_id,method_a,method_b,criterion,outcome\n${S},r1,c1,lime,lime,overall,a\n`,
    });
    expect(errorOf(d)).toBe(
      `${d}/pairwise_prefs.csv: line 2, column 5 (method_b): 'lime' is also method_a (a method cannot be compared with itself)`,
    );
    const sessHead = 'study_id,session_id,user_id,method_id,n_user_msgs,n_system_msgs,n_turns,ended_by,idle_timeout_s,max_turns';
    d = study({ 'sessions.csv': `${sessHead}\n${S},s1,u1,lime,9,10,10,user,1800,28\n` });
    expect(errorOf(d)).toBe(
      `${d}/sessions.csv: line 2, column 7 (n_turns): 10 disagrees with the declared convention (one user message answered by one system ` +
        `reply = 1 turn: min(9, 10) = 9)`,
    );
    d = study({ 'sessions.csv': `${sessHead}\n${S},s1,u1,lime,9,9,9,user,1800,28\n${S},s2,u1,lime,3,3,3,user,600,28\n` });
    expect(errorOf(d)).toBe(
      `${d}/sessions.csv: line 3, column 9 (idle_timeout_s): 600 differs from 1800 at line 2 (one timeout per study: CPS under different ` +
        `timeouts is not comparable)`,
    );
  });
});

describe('survey ingest: coercions are applied and reported, missing values are never imputed', () => {
  it('forces specific to 0 when not sensible, drops excluded raters and incomplete votes, flips agree_low, caps sessions', () => {
    const d = study({
      'ssa_ratings.csv': `${SSA_HEAD}
${S},r1,i1,gradient,sensible,0
${S},r1,i1,gradient,specific,1
${S},r2,i1,gradient,sensible,0
${S},r2,i1,gradient,specific,
${S},r1,i2,lime,sensible,1
${S},r1,i2,lime,specific,
${S},r3,i1,gradient,sensible,1
${S},r3,i1,gradient,specific,1
`,
      'likert_ratings.csv':
        `${LIKERT_HEAD}\n${S},r1,,gradient,ESS,2018-8,ESS-1,,2,1,5,agree_low,0,pre_discussion\n` +
        `${S},r1,,gradient,ESS,2018-8,ESS-2,,,1,5,agree_high,0,pre_discussion\n`,
      'sessions.csv':
        'study_id,session_id,user_id,method_id,n_user_msgs,n_system_msgs,n_turns,ended_by,idle_timeout_s,max_turns\n' +
        `${S},s1,u1,lime,30,31,30,cap,1800,28\n`,
    });
    const s = readStudy(d);
    expect(s.ssa).toEqual([
      { rater: 'r1', item: 'i1', method: 'gradient', sensible: 0, specific: 0 },
      { rater: 'r2', item: 'i1', method: 'gradient', sensible: 0, specific: 0 },
    ]);
    expect(s.likert.map((r) => r.response)).toEqual([4, null]);
    expect(s.sessions[0].turns).toBe(28);
    expect(s.simulated).toBe(true);
    expect(s.notes).toEqual([
      'raters.csv: rater excluded (no reason given); their ratings are left out on 1 row(s) (line 4)',
      'ssa_ratings.csv: specific 1 set to 0 because sensible is 0 (protocol coupling) on 1 row(s) (line 3)',
      'ssa_ratings.csv: specific empty set to 0 because sensible is 0 (protocol coupling) on 1 row(s) (line 5)',
      'ssa_ratings.csv: specific label missing while sensible is 1, so the (rater, item) vote is left out (not imputed) on 1 row(s) ' +
        '(line 7)',
      'likert_ratings.csv: agree_low code flipped to agree_high (min + max - response) on 1 row(s) (line 2)',
      'likert_ratings.csv: empty response left missing (no scale score for that answer sheet) on 1 row(s) (line 3)',
      'sessions.csv: session longer than max_turns 28, counted at the cap on 1 row(s) (line 2)',
    ]);
  });
});
