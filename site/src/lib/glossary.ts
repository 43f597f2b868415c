/**
 * The site's glossary: one Korean word for each term, used by every page (the criterion names come from
 * here) and checked by tests: no Korean text of the site, the explainers' cards and explanation texts or
 * the survey uses a rejected variant (site/builder/glossary.test.ts), and no built Korean page shows one
 * (test/e2e/site-korean.test.ts). The guide page prints the table.
 *
 * Choices follow common Korean ML usage where it is settled (기울기 for gradient, 특성 for an input
 * feature as in 특성 중요도, 기여도 for attribution as in 특성 기여도) and the National Institute of
 * Korean Language's loanword rules for names (Spearman 스피어먼).
 */

export interface GlossaryTerm {
  readonly id: string;
  readonly en: string;
  readonly ko: string;
  /** Korean variants the site does not use for this term (a test fails when one appears). */
  readonly rejected: readonly string[];
  /** Count a rejected variant only right after a Latin word and a space ('Gilpin 외', not '그 외' or '예외'). */
  readonly afterLatinName?: boolean;
  /** Why this word, when the choice is not obvious. */
  readonly note?: { readonly en: string; readonly ko: string };
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  { id: 'explainer', en: 'explainer (explanation method)', ko: '설명 방법', rejected: ['설명기', '설명자'] },
  {
    id: 'attribution',
    en: 'attribution',
    ko: '기여도',
    rejected: ['귀인', '어트리뷰션'],
    note: {
      en: 'How much each input element contributed to the output, as in 특성 기여도 (feature attribution).',
      ko: '입력의 각 요소가 출력에 얼마나 기여했는지를 뜻합니다. 특성 기여도라고 할 때의 기여도입니다.',
    },
  },
  { id: 'feature', en: 'feature (an input variable)', ko: '특성', rejected: ['특징', '피처'] },
  { id: 'metric', en: 'metric', ko: '지표', rejected: ['메트릭'] },
  { id: 'criterion', en: 'evaluation criterion', ko: '평가 기준', rejected: ['평가 척도'] },
  {
    id: 'sanity-check',
    en: 'sanity check',
    ko: '건전성 검사',
    rejected: ['새니티 체크', '온전성 검사', '정상성 검사'],
    note: {
      en: 'After Adebayo et al. (2018): does the explanation change when the model or the explained class changes?',
      ko: 'Adebayo 등(2018)을 따릅니다. 모델이나 설명하는 클래스가 바뀌면 설명도 바뀌는지 확인합니다.',
    },
  },
  { id: 'sanity', en: 'sanity (the criterion the checks score)', ko: '건전성', rejected: ['온전성'] },
  { id: 'fidelity', en: 'fidelity', ko: '충실도', rejected: ['충실성', '신뢰성'] },
  { id: 'completeness', en: 'completeness', ko: '완전성', rejected: ['완결성'] },
  { id: 'stability', en: 'stability', ko: '안정성', rejected: ['안정도'] },
  { id: 'localisation', en: 'localisation', ko: '위치 정확도', rejected: ['지역화', '국소화'] },
  {
    id: 'complexity',
    en: 'complexity (conciseness)',
    ko: '간결성',
    rejected: ['단순성'],
    note: {
      en: 'The criterion rewards concise explanations, so its Korean name says what is better: 간결성.',
      ko: '이 평가 기준은 간결한 설명을 높게 치므로, 한국어 이름은 좋은 쪽을 가리키는 간결성으로 씁니다.',
    },
  },
  { id: 'cost', en: 'cost', ko: '비용', rejected: [] },
  { id: 'human', en: 'human ratings', ko: '사람 평가', rejected: ['인간 평가'] },
  { id: 'task', en: 'task (a model on a data set)', ko: '과제', rejected: ['태스크'] },
  { id: 'dataset', en: 'data set', ko: '데이터 집합', rejected: ['데이터셋', '데이터 세트'] },
  { id: 'interval', en: 'confidence interval', ko: '신뢰구간', rejected: ['신뢰 구간'] },
  { id: 'tie', en: 'tie (statistically tied)', ko: '동률', rejected: ['동점'] },
  { id: 'ground-truth', en: 'ground truth', ko: '정답', rejected: ['그라운드 트루스', '실측값'] },
  { id: 'gradient', en: 'gradient', ko: '기울기', rejected: ['그래디언트', '그레이디언트', '경사도'] },
  { id: 'perturbation', en: 'perturbation', ko: '섭동', rejected: ['교란'] },
  { id: 'baseline', en: 'baseline (the reference input)', ko: '기준 입력', rejected: ['베이스라인'] },
  { id: 'rule-extractor', en: 'rule extractor', ko: '규칙 추출 방법', rejected: ['규칙 추출기'] },
  { id: 'counterfactual', en: 'counterfactual', ko: '반사실 예시', rejected: ['반사실적'] },
  { id: 'spearman', en: "Spearman's ρ", ko: '스피어먼 ρ', rejected: ['스피어만'] },
  { id: 'seed', en: 'seed', ko: '시드', rejected: ['씨드'] },
  { id: 'et-al', en: 'et al. (after an author)', ko: '등', rejected: ['외'], afterLatinName: true },
];

const byId = new Map(GLOSSARY.map((t) => [t.id, t]));

/** The glossary's word for `id` in `lang` (throws on an unknown id, so a typo fails the build). */
export function term(id: string, lang: 'en' | 'ko'): string {
  const t = byId.get(id);
  if (!t) throw new Error(`glossary: no term '${id}'`);
  return lang === 'ko' ? t.ko : t.en;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The rejected variants in `text`, each with the term the glossary uses instead (tests call this on Korean text). */
export function findRejected(text: string): { variant: string; use: string }[] {
  const found: { variant: string; use: string }[] = [];
  for (const t of GLOSSARY) {
    for (const v of t.rejected) {
      const re = t.afterLatinName ? new RegExp(`[A-Za-z] ${escape(v)}(?=[\\s(,.]|$)`) : new RegExp(escape(v));
      if (re.test(text)) found.push({ variant: v, use: t.ko });
    }
  }
  return found;
}
