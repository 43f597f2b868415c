/**
 * Rule sets as people read them, in English and Korean, in the features' ORIGINAL units: thresholds
 * learned on standardised inputs are mapped back with the task's scale (raw = z * std + mean) and
 * printed with the fewest significant digits that keep the value (0.22, not 0.2199999988).
 */
import type { TaskView } from '../../datasets/task.js';
import { typedFeaturesOf } from '../../datasets/typed-features.js';
import type { Bilingual } from '../types.js';
import type { Term } from './dnf.js';
import type { Prediction, RuleSet } from './rule-set.js';
import { withParticle } from '../../core/korean-particles.js';
import { classNameKo, unitKo } from '../../core/korean-words.js';

/** A condition as the `rules` explanation records it: feature name, op, value in original units. */
export interface Condition {
  readonly feature: string;
  readonly op: '<=' | '>';
  readonly value: number;
}

/**
 * The value with the fewest decimals within `tolerance` of v: float32 storage and the
 * standardisation round trip leave 0.2199999988 for 0.22 and 1.6e-8 for 0.
 */
function niceNumber(v: number, tolerance: number): number {
  if (!Number.isFinite(v)) return v;
  for (let k = 0; k <= 10; k++) {
    const r = Math.round(v * 10 ** k) / 10 ** k;
    if (Math.abs(r - v) <= tolerance) return r === 0 ? 0 : r;
  }
  return v;
}

export function toOriginalUnits(task: TaskView, t: Term): Condition {
  const std = task.scale?.std[t.feature];
  const raw = task.scale ? t.value * task.scale.std[t.feature] + task.scale.mean[t.feature] : t.value;
  const tolerance = std !== undefined ? 1e-5 * std : 1e-6 * Math.max(1, Math.abs(raw));
  return { feature: task.featureNames[t.feature] ?? `x${t.feature}`, op: t.op, value: niceNumber(raw, tolerance) };
}

/**
 * A threshold on a categorical feature's column read as a level: on a binary column (0 = first level,
 * 1 = second) "<= t" with 0 <= t < 1 is "= first level" and "> t" "= second level"; on a one-hot column
 * "> t" is "= its level" and "<= t" "≠ its level" ("purpose ≠ used car"). Null for numeric features and
 * for thresholds outside [0, 1), which no valid row can fall on both sides of.
 */
function categoricalTermText(task: TaskView, t: Term): string | null {
  if (!task.features) return null;
  const f = typedFeaturesOf(task).find((g) => g.columns.includes(t.feature));
  if (!f || f.kind !== 'categorical') return null;
  const raw = task.scale ? t.value * task.scale.std[t.feature] + task.scale.mean[t.feature] : t.value;
  if (!(raw >= 0 && raw < 1)) return null;
  if (f.encoding === 'binary') return `${f.name} = ${f.levels[t.op === '<=' ? 0 : 1]}`;
  const level = f.levels[f.columns.indexOf(t.feature)];
  return `${f.name} ${t.op === '>' ? '=' : '≠'} ${level}`;
}

/** A value with its unit; Korean writes a unit word right after the number (7점, 61년) and keeps symbols (cm, km). */
function withUnit(task: TaskView, f: number, v: number, lang: 'en' | 'ko' = 'en'): string {
  const unit = task.units?.[f];
  if (!unit) return `${v}`;
  const ko = unitKo(unit);
  return lang === 'ko' && ko !== unit ? `${v}${ko}` : `${v} ${unit}`;
}

/**
 * "a AND b" over the clause's terms; a lower and an upper bound on one feature read as a range,
 * "1.9 cm < petal_length <= 4.9 cm", as a person would write it.
 */
function clauseText(task: TaskView, terms: readonly Term[], lang: 'en' | 'ko'): string {
  if (terms.length === 0) return lang === 'en' ? 'TRUE' : '항상';
  const parts: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    const named = categoricalTermText(task, t);
    if (named !== null) {
      parts.push(named);
      continue;
    }
    const c = toOriginalUnits(task, t);
    const u = terms[i + 1];
    if (t.op === '<=' && u && u.feature === t.feature && u.op === '>') {
      parts.push(`${withUnit(task, t.feature, toOriginalUnits(task, u).value, lang)} < ${c.feature} <= ${withUnit(task, t.feature, c.value, lang)}`);
      i++;
    } else parts.push(`${c.feature} ${c.op} ${withUnit(task, t.feature, c.value, lang)}`);
  }
  return parts.join(lang === 'en' ? ' AND ' : ' 이고 ');
}

// Korean texts name the classes in Korean (core/korean-words.ts).
const className = (task: TaskView, c: number, lang: 'en' | 'ko' = 'en') =>
  task.classes[c] === undefined ? String(c) : lang === 'ko' ? classNameKo(task.classes[c]) : task.classes[c];

/**
 * "IF x <= 0.22 THEN 1 ELSE 0" for one rule; one "IF ... THEN ..." line per rule and a final
 * "ELSE ..." line otherwise. Korean: "x <= 0.22 이면 1, 아니면 0".
 */
export function ruleSetText(task: TaskView, rs: RuleSet): Bilingual {
  const def = className(task, rs.defaultClass);
  const defKo = className(task, rs.defaultClass, 'ko');
  if (rs.rules.length === 0) return { en: `ALWAYS ${def}`, ko: `항상 ${defKo}` };
  const en = rs.rules.map((r) => `IF ${clauseText(task, r.terms, 'en')} THEN ${className(task, r.cls)}`);
  const ko = rs.rules.map((r) => `${clauseText(task, r.terms, 'ko')} 이면 ${className(task, r.cls, 'ko')}`);
  if (rs.rules.length === 1) return { en: `${en[0]} ELSE ${def}`, ko: `${ko[0]}, 아니면 ${defKo}` };
  return { en: [...en, `ELSE ${def}`].join('\n'), ko: [...ko, `그 밖에는 ${defKo}`].join('\n') };
}

/** Why the rule set predicts what it does for one input: the rule that fired, or the default. */
export function predictionText(task: TaskView, rs: RuleSet, p: Prediction): Bilingual {
  const cls = className(task, p.cls);
  const clsKo = className(task, p.cls, 'ko');
  if (p.rule < 0) {
    return {
      en: `No rule fires, so the rules predict the default class ${cls}.`,
      ko: `맞는 규칙이 없어 기본 클래스 ${withParticle(clsKo, '으로/로')} 예측합니다.`,
    };
  }
  const r = rs.rules[p.rule];
  return {
    en:
      `The rules predict ${cls} because ${clauseText(task, r.terms, 'en')} (rule ${p.rule + 1} of ${rs.rules.length}, confidence ` +
      `${r.confidence.toFixed(2)}).`,
    ko:
      `${clauseText(task, r.terms, 'ko')} 이므로 규칙은 ${withParticle(clsKo, '으로/로')} 예측합니다 (규칙 ${rs.rules.length}개 중 ${p.rule + 1}번, 신뢰도 ` +
      `${r.confidence.toFixed(2)}).`,
  };
}
