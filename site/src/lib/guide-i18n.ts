/** The guide page's text in English and Korean (the declared table brings its own: lib/guide-table.ts). */
import { particle, withParticle } from '@xai-core/korean-particles.js';
import type { Lang } from './types';

/** "a, b and c" / "a, b, c" with the Korean subject particle chosen by the last name. */
const listEn = (xs: readonly string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

const en = {
  nav: 'Choosing criteria',
  title: 'Choosing evaluation criteria for explanations',
  intro:
    'For policy makers and auditors: which evaluation criteria matter for which use of an explanation, what each criterion can and ' +
    'cannot show, and which methods lead under those criteria on this leaderboard. Which criteria matter is a declared judgement with ' +
    'its sources; which methods lead is computed from the leaderboard, with the rule shown, and changes when the numbers do.',
  contents: 'Use cases',
  situation: 'Situation',
  needsTitle: 'Criteria that matter, and why',
  importance: { essential: 'essential', useful: 'useful' } as Record<string, string>,
  importanceCol: 'Importance',
  whyCol: 'Why',
  sourcesCol: 'Sources',
  leadersTitle: 'Which methods lead under these criteria',
  scoreCol: 'Weighted score [95% interval]',
  computedNote: 'Computed from the leaderboard, not written by hand.',
  rule: (group: string) =>
    `Rule: the ${group} comparison group's criterion scores (aggregated over all its data sets) are weighted 2 for an essential ` +
    'criterion, 1 for a useful one and 0 otherwise; the weighted mean is ranked with its 95% bootstrap interval, as in the criteria ' +
    'explorer. The leaders are the methods ranked first and every method statistically tied with one of them (the 95% interval of the ' +
    'paired difference contains 0).',
  leaders: (names: readonly string[]) =>
    names.length === 1
      ? `${names[0]} leads under these weights.`
      : `${listEn(names)} lead together under these weights: the data cannot tell them apart.`,
  noRanking: 'This comparison group is not ranked on this leaderboard (too few methods qualify), so no method leads.',
  unmeasured: (cs: readonly string[]) =>
    `Not measured for this group on this leaderboard: ${cs.join(', ')}. Left out of the ranking, not counted as zero.`,
  humanMissing:
    'No human ratings have been collected yet: the criterion that matters most here is not measured, so the ranking below rests on ' +
    'proxies only.',
  openExplorer: 'Open these weights in the criteria explorer',
  taskTables: (kind: string) => `The per-task tables for ${kind} data`,
  allTaskTables: 'The per-task tables',
  criterionLeaders: 'Rank 1 on each measured criterion',
  tiedWithLeader: (xs: readonly string[]) => (xs.length ? ` (tied with ${xs.join(', ')})` : ''),
  limitsTitle: 'What each criterion can and cannot show',
  can: 'Can show',
  cannot: 'Cannot show',
  metricsCol: 'Metrics and the papers they follow',
  measuredOn: (n: number) => `measured on ${n} task${n === 1 ? '' : 's'}`,
  localisationTasks: (ts: readonly string[]) =>
    ts.length ? `Localisation is measured only on these tasks with a ground truth: ${ts.join(', ')}.` : 'No task of this leaderboard has a ground truth.',
  sanityTitle: 'Which methods pass the sanity checks',
  sanityRule: (threshold: number) =>
    `Per task, a check passes when the whole 95% interval of the similarity lies below ${threshold} (leaderboard badges). Here, per ` +
    'method and check: passes on every task where it ran, fails on every one, or mixed; the counts follow.',
  sanityVerdict: { 'passes-all': 'passes on every task', 'fails-all': 'fails on every task', mixed: 'mixed', none: 'not run' } as Record<string, string>,
  sanityCounts: (p: number, f: number, u: number) => `${p} passed, ${f} failed, ${u} inconclusive`,
  sourcesTitle: 'Sources of the declared table',
  glossaryTitle: 'Glossary (English and Korean)',
  glossaryIntro: 'The site uses one Korean word per term; the variants on the right are not used.',
  termEn: 'English',
  termKo: 'Korean',
  rejected: 'Not used',
};

type Strings = typeof en;

const ko: Strings = {
  nav: '평가 기준 고르기',
  title: '설명의 평가 기준 고르기',
  intro:
    '정책 입안자와 감사자를 위한 안내입니다. 설명을 어디에 쓰느냐에 따라 어떤 평가 기준이 중요한지, 각 기준이 무엇을 보여 주고 무엇을 보여 주지 못하는지, 그리고 ' +
    '이 리더보드에서 그 기준으로 어떤 방법이 앞서는지를 정리했습니다. 어떤 기준이 중요한지는 출처를 밝힌 판단이고, 어떤 방법이 앞서는지는 규칙을 밝혀 리더보드에서 ' +
    '계산한 결과이므로 수치가 바뀌면 함께 바뀝니다.',
  contents: '쓰임새',
  situation: '상황',
  needsTitle: '중요한 평가 기준과 그 이유',
  importance: { essential: '필수', useful: '유용' },
  importanceCol: '중요도',
  whyCol: '이유',
  sourcesCol: '출처',
  leadersTitle: '이 기준으로 앞서는 방법',
  scoreCol: '가중 점수 [95% 구간]',
  computedNote: '손으로 쓴 판단이 아니라 리더보드에서 계산한 결과입니다.',
  rule: (group: string) =>
    `규칙: ${group} 비교 그룹의 평가 기준 점수(모든 데이터 집합에 걸쳐 집계)에 필수 기준은 2, 유용한 기준은 1, 나머지는 0의 가중치를 주고, ` +
    '가중 평균을 95% 부트스트랩 구간과 함께 순위로 매깁니다(평가 기준 탐색기와 같은 계산). 앞서는 방법은 1위인 방법과, 그 방법과 통계적으로 동률인(짝지은 차이의 ' +
    '95% 구간이 0을 포함하는) 모든 방법입니다.',
  leaders: (names: readonly string[]) =>
    names.length === 1
      ? `이 가중치로는 ${withParticle(names[0], '이/가')} 앞섭니다.`
      : `이 가중치로는 ${names.join(', ')}${particle(names[names.length - 1], '이/가')} 함께 앞섭니다. 데이터로는 이들을 구분할 수 없습니다.`,
  noRanking: '이 리더보드에서는 이 비교 그룹에 순위가 없으므로(자격을 갖춘 방법이 너무 적음) 앞서는 방법도 없습니다.',
  unmeasured: (cs: readonly string[]) =>
    `이 리더보드에서 이 그룹에 대해 재지 않은 기준: ${cs.join(', ')}. 0점으로 치지 않고 순위 계산에서 뺐습니다.`,
  humanMissing:
    '아직 사람 평가를 모으지 않았습니다. 여기서 가장 중요한 기준을 재지 못했으므로 아래 순위는 대리 지표에만 기댑니다.',
  openExplorer: '이 가중치를 평가 기준 탐색기에서 열기',
  taskTables: (kind: string) => `${kind} 데이터의 과제별 표`,
  allTaskTables: '과제별 표',
  criterionLeaders: '잰 기준마다 1위',
  tiedWithLeader: (xs: readonly string[]) => (xs.length ? ` (동률: ${xs.join(', ')})` : ''),
  limitsTitle: '각 평가 기준이 보여 주는 것과 보여 주지 못하는 것',
  can: '보여 주는 것',
  cannot: '보여 주지 못하는 것',
  metricsCol: '지표와 그 지표가 따르는 논문',
  measuredOn: (n: number) => `과제 ${n}개에서 잼`,
  localisationTasks: (ts: readonly string[]) =>
    ts.length ? `위치 정확도는 정답이 있는 다음 과제에서만 잽니다: ${ts.join(', ')}.` : '이 리더보드에는 정답이 있는 과제가 없습니다.',
  sanityTitle: '건전성 검사를 통과하는 방법',
  sanityRule: (threshold: number) =>
    `과제마다 유사도의 95% 신뢰구간 전체가 ${threshold}보다 낮으면 검사를 통과합니다(리더보드의 배지). 여기서는 방법과 검사마다, 검사를 실행한 모든 과제에서 ` +
    '통과했는지, 모든 과제에서 실패했는지, 섞여 있는지를 보이고 그 횟수를 덧붙입니다.',
  sanityVerdict: { 'passes-all': '모든 과제에서 통과', 'fails-all': '모든 과제에서 실패', mixed: '과제마다 다름', none: '실행 안 함' },
  sanityCounts: (p: number, f: number, u: number) => `통과 ${p}, 실패 ${f}, 불확실 ${u}`,
  sourcesTitle: '표의 출처',
  glossaryTitle: '용어집(영어와 한국어)',
  glossaryIntro: '이 사이트는 용어마다 한국어 낱말 하나만 씁니다. 오른쪽 변형은 쓰지 않습니다.',
  termEn: '영어',
  termKo: '한국어',
  rejected: '쓰지 않는 말',
};

const STRINGS: Record<Lang, Strings> = { en, ko };
export const guideText = (lang: Lang): Strings => STRINGS[lang];
