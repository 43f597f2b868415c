import { describe, expect, it } from 'vitest';
import { shorten, taskMisfit } from './audience.js';
import { classWords, localiseClasses } from './class-names.js';

describe('class names as raters read them', () => {
  it('puts the Korean word for quoted and bare class ids, with the particle settled for the word', () => {
    const classes = ['setosa', 'versicolor', 'virginica', 'negative', 'class_0', 'not_hired'];
    const out = localiseClasses(
      {
        en: "the model's 'setosa' score; not_hired",
        ko: "규칙은 setosa(으)로 예측합니다. 이면 versicolor 그 밖에는 virginica. 모델의 'negative' 예측, 'class_0'(이)라고, 'not_hired'(을)를",
      },
      classes,
    );
    expect(out.en).toBe("the model's 'setosa' score; not hired");
    expect(out.ko).toBe("규칙은 세토사로 예측합니다. 이면 버시컬러 그 밖에는 버지니카. 모델의 '음성' 예측, '품종 1'(이)라고, '불채용'을");
    expect(classWords('7')).toEqual({ en: '7', ko: '7' });
    // A word that merely contains an id is left alone.
    expect(localiseClasses({ en: 'positively', ko: 'positively' }, ['positive']).ko).toBe('positively');
  });
});

describe('which tasks an audience can judge', () => {
  const table = (names: string[], units: string[]) => ({ kind: 'tabular' as const, featureNames: names, units });
  it('keeps synthetic x0..x9 tables from children and adults, and tables without everyday units from children', () => {
    const synth = table(['x0', 'x1', 'x2'], ['', '', '']);
    const iris = table(['sepal_length_cm', 'petal_width_cm'], ['cm', 'cm']);
    const wine = table(['alcohol', 'ash'], ['', '']);
    expect(taskMisfit('children', synth)).toMatch(/no names \(x0, x1, x2/);
    expect(taskMisfit('adults', synth)).toMatch(/no names/);
    expect(taskMisfit('experts', synth)).toBeNull();
    expect(taskMisfit('children', iris)).toBeNull();
    expect(taskMisfit('children', wine)).toBe('not every feature is in an everyday unit (alcohol: no unit, ash: no unit)');
    expect(taskMisfit('adults', wine)).toBeNull();
    expect(taskMisfit('children', { kind: 'image', featureNames: ['pixel(0,0)'], units: [] })).toBeNull();
  });
});

describe('texts for children', () => {
  it('keep the first sentence without asides in parentheses, and keep two-way Korean particles', () => {
    const t = shorten(
      {
        en: 'The evidence lies mainly in the centre of the image (31% of the positive contribution). Next come the top left (25%).',
        ko: "모델의 '2' 근거는 주로 이미지의 가운데에 있습니다(양의 기여의 31%). 그다음은 왼쪽 위(25%)입니다.",
      },
      1,
    );
    expect(t).toEqual({ en: 'The evidence lies mainly in the centre of the image.', ko: "모델의 '2' 근거는 주로 이미지의 가운데에 있습니다." });
    expect(shorten({ en: 'a', ko: "규칙은 '품종 1'(으)로 예측합니다 (규칙 2개 중 1번)." }, 1).ko).toBe("규칙은 '품종 1'(으)로 예측합니다.");
    expect(shorten({ en: 'Two. Sentences.', ko: '둘. 문장.' }, null)).toEqual({ en: 'Two. Sentences.', ko: '둘. 문장.' });
  });
});
