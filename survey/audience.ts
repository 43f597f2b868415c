/**
 * Who rates the packet and what they can judge (`survey make --audience`). Children judge pictures
 * (image tasks) and tables only where every feature has a name and an everyday unit; nobody but an
 * expert judges a table of unnamed features (x0, x1, ...); knowledge-graph paths are left to adults
 * and experts. A task the audience cannot judge is left out with a note, or kept with a warning when
 * `--tasks` names it. For children the explanation texts are cut to their first sentence; the packet
 * records the reading level of what raters read (Flesch-Kincaid grade of the English text, Kincaid et
 * al. 1975, "Derivation of new readability formulas"; characters per sentence of the Korean text).
 */
import type { TaskView } from '../datasets/task.js';
import type { Bilingual } from '../explainers/types.js';

export const AUDIENCES = ['children', 'adults', 'experts'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Units a pupil meets in daily life (tabular tasks for children need one on every feature). */
const EVERYDAY_UNITS = new Set(['mm', 'cm', 'm', 'km', 'g', 'kg', 'years', 'months', 'days', 'hours', 'minutes', 'points', '%', '°C']);

/** Explainer families a child is not asked to judge. */
const NOT_FOR_CHILDREN = new Set(['concept-path']);

/** Why `audience` cannot judge the task's inputs, or null when it can. */
export function taskMisfit(audience: Audience, task: Pick<TaskView, 'kind' | 'featureNames' | 'units'>): string | null {
  if (audience === 'experts' || task.kind === 'image') return null;
  const unnamed = task.featureNames.filter((n) => /^x\d+$/.test(n) || /^pixel\(/.test(n));
  if (unnamed.length) return `its features have no names (${unnamed.slice(0, 3).join(', ')}, ...)`;
  if (audience === 'adults') return null;
  const odd = task.featureNames.filter((_, j) => !EVERYDAY_UNITS.has(task.units?.[j] ?? ''));
  const unitOf = (n: string) => task.units?.[task.featureNames.indexOf(n)] || 'no unit';
  const shown = odd.slice(0, 3).map((n) => `${n}: ${unitOf(n)}`);
  if (odd.length) return `not every feature is in an everyday unit (${shown.join(', ')}${odd.length > 3 ? ', ...' : ''})`;
  return null;
}

/** Whether `audience` is asked to judge explanations of `family`. */
export function familyFits(audience: Audience, family: string): boolean {
  return audience !== 'children' || !NOT_FOR_CHILDREN.has(family);
}

/** What the packet records about its audience. */
export interface AudienceRecord {
  readonly audience: Audience;
  /** Explanation texts cut to this many sentences (children), or null. */
  readonly maxSentences: number | null;
  readonly readingLevel: ReadingLevel;
  /** Tasks left out, with why. */
  readonly leftOut: readonly { readonly task: string; readonly reason: string }[];
  /** Tasks kept because --tasks named them although the audience cannot judge them. */
  readonly keptAnyway: readonly { readonly task: string; readonly reason: string }[];
  /** Explainer families left out for this audience. */
  readonly familiesLeftOut: readonly string[];
}

export interface ReadingLevel {
  /** Flesch-Kincaid grade of the English explanation texts (mean over items). */
  readonly fleschKincaidGradeEn: number | null;
  /** Mean words per English sentence. */
  readonly wordsPerSentenceEn: number | null;
  /** Mean characters (no spaces) per Korean sentence. */
  readonly charsPerSentenceKo: number | null;
}

export const maxSentencesFor = (a: Audience): number | null => (a === 'children' ? 1 : null);

/** Sentences: split after . ! ? (and 。) followed by a space or the end; decimals such as 0.42 stay whole. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?。])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The text cut to its first `n` sentences, without asides in parentheses ("(31% of the positive
 * contribution)"), both languages alike; a Korean particle written for either sound, "(으)로", stays.
 */
export function shorten(text: Bilingual, n: number | null): Bilingual {
  if (n === null) return text;
  const cut = (s: string) =>
    sentences(s)
      .slice(0, n)
      .join(' ')
      .replace(/\s*\((?!으\)|이\)|은\)|을\)|와\))[^()]*\)/g, '')
      .replace(/\s+([.,])/g, '$1');
  return { en: cut(text.en), ko: cut(text.ko) };
}

/** English syllables by vowel groups, a silent final e dropped (the usual readability approximation). */
function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 0;
  const groups = w.replace(/e$/, '').match(/[aeiouy]+/g)?.length ?? 0;
  return Math.max(1, groups);
}

export function readingLevel(texts: readonly Bilingual[]): ReadingLevel {
  let sEn = 0, words = 0, syl = 0, sKo = 0, chars = 0;
  for (const t of texts) {
    const en = sentences(t.en);
    sEn += en.length;
    for (const w of en.flatMap((s) => s.split(/\s+/)).filter((x) => /[A-Za-z]/.test(x))) {
      words++;
      syl += syllables(w);
    }
    const ko = sentences(t.ko);
    sKo += ko.length;
    chars += ko.join('').replace(/\s/g, '').length;
  }
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    fleschKincaidGradeEn: sEn && words ? round(0.39 * (words / sEn) + 11.8 * (syl / words) - 15.59) : null,
    wordsPerSentenceEn: sEn ? round(words / sEn) : null,
    charsPerSentenceKo: sKo ? round(chars / sKo) : null,
  };
}
