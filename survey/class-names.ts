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

/** Korean particles written for either final sound, e.g. (으)로, and the form after a vowel / a consonant. */
const PARTICLES: readonly [string, string, string][] = [
  ['(으)로', '로', '으로'],
  ['(이)라고', '라고', '이라고'],
  ['(은)는', '는', '은'],
  ['(이)가', '가', '이'],
  ['(을)를', '를', '을'],
  ['(와)과', '와', '과'],
  ['(이)', '', '이'],
];

/** The final consonant (batchim) of a Hangul syllable: 0 none, 8 ㄹ; -1 when not a Hangul syllable. */
function finalOf(ch: string): number {
  const code = ch.charCodeAt(0) - 0xac00;
  return code >= 0 && code < 11172 ? code % 28 : -1;
}

/** The particle after `word`, chosen by its last syllable (ㄹ takes 로, as after a vowel); two-way when not Hangul. */
function particleAfter(word: string, particle: string): string {
  const p = PARTICLES.find(([both]) => both === particle)!;
  const f = finalOf(word[word.length - 1]);
  if (f < 0) return particle;
  return f === 0 || (f === 8 && p[0] === '(으)로') ? p[1] : p[2];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The text with class ids replaced by the class's words: quoted ids ('negative') in both languages;
 * in Korean every id standing as a word (rule texts write "이면 setosa"), with a following two-way
 * particle ("setosa(으)로") settled for the Korean word; in English ids with '_' (not_hired).
 */
export function localiseClasses(text: Bilingual, classes: readonly string[]): Bilingual {
  let { en, ko } = text;
  const particle = PARTICLES.map(([p]) => escapeRe(p)).join('|');
  for (const c of classes) {
    const w = classWords(c);
    if (w.en === c && w.ko === c) continue;
    en = en.split(`'${c}'`).join(`'${w.en}'`);
    if (c.includes('_')) en = en.replace(new RegExp(`(?<![A-Za-z0-9_])${escapeRe(c)}(?![A-Za-z0-9_])`, 'g'), w.en);
    ko = ko.replace(new RegExp(`(?<![A-Za-z0-9_])'?${escapeRe(c)}'?(?![A-Za-z0-9_])(${particle})?`, 'g'), (m, p?: string) => {
      const q = m.startsWith("'") ? "'" : '';
      const close = q && m.slice(1).includes("'") ? "'" : '';
      return `${q}${w.ko}${close}${p ? particleAfter(w.ko, p) : ''}`;
    });
  }
  return { en, ko };
}
