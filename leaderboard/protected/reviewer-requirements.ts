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
import type { Bilingual } from '../../explainers/types.js';
import type { ProtectedEvidence } from './evidence-types.js';

export const MATERIAL_LOG_ODDS = 0.2;

export interface Requirement {
  readonly rule: 'dependence' | 'audit-explainers' | 'group-quality';
  readonly subject: string;
  readonly text: Bilingual;
}

const excludesZero = (ci: readonly [number, number] | null): boolean => ci !== null && (ci[0] > 0 || ci[1] < 0);

function dependence(ev: ProtectedEvidence): Requirement[] {
  return ev.tasks.flatMap((t) => {
    const material = t.effect.levels.filter((l) => excludesZero(l.logOdds.ci) && Math.abs(l.logOdds.estimate) >= MATERIAL_LOG_ODDS);
    if (material.length === 0) return [];
    const worst = material.reduce((a, b) => (Math.abs(b.logOdds.estimate) > Math.abs(a.logOdds.estimate) ? b : a));
    const or = Math.exp(worst.logOdds.estimate).toFixed(2);
    return [{
      rule: 'dependence' as const,
      subject: t.task,
      text: {
        en: `${t.task}: the model's odds of '${t.favourableClass}' change by a factor of ${or} when ${t.attribute} is set from ${t.effect.reference} to ${worst.level}, the rest held fixed. Require the dependence to be disclosed and justified, or removed.`,
        ko: `${t.task}: 다른 값은 그대로 두고 ${t.attribute} 값만 ${t.effect.reference}에서 ${worst.level}(으)로 바꾸면 '${t.favourableClass}' 판정의 승산이 ${or}배가 됩니다. 이 의존성을 공개하고 정당화하거나 없애도록 요구해야 합니다.`,
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
