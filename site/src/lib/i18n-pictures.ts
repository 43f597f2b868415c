/**
 * Interface text of the charts, the versions and citation page, the "score your explainer" page and the
 * metric pages of metrics a run did not compute, in English and Korean (kept beside i18n.ts so each
 * page's text stays in one place). Korean sentences are written whole, not assembled from fragments, so
 * every particle fits the word before it.
 */
import type { Lang } from './types';

const en = {
  nav: { versions: 'Versions & citation', score: 'Score your explainer' },
  rankWord: 'rank',
  tiedBest: 'best or tied with the best',
  intervalLegend: (descriptive: boolean) =>
    descriptive
      ? 'Dot: mean; bar: 95% bootstrap interval. Descriptive metric: not ranked (diamonds).'
      : 'Dot: mean; bar: 95% bootstrap interval; right: rank. Filled blue on a blue band: the best and every explainer ' +
        'statistically tied with it (≈: tied with the best); hollow grey: the rest; grey diamond: not ranked.',
  best: (e: string) => `best: ${e}`,
  tiedCount: (n: number) => `${n} tied with it`,
  foldNote: 'Each task folds; open the ones you need (works without JavaScript).',
  expandAll: 'Open all tasks',
  // Not-run metric pages.
  notRunTitle: 'Not run in this profile',
  notRun: (profile: string) =>
    `This metric is part of xai-bench but the ${profile} profile did not compute it, so this site has no values for it. ` +
    'The published standard leaderboard or a run that names it (--metrics) does.',
  // Heat maps.
  heatTitle: (criterion: string, group: string) => `${criterion} by task and explainer: ${group}`,
  heatLegend:
    'Cell: criterion score on the task, from 0 (last among the group on every metric of the criterion) to 1 (first on ' +
    'every one); darker is better; hatched: no score.',
  heatSection: 'Task × explainer heat maps',
  heatIntro:
    'Each criterion score ranks an explainer among its comparison group on one task: the mean over the criterion\'s metrics ' +
    'of (k - rank) / (k - 1), where k explainers are ranked.',
  heatTable: 'The numbers in a table',
  taskCorner: 'Task',
  metricCorner: 'Metric',
  agreementHeatTitle: (criterion: string) => `Agreement between the ${criterion} metrics`,
  agreementLegend:
    'Cell: mean Spearman rank correlation over tasks of the two metrics\' rankings of the explainers; blue: they agree, ' +
    'red: they rank in opposite orders, white: unrelated; hatched: never on the same task.',
  // Trade-off map.
  mapPick: 'Task',
  mapPickNoJs: 'Other tasks:',
  mapShowing: (t: string) => `Showing ${t}.`,
  // Versions and citation.
  versionsTitle: 'Versions, citation and licence',
  versionsIntro:
    'Every publication of the leaderboard is kept with its numbers. What changed is computed from the files: methods, ' +
    'metrics and tasks added or removed, and explainers whose overall rank in a comparison group moved.',
  versionsNone: 'This site was built from a run folder: it has no published versions.',
  thisVersion: 'this site',
  published: 'Published',
  generated: 'Computed',
  commit: 'Commit',
  files: 'Files',
  since: (v: string) => `Changes since ${v}:`,
  firstVersion: 'The first version in the history: nothing to compare with.',
  methodsAdded: 'Methods added',
  methodsRemoved: 'Methods removed',
  metricsAdded: 'Metrics added',
  metricsRemoved: 'Metrics removed',
  tasksAdded: 'Tasks added',
  tasksRemoved: 'Tasks removed',
  rankMoves: 'Overall ranks that moved',
  noRankMoves: 'No overall rank moved.',
  noGroups: 'Not comparable: one of the two versions has no comparison groups.',
  noChange: 'None.',
  group: 'Group',
  unranked: 'unranked',
  citeTitle: 'How to cite',
  citePlain: 'Plain text',
  citeBibtex: 'BibTeX',
  citeVersion: 'Cite the version you used; its numbers stay in the history above.',
  licence: 'Licence',
  licenceText: (l: string) => `The code and the published numbers are under the ${l} licence (the LICENSE file of the package).`,
  repository: 'Repository',
  noRepository:
    'The package does not name a repository yet (package.json has no "repository" field). Until it does, the package itself ' +
    'is the source: npm pack makes a tarball of it.',
  // Score your explainer.
  scoreTitle: 'Score your explainer',
  scoreIntro:
    'xai-bench ci runs your explainer on the tasks, metrics, inputs, parameters and seed of a committed baseline and ' +
    'compares it, input by input, with a built-in explainer (the one with your explainer\'s id, or the one named by --against).',
  howTitle: 'How a change is judged',
  how: (alpha: string, tol: string) => [
    'For each task and metric, the paired change over the inputs both have a value for, in the metric\'s better direction.',
    'A sign-flip permutation test of that change: exact up to 20 inputs; above, the smaller of the Monte Carlo p-value and ' +
      'Hoeffding\'s bound, doubled to stay valid.',
    `Holm's correction over all compared cells at ${alpha}.`,
    `A regression is a change in the worse direction larger than the metric's tolerance (${tol} unless the metric declares ` +
      'its own, table below) that the corrected test supports; an improvement likewise. A cell that fails (throws, times ' +
      'out, returns NaN or the wrong shape) counts as a regression.',
    'Descriptive metrics and wall time (machine-dependent) are not compared; cells whose model, data, metric parameters or ' +
      'seed differ from the baseline\'s are refused (a stale baseline), and the command exits 2.',
  ],
  exitCodes: 'Exit code 0: nothing regressed; 1: a regression; 2: an error (bad input, stale baseline).',
  reports: 'Reports: ci-report.md (also appended to $GITHUB_STEP_SUMMARY), ci-report.xml (JUnit), ci-report.json.',
  baselinesTitle: 'The committed baselines and what they can detect',
  profileCol: 'Baseline',
  flag: 'Flag',
  defaultFlag: '(default)',
  samplesCol: 'Inputs per cell',
  cellsCol: 'Cells per explainer',
  smallestPCol: 'Smallest p',
  passCol: 'Most cells a change can pass in',
  verdictCol: 'Flags a change in quality?',
  canDetect: 'yes, strong consistent changes',
  cannotDetect: 'no: only broken explainers (failed cells)',
  baselineNote: (profile: string, samples: number, p: string, pass: number, cells: number) =>
    `${profile}: with ${samples} inputs a cell's p-value cannot go below ${p}; Holm multiplies the smallest p by the number ` +
    `of compared cells, so a change can pass only when at most ${pass} cells are compared, and an explainer has up to ` +
    `${cells}.`,
  detectYes: 'Changes larger than the tolerance that hold on most inputs can be flagged.',
  detectNo:
    'No change in quality can be flagged (ci warns so). What it still catches is a broken explainer: a cell that throws, ' +
    'times out, leaks or returns NaN or the wrong shape fails and counts as a regression.',
  ownBaseline:
    'For real gating, compare against the standard baseline (--profile standard) or commit a baseline of your own on the ' +
    'tasks and metrics that matter to you and pass it with --baseline:',
  tolerancesTitle: 'Tolerances declared by metrics',
  tolerance: 'Tolerance',
  notCompared: 'not compared',
  installTitle: 'Install',
  install:
    'The package is not on the npm registry yet: install it from a tarball (npm pack in a checkout of xai-bench) or from ' +
    'its git repository, pinned, since the baseline belongs to its version.',
  actionsTitle: 'GitHub Actions',
  actions: 'The repository keeps this workflow as scale/github-actions-ci.yml: copy it to .github/workflows/ of your project.',
};

type Strings = typeof en;

const ko: Strings = {
  nav: { versions: '버전과 인용', score: '내 설명 방법 평가하기' },
  rankWord: '순위',
  tiedBest: '1위 또는 1위와 통계적으로 동률',
  intervalLegend: (descriptive: boolean) =>
    descriptive
      ? '점은 평균, 막대는 95% 부트스트랩 구간입니다. 기술 지표라서 순위를 매기지 않습니다(마름모).'
      : '점은 평균, 막대는 95% 부트스트랩 구간, 오른쪽 숫자는 순위입니다. 파란 띠 위의 채운 파란 점은 1위와 통계적으로 ' +
        '동률인 설명 방법들이고(≈는 1위와 동률), 속이 빈 회색 점은 나머지, 회색 마름모는 순위가 없는 항목입니다.',
  best: (e: string) => `1위: ${e}`,
  tiedCount: (n: number) => `동률 ${n}개`,
  foldNote: '과제마다 접혀 있으니 필요한 과제만 펼쳐 보세요(자바스크립트 없이도 됩니다).',
  expandAll: '모든 과제 펼치기',
  notRunTitle: '이 프로필에서는 계산하지 않음',
  notRun: (profile: string) =>
    `이 지표는 xai-bench에 들어 있지만 ${profile} 프로필에서는 계산하지 않아서 이 사이트에는 값이 없습니다. ` +
    '공개된 standard 리더보드나 이 지표를 지정한 실행(--metrics)에서 볼 수 있습니다.',
  heatTitle: (criterion: string, group: string) => `과제별·설명 방법별 ${criterion}: ${group}`,
  heatLegend:
    '칸의 값은 그 과제의 기준 점수로, 0은 기준의 모든 지표에서 비교 집단 중 꼴찌, 1은 모든 지표에서 1위라는 뜻입니다. ' +
    '색이 진할수록 좋고, 빗금 칸은 점수가 없습니다.',
  heatSection: '과제 × 설명 방법 히트맵',
  heatIntro:
    '기준 점수는 한 과제에서 설명 방법을 같은 비교 집단 안에서 순위 매긴 값입니다. k개를 순위 매겼을 때 기준에 속한 ' +
    '지표마다 (k - 순위) / (k - 1)을 구해 평균합니다.',
  heatTable: '표로 보기',
  taskCorner: '과제',
  metricCorner: '지표',
  agreementHeatTitle: (criterion: string) => `${criterion} 지표 사이의 일치도`,
  agreementLegend:
    '칸의 값은 두 지표가 매긴 설명 방법 순위 사이의 스피어먼 순위 상관계수를 과제에 걸쳐 평균한 것입니다. 파란색은 ' +
    '일치, 빨간색은 반대 순서, 흰색은 무관함을 뜻하며, 빗금 칸은 같은 과제에서 함께 계산된 적이 없습니다.',
  mapPick: '과제',
  mapPickNoJs: '다른 과제:',
  mapShowing: (t: string) => `지금 보이는 과제: ${t}`,
  versionsTitle: '버전, 인용, 라이선스',
  versionsIntro:
    '리더보드를 공개할 때마다 그 수치를 그대로 보관합니다. 바뀐 점은 파일에서 계산합니다. 추가되거나 빠진 설명 방법, ' +
    '지표, 과제와 비교 집단 안에서 종합 순위가 바뀐 설명 방법을 보여 줍니다.',
  versionsNone: '이 사이트는 실행 결과 폴더로 만들었기 때문에 공개된 버전이 없습니다.',
  thisVersion: '이 사이트',
  published: '공개일',
  generated: '계산일',
  commit: '커밋',
  files: '파일',
  since: (v: string) => `${v} 이후 바뀐 점:`,
  firstVersion: '기록의 첫 버전이라 비교할 이전 버전이 없습니다.',
  methodsAdded: '추가된 설명 방법',
  methodsRemoved: '빠진 설명 방법',
  metricsAdded: '추가된 지표',
  metricsRemoved: '빠진 지표',
  tasksAdded: '추가된 과제',
  tasksRemoved: '빠진 과제',
  rankMoves: '종합 순위가 바뀐 설명 방법',
  noRankMoves: '종합 순위가 바뀐 설명 방법은 없습니다.',
  noGroups: '두 버전 중 하나에 비교 집단이 없어서 비교할 수 없습니다.',
  noChange: '없음',
  group: '비교 집단',
  unranked: '순위 없음',
  citeTitle: '인용하는 방법',
  citePlain: '일반 텍스트',
  citeBibtex: 'BibTeX',
  citeVersion: '사용한 버전을 인용해 주세요. 그 버전의 수치는 위 기록에 남아 있습니다.',
  licence: '라이선스',
  licenceText: (l: string) => `코드와 공개 수치는 모두 ${l} 라이선스를 따릅니다(패키지의 LICENSE 파일).`,
  repository: '저장소',
  noRepository:
    '패키지에 아직 저장소 주소가 없습니다(package.json에 "repository" 항목이 없음). 그때까지는 패키지 자체가 소스이며, ' +
    'npm pack으로 tarball을 만들 수 있습니다.',
  scoreTitle: '내 설명 방법 평가하기',
  scoreIntro:
    'xai-bench ci는 여러분의 설명 방법을 커밋된 기준선과 같은 과제, 지표, 입력, 매개변수, 시드로 실행하고, 같은 id의 ' +
    '내장 설명 방법(또는 --against로 지정한 설명 방법)과 입력 하나하나를 짝지어 비교합니다.',
  howTitle: '변화를 판정하는 방법',
  how: (alpha: string, tol: string) => [
    '과제와 지표마다, 두 쪽 모두 값이 있는 입력에서 지표가 좋아지는 방향으로 잰 짝지은 변화량을 구합니다.',
    '그 변화량을 부호 뒤집기 순열 검정으로 검정합니다. 입력이 20개 이하면 정확 검정이고, 그보다 많으면 몬테카를로 ' +
      'p값과 회프딩 부등식의 상한 중 작은 값을 쓰되, 타당성을 지키려고 2를 곱합니다.',
    `비교한 모든 칸에 홀름(Holm) 보정을 적용하고 유의수준 ${alpha}에서 판정합니다.`,
    `회귀는 나빠지는 방향의 변화가 지표의 허용 오차(지표가 따로 정하지 않으면 ${tol}, 아래 표 참고)보다 크고 보정된 ` +
      '검정이 이를 뒷받침하는 경우이며, 개선도 같은 방식으로 판정합니다. 실패한 칸(예외, 시간 초과, NaN이나 잘못된 ' +
      '모양의 출력)은 회귀로 셉니다.',
    '기술 지표와 실행 시간(기계마다 다름)은 비교하지 않습니다. 모델, 데이터, 지표 매개변수, 시드 중 하나라도 기준선과 ' +
      '다른 칸은 거부하며(오래된 기준선), 이때 명령은 종료 코드 2로 끝납니다.',
  ],
  exitCodes: '종료 코드 0은 회귀 없음, 1은 회귀 발견, 2는 오류(잘못된 입력, 오래된 기준선)입니다.',
  reports: '보고서: ci-report.md($GITHUB_STEP_SUMMARY에도 덧붙임), ci-report.xml(JUnit), ci-report.json',
  baselinesTitle: '커밋된 기준선과 감지할 수 있는 것',
  profileCol: '기준선',
  flag: '옵션',
  defaultFlag: '(기본값)',
  samplesCol: '칸당 입력 수',
  cellsCol: '설명 방법당 칸 수',
  smallestPCol: '최소 p값',
  passCol: '통과 가능한 최대 칸 수',
  verdictCol: '품질 변화 감지',
  canDetect: '예, 강하고 일관된 변화',
  cannotDetect: '아니요, 고장 난 설명 방법(실패한 칸)만',
  baselineNote: (profile: string, samples: number, p: string, pass: number, cells: number) =>
    `${profile}: 입력이 ${samples}개이면 한 칸의 p값은 ${p}보다 작아질 수 없습니다. 홀름(Holm) 보정은 가장 작은 p값에 비교하는 ` +
    `칸 수를 곱하므로, 변화가 통과하려면 비교하는 칸이 ${pass}개 이하여야 하는데 설명 방법 하나의 칸은 최대 ${cells}개입니다.`,
  detectYes: '허용 오차보다 크고 대부분의 입력에서 나타나는 변화는 잡아낼 수 있습니다.',
  detectNo:
    '품질 변화는 잡아낼 수 없습니다(ci가 경고를 냅니다). 그래도 고장 난 설명 방법은 잡아냅니다. 예외를 던지거나, 시간을 ' +
    '넘기거나, 메모리를 새거나, NaN이나 잘못된 모양을 내는 칸은 실패로 처리되어 회귀로 셉니다.',
  ownBaseline:
    '실제로 품질을 지키려면 standard 기준선과 비교하거나(--profile standard), 중요한 과제와 지표로 직접 기준선을 만들어 ' +
    '커밋한 뒤 --baseline으로 넘기세요.',
  tolerancesTitle: '지표가 정한 허용 오차',
  tolerance: '허용 오차',
  notCompared: '비교하지 않음',
  installTitle: '설치',
  install:
    '이 패키지는 아직 npm 레지스트리에 올라가 있지 않습니다. 기준선이 버전에 묶여 있으니 버전을 고정해서, xai-bench ' +
    '체크아웃에서 npm pack으로 만든 tarball이나 git 저장소에서 설치하세요.',
  actionsTitle: 'GitHub Actions',
  actions: '저장소의 scale/github-actions-ci.yml에 있는 워크플로입니다. 여러분 프로젝트의 .github/workflows/에 복사해서 쓰세요.',
};

const STRINGS: Record<Lang, Strings> = { en, ko };

export const px = (lang: Lang): Strings => STRINGS[lang];
