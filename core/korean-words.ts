/**
 * Korean for the category (class) names and units of the built-in data sets, so that Korean explanation
 * texts do not show 'not_hired' or '5 years' (datasets/synthetic/*.ts, data/datasets/*.csv declare them
 * in English). A name or unit not listed (a user's own data) is shown as it is.
 */

const CLASS_NAMES: Readonly<Record<string, string>> = {
  hired: '합격',
  not_hired: '불합격',
  negative: '음성',
  positive: '양성',
  plus: '더하기 무늬',
  ring: '고리 무늬',
  cross: '엑스 무늬',
  zero: '0',
  one: '1',
  rest: '나머지',
  malignant: '악성',
  benign: '양성',
  setosa: '세토사',
  versicolor: '버시컬러',
  virginica: '버지니카',
  class_0: '품종 0',
  class_1: '품종 1',
  class_2: '품종 2',
  // Credit risk (German credit, credit_data) and mortgage decisions (HMDA).
  good: '우량',
  bad: '불량',
  approved: '승인',
  denied: '거절',
};

const UNITS: Readonly<Record<string, string>> = {
  years: '년',
  year: '년',
  points: '점',
  point: '점',
  km: 'km',
  cm: 'cm',
};

/** The Korean of a class name, or the name itself. */
export const classNameKo = (name: string): string => CLASS_NAMES[name] ?? name;

/** The Korean of a unit, or the unit itself. */
export const unitKo = (unit: string): string => UNITS[unit] ?? unit;
