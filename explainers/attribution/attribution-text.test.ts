import { describe, expect, it } from 'vitest';
import { rngFor } from '../../core/rng.js';
import { imageTask, tabularTask } from '../../test/helpers/explainer-fixtures.js';
import { attributionText, formatSigned, formatValue, REGION_NAMES, regionMass, topFeatures } from './attribution-text.js';

const iris = tabularTask({
  features: 4,
  classes: ['setosa', 'versicolor', 'virginica'],
  names: ['sepal_length_cm', 'sepal_width_cm', 'petal_length_cm', 'petal_width_cm'],
  units: ['cm', 'cm', 'cm', 'cm'],
  scale: { mean: [5.8, 3.0, 3.8, 1.2], std: [0.8, 0.4, 1.75, 0.75] },
});

/** The feature names in the order the text mentions them. */
const mentioned = (text: string, names: readonly string[]) =>
  names.filter((n) => text.includes(n)).sort((a, b) => text.indexOf(a) - text.indexOf(b));

describe('attribution text, tabular', () => {
  it('names the top features by |attribution| with sign and the value in original units', () => {
    // petal_length raw 5.1 cm = 3.8 + 1.75 * z, so z = 0.742857...
    const input = Float32Array.from([0, 0, 1.3 / 1.75, 0.8]);
    const attribution = Float32Array.from([0.05, -0.3, 0.82, 0.4]);
    const t = attributionText({ task: iris, input, attribution, target: 2, output: 'logit' });
    expect(t.en).toBe(
      "What moved the model's logit score for 'virginica' most, in order: petal_length_cm = 5.1 cm (raised it, +0.82); " +
        'petal_width_cm = 1.8 cm (raised it, +0.40); sepal_width_cm = 3 cm (lowered it, -0.30).',
    );
    expect(t.ko).toBe(
      "모델의 'virginica' 로짓 점수에 가장 큰 영향을 준 특성은 순서대로 petal_length_cm = 5.1 cm(높임, +0.82), " +
        'petal_width_cm = 1.8 cm(높임, +0.40), sepal_width_cm = 3 cm(낮춤, -0.30)입니다.',
    );
    const p = attributionText({ task: iris, input, attribution, target: 0, output: 'probability', topK: 1 });
    expect(p.en).toContain("predicted probability for 'setosa'");
    expect(p.ko).toContain('예측 확률');
    expect(mentioned(p.en, iris.featureNames)).toEqual(['petal_length_cm']);
  });

  it('always names the truly top-ranked feature first (random attributions)', () => {
    const rng = rngFor(4, 'text');
    for (let trial = 0; trial < 50; trial++) {
      const attribution = Float32Array.from({ length: 4 }, () => rng.normal());
      const input = Float32Array.from({ length: 4 }, () => rng.normal());
      const t = attributionText({ task: iris, input, attribution, target: 1, output: 'logit' });
      const want = topFeatures(attribution, 3).map((j) => iris.featureNames[j]);
      expect(mentioned(t.en, iris.featureNames)).toEqual(want);
      expect(mentioned(t.ko, iris.featureNames)).toEqual(want);
      let best = 0;
      attribution.forEach((v, j) => (Math.abs(v) > Math.abs(attribution[best]) ? (best = j) : 0));
      expect(want[0]).toBe(iris.featureNames[best]);
    }
  });

  it('says so when nothing moved the output', () => {
    const t = attributionText({ task: iris, input: new Float32Array(4), attribution: new Float32Array(4), target: 1, output: 'logit' });
    expect(t.en).toMatch(/^No feature changed/);
    expect(t.ko).toContain('바꾸지 않았습니다');
  });

  it('formats values and signs compactly', () => {
    expect(formatValue(5.1000001)).toBe('5.1');
    expect(formatValue(1234.56)).toBe('1235');
    expect(formatValue(-0.0004)).toBe('0');
    expect(formatValue(0.1234)).toBe('0.123');
    expect(formatSigned(0.0012)).toBe('+0.0012');
    expect(formatSigned(-2)).toBe('-2.00');
  });
});

describe('attribution text, images', () => {
  const task = imageTask({ height: 6, width: 9, classes: ['zero', 'one', 'seven'] });

  it('names the 3x3 regions that hold most positive attribution, in English and Korean', () => {
    const a = new Float32Array(54);
    a[5 * 9 + 8] = 3; // bottom right
    a[0] = 1; // top left
    a[2 * 9 + 4] = -10; // centre, negative: not evidence for the class
    const t = attributionText({ task, input: new Float32Array(54), attribution: a, target: 2, output: 'logit' });
    expect(t.en).toBe(
      "The evidence for 'seven' (the model's logit score) lies mostly in the bottom right of the image (75% of the positive " +
      "attribution), then the top left (25%).",
    );
    expect(t.ko).toBe("모델의 'seven' 로짓 점수를 높인 근거는 주로 이미지의 오른쪽 아래에 있습니다(양의 기여의 75%). 그다음은 왼쪽 위(25%)입니다.");
  });

  it('always names the region with the most positive mass first (random attributions)', () => {
    const rng = rngFor(5, 'regions');
    for (let trial = 0; trial < 50; trial++) {
      const a = Float32Array.from({ length: 54 }, () => rng.normal());
      const t = attributionText({ task, input: new Float32Array(54), attribution: a, target: 0, output: 'probability' });
      const mass = regionMass(a, task.sampleShape);
      const top = topFeatures(mass, 1)[0];
      expect(t.en.match(/mostly in the (.+?) of the image/)![1]).toBe(REGION_NAMES.en[top]);
      expect(t.ko.match(/이미지의 (.+?)에 있습니다/)![1]).toBe(REGION_NAMES.ko[top]);
      expect(t.en).toContain('predicted probability');
    }
  });

  it('says so when no region raised the output', () => {
    const t = attributionText({
      task,
      input: new Float32Array(54),
      attribution: new Float32Array(54).fill(-1),
      target: 0,
      output: 'logit',
    });
    expect(t.en).toBe("Nothing in the image raised the model's logit score for 'zero'.");
    expect(t.ko).toContain('높이지 않았습니다');
  });
});
