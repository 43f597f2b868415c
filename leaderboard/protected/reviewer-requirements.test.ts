import { describe, expect, it } from 'vitest';
import { PROTECTED_EVIDENCE_SCHEMA, type MeasuredEvidence, type TaskEvidence } from './evidence-types.js';
import { RULE_TEXT, reviewerRequirements } from './reviewer-requirements.js';

const task = (id: string, logOdds: number, ci: [number, number]): TaskEvidence => ({
  task: id,
  dataset: id,
  attribute: 'sex',
  levels: ['female', 'male'],
  trueEffect: null,
  favourableClass: 'good',
  effect: {
    attribute: 'sex',
    reference: 'female',
    favourableClass: 0,
    rows: 100,
    levels: [{ level: 'male', probability: { estimate: 0, ci: [0, 0] }, logOdds: { estimate: logOdds, ci } }],
  },
  groupSizes: [50, 50],
});

describe('reviewerRequirements', () => {
  it('applies the written rules to hand-made evidence', () => {
    const ev: MeasuredEvidence = {
      schema: PROTECTED_EVIDENCE_SCHEMA,
      tasks: [task('a', 0.7, [0.5, 0.9]), task('b', 0.1, [0.05, 0.15]), task('c', 0.9, [-0.1, 1.9])],
      detection: [
        { explainer: 'kernel-shap', score: { estimate: 0.99, ci: [0.97, 1] }, biased: 90, fair: 90 },
        { explainer: 'random', score: { estimate: 0.49, ci: [0.4, 0.58] }, biased: 90, fair: 90 },
      ],
      tracking: [],
      groupGaps: [
        { task: 'a', explainer: 'x', metric: 'deletion-auc', groups: [], gap: { estimate: 0.2, ci: [0.1, 0.3] } },
        { task: 'a', explainer: 'x', metric: 'sparseness', groups: [], gap: { estimate: 0.05, ci: [-0.01, 0.1] } },
      ],
    };
    const r = reviewerRequirements(ev);
    // a: material and excluding 0; b: below 0.2; c: interval contains 0
    expect(r.filter((x) => x.rule === 'dependence').map((x) => x.subject)).toEqual(['a']);
    expect(r[0].text.en).toContain('by a factor of 2.01 when sex is set from female to male');
    expect(r[0].text.ko).toContain('female에서 male로 바꾸면');
    expect(r[0].ruleText).toEqual(RULE_TEXT.dependence);
    expect(r.every((x) => x.ruleText === RULE_TEXT[x.rule])).toBe(true);
    const audit = r.find((x) => x.rule === 'audit-explainers')!;
    expect(audit.text.en).toBe('Accept explanations from kernel-shap as evidence about the protected attribute (their detection score lies above chance); do not rely on random to reveal it.');
    expect(r.filter((x) => x.rule === 'group-quality').map((x) => x.subject)).toEqual(['a deletion-auc']);
  });
});
