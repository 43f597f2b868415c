/**
 * What a reviewer of a high-stakes model should require, derived from the protected-attribute evidence
 * by written rules (so a page can show the rule beside its outcome):
 * 1. Dependence: the model depends on its protected attribute when, for some level, the 95% interval of
 *    the mean log-odds change excludes 0 and its size is at least MATERIAL_LOG_ODDS (0.2, an odds ratio
 *    of about 1.22). Then require that the dependence be disclosed and justified or removed.
 * 2. Explainers fit for the audit: those whose detection score's interval lies above chance (0.5); an
 *    explainer whose interval contains 0.5 cannot be relied on to reveal such a dependence.
 * 3. Equal quality: for each (task, metric) where some explainer's group gap interval excludes 0,
 *    require explanation quality to be reported per group.
 */
import { withParticle } from '../../core/korean-particles.js';
import { classNameKo } from '../../core/korean-words.js';
import type { Bilingual } from '../../explainers/types.js';
import type { MeasuredEvidence as ProtectedEvidence, Requirement } from './evidence-types.js';

const MATERIAL_LOG_ODDS = 0.2;

/** The three rules as written, shown beside what they derive. */
export const RULE_TEXT: Readonly<Record<Requirement['rule'], Bilingual>> = {
  'dependence': {
    en: `If, for some level, the 95% interval of the mean log-odds change excludes 0 and its size is at least ${MATERIAL_LOG_ODDS} (an odds ratio of about ${Math.exp(MATERIAL_LOG_ODDS).toFixed(2)}), the model depends on its protected attribute: require the dependence to be disclosed and justified, or removed.`,
    ko: `어느 한 수준에서라도 평균 로그 승산 변화의 95% 구간이 0을 포함하지 않고 그 크기가 ${MATERIAL_LOG_ODDS} 이상이면(승산비 약 ${Math.exp(MATERIAL_LOG_ODDS).toFixed(2)}) 모델이 보호 속성에 의존한다고 봅니다. 이때는 그 의존성을 공개하고 정당화하거나 없애도록 요구합니다.`,
  },
  'audit-explainers': {
    en: 'An explainer whose detection score interval lies above chance (0.5) may serve as evidence about the protected attribute; one whose interval reaches 0.5 cannot be relied on to reveal a dependence.',
    ko: '탐지 점수 구간이 우연 수준(0.5)보다 위에 있는 설명 방법만 보호 속성에 관한 근거로 씁니다. 구간이 0.5에 닿는 방법으로는 의존성을 드러낸다고 믿을 수 없습니다.',
  },
  'group-quality': {
    en: 'If, for some explainer, the gap in a per-sample metric between protected groups has a 95% interval that excludes 0, require explanation quality on that task and metric to be reported per group.',
    ko: '어느 설명 방법에서든 표본별 지표의 보호 집단 간 차이의 95% 구간이 0을 포함하지 않으면, 그 과제와 지표의 설명 품질을 집단별로 보고하도록 요구합니다.',
  },
};

const excludesZero = (ci: readonly [number, number] | null): boolean => ci !== null && (ci[0] > 0 || ci[1] < 0);

function dependence(ev: ProtectedEvidence): Requirement[] {
  return ev.tasks.flatMap((t) => {
    const material = t.effect.levels.filter((l) => excludesZero(l.logOdds.ci) && Math.abs(l.logOdds.estimate) >= MATERIAL_LOG_ODDS);
    if (material.length === 0) return [];
    const worst = material.reduce((a, b) => (Math.abs(b.logOdds.estimate) > Math.abs(a.logOdds.estimate) ? b : a));
    const or = Math.exp(worst.logOdds.estimate).toFixed(2);
    return [{
      rule: 'dependence' as const,
      ruleText: RULE_TEXT['dependence'],
      subject: t.task,
      text: {
        en: `${t.task}: the model's odds of '${t.favourableClass}' change by a factor of ${or} when ${t.attribute} is set from ${t.effect.reference} to ${worst.level}, the rest held fixed. Require the dependence to be disclosed and justified, or removed.`,
        ko: `${t.task}: 다른 값은 그대로 두고 ${t.attribute} 값만 ${t.effect.reference}에서 ${withParticle(worst.level, '으로/로')} 바꾸면 '${classNameKo(t.favourableClass)}' 판정의 승산이 ${or}배가 됩니다. 이 의존성을 공개하고 정당화하거나 없애도록 요구해야 합니다.`,
      },
    }];
  });
}

function auditExplainers(ev: ProtectedEvidence): Requirement[] {
  if (ev.detection.length === 0) return [];
  const fit = ev.detection.filter((d) => d.score.ci !== null && d.score.ci[0] > 0.5).map((d) => d.explainer);
  const unfit = ev.detection.filter((d) => !fit.includes(d.explainer)).map((d) => d.explainer);
  const list = (xs: string[]) => (xs.length ? xs.join(', ') : '-');
  return [{
    rule: 'audit-explainers',
    ruleText: RULE_TEXT['audit-explainers'],
    subject: 'detection',
    text: {
      en: `Accept explanations from ${list(fit)} as evidence about the protected attribute (their detection score lies above chance); do not rely on ${list(unfit)} to reveal it.`,
      ko: `보호 속성에 관한 근거로는 ${list(fit)}의 설명을 받아들일 수 있습니다(탐지 점수가 우연 수준보다 높음). ${list(unfit)}에는 그 영향을 드러내는 역할을 맡기지 말아야 합니다.`,
    },
  }];
}

function groupQuality(ev: ProtectedEvidence): Requirement[] {
  const keys = [...new Set(ev.groupGaps.filter((g) => g.gap && excludesZero(g.gap.ci)).map((g) => `${g.task}\u0000${g.metric}`))].sort();
  return keys.map((k) => {
    const [task, metric] = k.split('\u0000');
    return {
      rule: 'group-quality' as const,
      ruleText: RULE_TEXT['group-quality'],
      subject: `${task} ${metric}`,
      text: {
        en: `${task}: ${metric} differs between protected groups for at least one explainer. Require explanation quality to be reported per group.`,
        ko: `${task}: 적어도 한 설명 방법에서 ${metric} 값이 보호 집단 사이에 다릅니다. 설명 품질을 집단별로 보고하도록 요구해야 합니다.`,
      },
    };
  });
}

export function reviewerRequirements(ev: ProtectedEvidence): Requirement[] {
  return [...dependence(ev), ...auditExplainers(ev), ...groupQuality(ev)];
}
