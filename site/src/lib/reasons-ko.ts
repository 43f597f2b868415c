/**
 * Korean for the reasons the benchmark writes into leaderboard.json in English (why a sanity check has
 * no verdict, why a value is missing, why a metric-quality statistic is undefined). They follow a known
 * set of sentences (leaderboard/sanity-badges.ts, leaderboard/meta-*.ts, the metrics' null reasons), so
 * they are matched by pattern; a program's own error message inside one (a refused setting) is kept as
 * it is and shown as code. A reason no pattern knows is shown in English.
 */
import { withParticle } from '@xai-core/korean-particles.js';

export interface ReasonKo {
  readonly text: string;
  /** A program message quoted inside the reason, shown verbatim as code. */
  readonly detail: string | null;
}

type Rule = readonly [RegExp, (m: RegExpExecArray) => string];

const SIMPLE: readonly Rule[] = [
  [/^(\S+) has no result for this explainer \(the check re-explains attribution explainers only\)$/,
    (m) => `이 설명 방법에는 ${m[1]} 결과가 없습니다(이 검사는 기여도 방법만 다시 설명합니다)`],
  [/^(\S+) was not run on this task$/, (m) => `이 과제에서는 ${withParticle(m[1], '을/를')} 실행하지 않았습니다`],
  [/^the 95% interval (\[[^\]]+\]) contains the threshold (\S+)$/, (m) => `95% 신뢰구간 ${m[1]}에 기준값 ${withParticle(m[2], '이/가')} 들어 있습니다`],
  [/^degenerate check: on two classes the other class's probability is 1 - p, so its explanation is the negation of the target's by construction$/,
    () => '의미 없는 검사: 클래스가 둘이면 다른 클래스의 확률은 1 - p이므로, 그 설명은 구조상 대상 클래스 설명의 부호만 바꾼 것입니다'],
  [/^attribution has no positive relevance$/, () => '기여도에 양의 관련도가 없음'],
  [/^attribution is all zero$/, () => '기여도가 모두 0임'],
  [/^attribution sums do not vary across subsets \(zero variance\)$/, () => '부분집합마다 기여도 합이 변하지 않음(분산 0)'],
  [/^model output does not change across subsets \(zero variance\)$/, () => '부분집합마다 모델 출력이 변하지 않음(분산 0)'],
  [/^needs signed ground-truth weights \(a 0\/1 mask has no feature order or sign\)$/,
    () => '부호 있는 정답 가중치가 필요함(0/1 마스크에는 특성의 순서도 부호도 없음)'],
  [/^no paths$/, () => '경로 없음'],
  [/^similarity undefined \(an explanation is constant\)$/, () => '유사도를 정의할 수 없음(설명 하나가 상수임)'],
  [/^the (first|second) ranking is all ties \(every explainer has the same mean\)$/,
    (m) => `${m[1] === 'first' ? '첫째' : '둘째'} 순위가 모두 동률임(모든 설명 방법의 평균이 같음)`],
  [/^only (\d+) explainers? have a mean on both \(at least (\d+) needed\)$/,
    (m) => `두 지표 모두에 평균이 있는 설명 방법이 ${m[1]}개뿐임(최소 ${m[2]}개 필요)`],
  [/^only one distinct value, so expected disagreement is 0 and alpha is undefined$/,
    () => '서로 다른 값이 하나뿐이라 기대 불일치가 0이므로 α를 정의할 수 없음'],
  [/^metric (\S+) is constant, so it cannot be standardised$/, (m) => `지표 ${withParticle(m[1], '이/가')} 상수라 표준화할 수 없음`],
];

/** The Korean of a reason, or null when no pattern knows it. */
export function reasonKo(reason: string): ReasonKo | null {
  const noValue = /^no value(?: under the variant)?: (.*)$/.exec(reason);
  if (noValue) {
    const head = reason.startsWith('no value under the variant') ? '변형 설정에서 값 없음' : '값 없음';
    const refused = /^the metric refused this setting: (.*)$/.exec(noValue[1]);
    if (refused) return { text: `${head}: 지표가 이 설정을 거부함`, detail: refused[1] };
    const inner = reasonKo(noValue[1]);
    return inner ? { text: `${head}: ${inner.text}`, detail: inner.detail } : null;
  }
  if (reason === 'no value under the variant') return { text: '변형 설정에서 값 없음', detail: null };
  for (const [re, f] of SIMPLE) {
    const m = re.exec(reason);
    if (m) return { text: f(m), detail: null };
  }
  return null;
}

/** A reason as plain text for an attribute (title): Korean without the quoted program message, or the English. */
export function reasonTitle(lang: 'en' | 'ko', reason: string): string {
  if (lang === 'en') return reason;
  return reasonKo(reason)?.text ?? reason;
}
