/**
 * Home-advantage pairs: a metric that scores what an explainer was built to optimise (its own
 * definition or objective) says nothing about that explainer beyond its definition, so it never ranks
 * it by default (docs/principles.md (principle 8)). The pairs are data: the leaderboard marks them on the cell,
 * leaves them out of the metric's ranks and the criterion scores, and `aggregate --include-home-advantage`
 * puts them back for a reader who wants them.
 */

export interface Bilingual {
  readonly en: string;
  readonly ko: string;
}

export interface HomeAdvantagePair {
  readonly explainer: string;
  readonly metric: string;
  /** Why the metric is the explainer's own objective. */
  readonly reason: Bilingual;
}

const HOME_ADVANTAGE: readonly HomeAdvantagePair[] = [
  {
    explainer: 'kernel-shap',
    metric: 'completeness-gap',
    reason: {
      en: 'KernelSHAP solves its regression under the efficiency constraint (attributions sum to f(x) - f(background); Lundberg & Lee 2017), so its completeness gap is zero by construction',
      ko: 'KernelSHAP은 효율성 제약(기여도의 합이 f(x) - f(배경)과 같음; Lundberg & Lee 2017) 아래에서 회귀를 풀므로 완전성 차이가 구성상 0입니다',
    },
  },
  {
    explainer: 'integrated-gradients',
    metric: 'completeness-gap',
    reason: {
      en: 'integrated gradients satisfy completeness by the fundamental theorem of calculus (Sundararajan et al. 2017): the gap is only its quadrature error',
      ko: 'integrated gradients는 미적분의 기본정리에 의해 완전성을 만족하므로(Sundararajan et al. 2017) 차이는 수치 적분 오차뿐입니다',
    },
  },
  {
    explainer: 'occlusion',
    metric: 'faithfulness-correlation',
    reason: {
      en: "occlusion's attribution of a feature is the output drop when that feature is set to the baseline, which is the quantity faithfulness correlation correlates the attributions with (Bhatt et al. 2020); on few-feature tables the two coincide up to interactions",
      ko: '가림(occlusion)의 특성 기여도는 그 특성을 기준값으로 바꿨을 때의 출력 감소이고, 충실도 상관은 바로 그 양과 기여도의 상관을 잽니다(Bhatt et al. 2020). 특성이 적은 표에서는 상호작용을 빼면 둘이 같습니다',
    },
  },
  {
    explainer: 'kernel-shap',
    metric: 'faithfulness-correlation',
    reason: {
      en: 'KernelSHAP fits a linear model of the output on random coalitions with the absent features at the baseline; faithfulness correlation scores how linearly the summed attributions of random baseline-filled subsets predict the output drop: the fit it was optimised for',
      ko: 'KernelSHAP은 빠진 특성을 기준값으로 채운 무작위 조합에서 출력의 선형 모형을 맞춥니다. 충실도 상관은 기준값으로 채운 무작위 부분집합의 기여도 합이 출력 감소를 얼마나 선형으로 예측하는지 채점하므로, 그 자체가 최적화한 적합도입니다',
    },
  },
  {
    explainer: 'lime',
    metric: 'infidelity',
    reason: {
      en: "LIME's attributions are the weights of a linear surrogate fitted by least squares to the output under perturbations (Ribeiro et al. 2016); infidelity scores the squared error of exactly such a linear prediction of output changes (Yeh et al. 2019), under other perturbations",
      ko: 'LIME의 기여도는 섭동 아래의 출력에 최소제곱으로 맞춘 선형 대리 모형의 가중치입니다(Ribeiro et al. 2016). 불충실도는 바로 그런 출력 변화의 선형 예측의 제곱 오차를(섭동만 다르게) 채점합니다(Yeh et al. 2019)',
    },
  },
];

const key = (explainer: string, metric: string) => `${explainer}\u0000${metric}`;
const BY_KEY = new Map(HOME_ADVANTAGE.map((p) => [key(p.explainer, p.metric), p]));

/** The declared pair of (explainer, metric), or null. */
export function homeAdvantage(explainer: string, metric: string): HomeAdvantagePair | null {
  return BY_KEY.get(key(explainer, metric)) ?? null;
}
