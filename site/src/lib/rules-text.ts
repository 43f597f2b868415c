/**
 * The aggregation rules of leaderboard.json (AggregationRules, leaderboard/types.ts) in the page's
 * language: English pages print the leaderboard's own sentences; Korean pages say the same from its
 * numbers (coverage, minimum ranked, resamples, home advantage), so both follow the data.
 */
import type { Lang, Leaderboard } from './types';

type Rules = NonNullable<Leaderboard['rules']>;

export interface RulesText {
  readonly comparisonGroup: string;
  readonly scores: string;
  readonly seedReplicates: string;
  readonly intervals: string;
  readonly homeAdvantage: string;
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

export function rulesText(lang: Lang, r: Rules): RulesText {
  if (lang === 'en') {
    return {
      comparisonGroup: r.comparisonGroup,
      scores: r.scores,
      seedReplicates: r.seedReplicates,
      intervals: r.intervals,
      homeAdvantage: r.homeAdvantage.rule,
    };
  }
  return {
    comparisonGroup:
      '설명 방법은 같은 계열(기여도, 규칙, 예시, 개념 경로)의 설명 방법끼리만 비교합니다. 평가 기준 점수와 종합 점수는 계열 안에서만 있고, 계열을 넘나들지 않습니다.',
    scores:
      '과제와 지표마다 그룹에서 순위를 매길 설명 방법들을 평균으로 줄 세웁니다(공동 순위, 1 = 지표의 방향으로 가장 좋음). k개 중 r위는 (k - r)/(k - 1)점입니다. ' +
      '평가 기준 점수는 그 기준에 속한 지표들의 평균을 낸 뒤 시드 반복 모델끼리, 다시 데이터 집합끼리 평균한 값이고, 종합 점수는 점수가 있는 평가 기준들의 ' +
      `같은 가중치 평균입니다. 그룹의 (데이터 집합 × 지표) 칸 가운데 ${pct(r.minCoverage)} 이상에 값이 있는 설명 방법만 순위를 받고, 그런 방법이 ` +
      `${r.minRanked}개 미만인 그룹은 순위 없이 점수만 보여 줍니다.`,
    seedReplicates:
      '과제와 그 학습 시드 반복(`x` 옆의 `x-s2`, `x-s3`)은 하나의 데이터 집합입니다. 점수는 먼저 반복들끼리, 그다음 데이터 집합끼리 평균합니다. ' +
      '시드마다의 종합 순위는 시드 안정성으로 따로 보고합니다.',
    intervals:
      `95% 백분위 구간은 과제마다 입력을 재표집하고(설명 방법끼리 짝지음) 모든 평균, 순위, 점수를 다시 계산한 부트스트랩 반복 ${r.groupResamples}번에서 구합니다. ` +
      '두 설명 방법의 짝지은 반복 차이의 95% 구간이 0을 포함하면 동률입니다.',
    homeAdvantage: r.homeAdvantage.included
      ? '홈 어드밴티지 쌍(지표가 그 설명 방법 자신의 목적 함수인 경우)은 칸에 표시하되, 이 실행에서는 순위와 평가 기준 점수에 포함했습니다(--include-home-advantage).'
      : '홈 어드밴티지 쌍(지표가 그 설명 방법 자신의 목적 함수인 경우)은 칸에 표시하고, 그 지표의 순위와 평가 기준 점수에서 뺍니다. --include-home-advantage로 다시 넣을 수 있습니다.',
  };
}
