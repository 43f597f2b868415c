/**
 * Text of the high-stakes page (pages/[...lang]/high-stakes.astro), English and Korean. Korean terms
 * follow the site glossary (lib/glossary.ts: 설명 방법, 기여도, 과제, 지표, 신뢰구간); no particle
 * follows a variable word here (the requirements' own text uses core/korean-particles.ts).
 */
import type { Lang } from './types';
import type { ScenarioId } from './high-stakes';
import { classNameKo } from '@xai-core/korean-words.js';

interface ScenarioText {
  readonly title: string;
  readonly about: string;
}

/** Korean of the protected attributes' levels in the built-in data sets (data/datasets/README.md). */
const LEVEL_KO: Readonly<Record<string, string>> = {
  man: '남성',
  woman: '여성',
  male: '남성',
  female: '여성',
  white: '백인',
  'african american': '아프리카계 미국인',
  divorced: '이혼',
  married: '기혼',
  separated: '별거',
  single: '미혼',
  widow: '사별',
};

const ATTRIBUTE_KO: Readonly<Record<string, string>> = { gender: '성별', sex: '성별', race: '인종', marital: '혼인 상태' };

const en = {
  title: 'High-stakes decisions',
  intro:
    'Lending and hiring models decide about people. For each decision below: how much the model’s answer depends on the protected ' +
    'attribute (measured by setting it to each level with the rest of the row held), which explainers reveal that dependence, whether ' +
    'explanation quality differs between groups, and what a reviewer should require, derived from these numbers by written rules.',
  none: 'This leaderboard has no protected-attribute evidence: no task with a protected attribute was run (the standard and full profiles run them).',
  effectTitle: 'Measured effect of the protected attribute',
  effectNote: (rows: number) =>
    `Mean change over the ${rows} test rows of each model when the attribute is set from the first level to another, the rest of the row held; 95% bootstrap interval in brackets.`,
  task: 'Task',
  change: 'Change',
  probability: (cls: string) => `Change in P(${cls})`,
  logOdds: 'Change in log-odds',
  oddsRatio: 'Odds ratio',
  groups: 'Test rows per group',
  trueEffect: 'True effect (generator)',
  unknown: 'unknown (real data)',
  detectionTitle: 'Which explainers revealed it',
  detectionNote:
    'Detection score: the AUROC with which the attribute’s attribution share separates explanations of the biased models from those of the fair ones, over all their seeds (0.5 is chance, 1 perfect). Spearman ρ: rank correlation of each task’s mean share with the size of its measured effect, across tasks and seeds.',
  explainer: 'Explainer',
  detection: 'Detection score',
  tracking: 'Spearman ρ (share vs effect)',
  cells: 'cells',
  shareTitle: 'Attribution share given to the protected attribute',
  shareNote: 'Mean over the explained inputs of the attribute’s share of total absolute attribution; 95% interval in brackets.',
  share: 'Share',
  gapsTitle: 'Group gaps in explanation quality',
  gapsNote: (found: number, compared: number) =>
    `${found} of ${compared} (explainer, metric) pairs measured differ between groups: the gap between the highest and the lowest group mean has a 95% interval that excludes 0.`,
  gapsNone: (compared: number) => `None of the ${compared} (explainer, metric) pairs measured differs between groups beyond its interval.`,
  metric: 'Metric',
  groupMeans: 'Group means (n)',
  gap: 'Gap (highest − lowest)',
  requireTitle: 'What a reviewer should require',
  requireNone: 'No rule fires for this decision.',
  rule: 'Rule',
  interval: '95% interval',
  scenarios: {
    'hiring': {
      title: 'Hiring (synthetic pair)',
      about:
        'Two synthetic hiring data sets, alike except that in one the generator lowers women’s odds of being hired and in the other gender has no effect. The true effect is known only here, so only here can an explainer’s detection be scored.',
    },
    'german-credit': { title: 'German credit', about: 'Credit risk (good or bad) of applicants to a German bank (Statlog German credit, Hofmann 1994); protected attribute: sex.' },
    'hmda': { title: 'Boston HMDA mortgages', about: 'Mortgage applications in Boston, approved or denied (Munnell et al. 1996); protected attribute: race.' },
    'credit-data': { title: 'Credit scoring (credit_data)', about: 'Consumer credit scoring (credit_data, L. A. Belanche Muñoz); protected attribute: marital status.' },
  } as Record<ScenarioId, ScenarioText>,
  guideLink: 'The measured evidence for these decisions: protected attributes, explainers that reveal them, group gaps and reviewer requirements.',
  change_: (from: string, to: string) => `${from} → ${to}`,
  /** A protected attribute's level as the data name it (Korean: translated). */
  level: (name: string) => name,
  attribute: (name: string) => name,
};

type Strings = typeof en;

const ko: Strings = {
  title: '고위험 결정',
  intro:
    '대출과 채용 모델은 사람에 관한 결정을 내립니다. 아래 각 결정마다 모델의 답이 보호 속성에 얼마나 의존하는지(행의 나머지 값은 그대로 두고 ' +
    '보호 속성만 각 수준으로 바꾸어 측정), 어떤 설명 방법이 그 의존성을 드러내는지, 설명 품질이 집단마다 다른지, 그리고 이 수치에서 명시된 ' +
    '규칙으로 도출한 검토자의 요구 사항을 보여 줍니다.',
  none: '이 리더보드에는 보호 속성에 관한 근거가 없습니다. 보호 속성이 있는 과제를 실행하지 않았기 때문입니다(standard와 full 프로필에서 실행합니다).',
  effectTitle: '보호 속성의 측정된 효과',
  effectNote: (rows: number) =>
    `각 모델의 테스트 행 ${rows}개에서 나머지 값은 그대로 두고 보호 속성만 첫 수준에서 다른 수준으로 바꿨을 때의 평균 변화입니다. 괄호 안은 95% 부트스트랩 신뢰구간입니다.`,
  task: '과제',
  change: '변화',
  probability: (cls: string) => `P(${classNameKo(cls)})의 변화`,
  logOdds: '로그 승산의 변화',
  oddsRatio: '승산비',
  groups: '집단별 테스트 행 수',
  trueEffect: '참 효과(생성기)',
  unknown: '알 수 없음(실제 데이터)',
  detectionTitle: '어떤 설명 방법이 드러냈는가',
  detectionNote:
    '탐지 점수: 보호 속성의 기여도 비중으로 편향된 모델의 설명과 공정한 모델의 설명을 모든 시드에 걸쳐 구별해 내는 AUROC입니다(0.5는 우연 수준, 1은 완벽). 스피어먼 ρ: 과제와 시드에 걸쳐, 각 과제의 평균 비중과 측정된 효과 크기 사이의 순위 상관입니다.',
  explainer: '설명 방법',
  detection: '탐지 점수',
  tracking: '스피어먼 ρ(비중 대 효과)',
  cells: '칸',
  shareTitle: '보호 속성에 돌아간 기여도 비중',
  shareNote: '설명한 입력들에서 절대 기여도 합계 중 보호 속성이 차지한 비중의 평균입니다. 괄호 안은 95% 신뢰구간입니다.',
  share: '비중',
  gapsTitle: '설명 품질의 집단 간 차이',
  gapsNote: (found: number, compared: number) =>
    `측정한 (설명 방법, 지표) 쌍 ${compared}개 중 ${found}개에서 집단 간 차이가 있습니다. 평균이 가장 높은 집단과 가장 낮은 집단의 차이에 대한 95% 신뢰구간이 0을 포함하지 않는다는 뜻입니다.`,
  gapsNone: (compared: number) => `측정한 (설명 방법, 지표) 쌍 ${compared}개 모두 신뢰구간을 넘어서는 집단 간 차이가 없습니다.`,
  metric: '지표',
  groupMeans: '집단별 평균(n)',
  gap: '차이(최고 − 최저)',
  requireTitle: '검토자가 요구해야 할 것',
  requireNone: '이 결정에는 해당하는 규칙이 없습니다.',
  rule: '규칙',
  interval: '95% 신뢰구간',
  scenarios: {
    'hiring': {
      title: '채용(합성 데이터 쌍)',
      about:
        '두 합성 채용 데이터 집합은 한쪽에서만 생성기가 여성의 채용 승산을 낮추고 다른 쪽에서는 성별이 아무 영향을 주지 않는다는 점 말고는 같습니다. 참 효과를 아는 곳은 여기뿐이므로, 설명 방법의 탐지 점수도 여기서만 매길 수 있습니다.',
    },
    'german-credit': { title: '독일 신용', about: '독일 한 은행 대출 신청자의 신용 위험(양호 또는 불량)을 판정합니다(Statlog German credit, Hofmann 1994). 보호 속성은 성별입니다.' },
    'hmda': { title: '보스턴 HMDA 주택담보대출', about: '보스턴의 주택담보대출 신청을 승인할지 거절할지 판정합니다(Munnell 등 1996). 보호 속성은 인종입니다.' },
    'credit-data': { title: '신용 평가(credit_data)', about: '소비자 신용 평가 데이터입니다(credit_data, L. A. Belanche Muñoz). 보호 속성은 혼인 상태입니다.' },
  },
  guideLink: '이런 결정에 대해 측정한 근거: 보호 속성, 그것을 드러내는 설명 방법, 집단 간 차이, 검토자의 요구 사항.',
  change_: (from: string, to: string) => `${from} → ${to}`,
  level: (name: string) => LEVEL_KO[name] ?? name,
  attribute: (name: string) => ATTRIBUTE_KO[name] ?? name,
};

export const highStakesText = (lang: Lang): Strings => (lang === 'ko' ? ko : en);
