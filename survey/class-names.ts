/**
 * Class names as raters read them: the built-in tasks' class ids ('negative', 'not_hired', 'class_0')
 * in words, in both languages. A class without an entry is shown as its id with '_' read as a space.
 * The explanation texts of the run quote class ids ('negative'); `localiseClasses` puts the rater's
 * word in their place.
 */
import type { Bilingual } from '../explainers/types.js';

const NAMES: Readonly<Record<string, Bilingual>> = {
  negative: { en: 'negative', ko: '음성' },
  positive: { en: 'positive', ko: '양성' },
  zero: { en: 'zero', ko: '0' },
  one: { en: 'one', ko: '1' },
  rest: { en: 'another digit', ko: '다른 숫자' },
  setosa: { en: 'setosa', ko: '세토사' },
  versicolor: { en: 'versicolor', ko: '버시컬러' },
  virginica: { en: 'virginica', ko: '버지니카' },
  class_0: { en: 'cultivar 1', ko: '품종 1' },
  class_1: { en: 'cultivar 2', ko: '품종 2' },
  class_2: { en: 'cultivar 3', ko: '품종 3' },
  malignant: { en: 'malignant', ko: '악성' },
  benign: { en: 'benign', ko: '양성' },
  hired: { en: 'hired', ko: '채용' },
  not_hired: { en: 'not hired', ko: '불채용' },
  plus: { en: 'plus', ko: '더하기 모양' },
  ring: { en: 'ring', ko: '고리 모양' },
  cross: { en: 'cross', ko: '엑스 모양' },
};

export function classWords(id: string): Bilingual {
  return NAMES[id] ?? { en: id.replace(/_/g, ' '), ko: id.replace(/_/g, ' ') };
}

/** The text with every quoted class id ('negative') replaced by the class's word in that language. */
export function localiseClasses(text: Bilingual, classes: readonly string[]): Bilingual {
  const swap = (s: string, lang: 'en' | 'ko') =>
    classes.reduce((acc, c) => acc.split(`'${c}'`).join(`'${classWords(c)[lang]}'`), s);
  return { en: swap(text.en, 'en'), ko: swap(text.ko, 'ko') };
}
