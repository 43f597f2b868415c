/** Text on typed tables names features and levels as a user reads them: never one-hot columns or codes. */
import { describe, expect, it } from 'vitest';
import type { TaskView } from '../datasets/task.js';
import { attributionText } from './attribution/attribution-text.js';
import { ruleSetText } from './rules/rule-text.js';

// age (years) column 0; sex binary column 1 (0 = female, 1 = male); purpose one-hot columns 2..4.
const task: TaskView = {
  id: 'typed',
  kind: 'tabular',
  sampleShape: [5],
  classes: ['bad', 'good'],
  featureNames: ['age', 'sex', 'purpose = car', 'purpose = tv', 'purpose = used car'],
  units: ['years', '', '', '', ''],
  scale: { mean: new Float32Array([40, 0.5, 0, 0, 0]), std: new Float32Array([10, 0.5, 1, 1, 1]) },
  baseline: new Float32Array(5),
  features: [
    { kind: 'numeric', name: 'age', unit: 'years', columns: [0] },
    { kind: 'categorical', name: 'sex', levels: ['female', 'male'], encoding: 'binary', columns: [1] },
    { kind: 'categorical', name: 'purpose', levels: ['car', 'tv', 'used car'], encoding: 'one-hot', columns: [2, 3, 4] },
  ],
};

describe('text on typed features', () => {
  it('attribution text sums a one-hot feature and names its level', () => {
    // input: age 50, sex female (raw 0 -> z -1), purpose used car
    const t = attributionText({
      task,
      input: Float32Array.from([1, -1, 0, 0, 1]),
      attribution: Float32Array.from([0.1, -0.3, 0.2, 0.1, 0.4]),
      target: 1,
      output: 'logit',
    });
    expect(t.en).toBe("What moved the model's logit score for 'good' most, in order: purpose = used car (raised it, +0.70); sex = female (lowered it, -0.30); age = 50 years (raised it, +0.10).");
    expect(t.ko).toContain('purpose = used car(높임, +0.70), sex = female(낮춤, -0.30)');
  });

  it('rules name levels instead of thresholds on codes', () => {
    // sex column threshold z = 0 (raw 0.5): "> 0" = male; purpose = used car column "> 0.5" / "<= 0.5"
    const rs = {
      rules: [
        { terms: [{ feature: 1, op: '>' as const, value: 0 }, { feature: 4, op: '<=' as const, value: 0.5 }], cls: 0, support: 10, confidence: 0.9 },
        { terms: [{ feature: 1, op: '<=' as const, value: 0 }, { feature: 4, op: '>' as const, value: 0.5 }, { feature: 0, op: '>' as const, value: 1 }], cls: 1, support: 5, confidence: 0.8 },
      ],
      defaultClass: 1,
      numClasses: 2,
    };
    const text = ruleSetText(task, rs);
    expect(text.en).toBe('IF sex = male AND purpose ≠ used car THEN bad\nIF sex = female AND purpose = used car AND age > 50 years THEN good\nELSE good');
    expect(text.ko.split('\n')[0]).toBe('sex = male 이고 purpose ≠ used car 이면 불량');
  });
});
