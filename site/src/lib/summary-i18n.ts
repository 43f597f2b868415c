/** The leaderboard's opening summary in English and Korean (components/HomeSummary.astro). */
import { particle, withParticle } from '@xai-core/korean-particles.js';
import type { Lang } from './types';

const en = {
  title: 'In short',
  intro: (tasks: number, groups: number) =>
    `${tasks} tasks. Methods are compared only within their family, in ${groups} comparison groups; each score is the equal-weight ` +
    'mean of the criterion scores (1 = best on every metric, 0 = worst) with its 95% bootstrap interval.',
  group: (family: string, methods: number, datasets: number) =>
    `${family}: ${methods} method${methods === 1 ? '' : 's'} on ${datasets} data set${datasets === 1 ? '' : 's'}.`,
  leader: (name: string, value: string) => `${name} ranks first (${value}).`,
  leaders: (names: readonly string[]) => `${names.join(', ')} share the lead (statistically tied):`,
  ties: (pairs: readonly (readonly [string, string])[]) =>
    pairs.length ? `Also tied: ${pairs.map(([a, b]) => `${a} = ${b}`).join('; ')}.` : 'No other pair is tied.',
  unranked: (eligible: number, min: number) =>
    `Not ranked: ${eligible} method${eligible === 1 ? ' of this group covers' : 's of this group cover'} enough of its cells, fewer than the ${min} a ranking needs.`,
  details: 'Details below, then every task table.',
};

type Strings = typeof en;

const ko: Strings = {
  title: '요약',
  intro: (tasks: number, groups: number) =>
    `과제 ${tasks}개. 방법은 같은 계열끼리만 비교하며 비교 그룹은 ${groups}개입니다. 각 점수는 평가 기준 점수를 같은 가중치로 평균한 값(1 = 모든 지표에서 최고, ` +
    '0 = 최저)이며 95% 부트스트랩 구간을 함께 적었습니다.',
  group: (family: string, methods: number, datasets: number) => `${family}: 데이터 집합 ${datasets}개에서 방법 ${methods}개.`,
  leader: (name: string, value: string) => `${withParticle(name, '이/가')} 1위입니다(${value}).`,
  leaders: (names: readonly string[]) => `${names.join(', ')}${particle(names[names.length - 1], '이/가')} 함께 1위권입니다(통계적으로 동률):`,
  ties: (pairs: readonly (readonly [string, string])[]) =>
    pairs.length ? `그 밖의 동률: ${pairs.map(([a, b]) => `${withParticle(a, '과/와')} ${b}`).join('; ')}.` : '그 밖에 동률인 쌍은 없습니다.',
  unranked: (eligible: number, min: number) =>
    `순위 없음: 이 그룹에서 칸을 충분히 채운 방법이 ${eligible}개로, 순위에 필요한 ${min}개보다 적습니다.`,
  details: '자세한 내용은 아래에 있고, 그다음에 모든 과제의 표가 이어집니다.',
};

const STRINGS: Record<Lang, Strings> = { en, ko };
export const summaryText = (lang: Lang): Strings => STRINGS[lang];
