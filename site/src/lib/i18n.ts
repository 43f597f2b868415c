/** The interface text in English and Korean (the data brings its own: cards and explanations are bilingual). */
import { term } from './glossary';
import type { Lang } from './types';

/** Whole minutes and the remaining whole seconds of a duration (rounded once, so never "1 min 60 s"). */
const minSec = (s: number, f: (m: number, r: number) => string) => f(Math.floor(Math.round(s) / 60), Math.round(s) % 60);

const en = {
  siteTitle: 'xai-bench leaderboard',
  skip: 'Skip to the content',
  nav: {
    guide: 'Choosing criteria',
    leaderboard: 'Leaderboard',
    explorer: 'Criteria explorer',
    map: 'Trade-off map',
    methods: 'Methods',
    metrics: 'Metrics',
    gallery: 'Gallery',
    human: 'Human ratings',
    metricQuality: 'Metric quality',
    provenance: 'Provenance & downloads',
    differences: 'Differences from the references',
  },
  otherLang: '한국어',
  otherLangLabel: 'Korean version of this page',
  banner: (p: string) =>
    `Built from the ${p} profile, not the published leaderboard: numbers rest on few inputs and are for checking, not for citing.`,
  bannerUnpublished: 'Built from a run folder, not the published leaderboard.',
  criteria: {
    fidelity: 'Fidelity',
    completeness: 'Completeness',
    stability: 'Stability',
    sanity: 'Sanity',
    localisation: 'Localisation',
    complexity: 'Complexity',
    cost: 'Cost',
    human: 'Human',
  } as Record<string, string>,
  criteriaHelp: {
    fidelity: 'does the explanation reflect what the model really uses',
    completeness: 'do the attributions account for the output',
    stability: 'same or nearby input, same answer',
    sanity: 'does it change when the model or the class changes',
    localisation: 'does it find the known ground truth (synthetic tasks)',
    complexity: 'how concise it is (a proxy for readability)',
    cost: 'time and model passes',
    human: 'what people rate in surveys',
  } as Record<string, string>,
  direction: { higher: 'higher is better', lower: 'lower is better', descriptive: 'descriptive, not ranked' } as Record<string, string>,
  family: 'Family',
  dataType: 'Data type',
  task: 'Task',
  tasks: 'Tasks',
  all: 'all',
  families: {
    attribution: 'Attribution methods',
    rules: 'Rule extractors',
    examples: 'Example-based methods',
    'concept-path': 'Concept-path methods',
  } as Record<string, string>,
  groupTabs: 'Comparison groups',
  groupTitle: (g: string) => g,
  groupIntro:
    'Methods are ranked only against methods of the same family: they are scored by different metrics, so one ranking across families ' +
    'would compare rank positions among different rivals.',
  overallCol: 'Overall (equal weights) [95% interval]',
  rankCol: 'Rank (1 = best)',
  tiedCol: 'Statistically tied with',
  tiedWithLabel: 'tied with',
  unrankedLabel: 'not ranked',
  coverageCol: "Coverage of the group's cells",
  unrankedTitle: 'Listed without a rank',
  belowCoverage: (c: string, min: string) =>
    `has a value on ${c} of the group's (data set × metric) cells, below the ${min} a ranking needs`,
  groupUnranked: (n: number, min: number) =>
    `Fewer than ${min} methods of this group qualify for ranking (${n}): scores are shown without ranks, since beating a single rival is ` +
    `not a ranking.`,
  seedTitle: 'Does the ranking survive retraining?',
  seedIntro:
    'Each data set with several training seeds: the overall rank of every method on the model of each seed (1 = best). A method whose ' +
    'rank moves a lot between seeds has a conclusion that depends on one training run.',
  dataset: 'Data set',
  datasetsCount: (n: number) => `${n} data set${n === 1 ? '' : 's'}`,
  rulesTitle: 'The rules behind these tables',
  homeAdvantageNote: "Home advantage: this metric is the method's own objective, so it does not rank the method here.",
  kinds: { image: 'image', tabular: 'tabular', other: 'other' } as Record<string, string>,
  explainer: 'Explainer',
  metric: 'Metric',
  mean: 'Mean',
  ci: '95% CI',
  rank: 'Rank',
  tiedWith: 'Tied with',
  n: 'n',
  nulls: 'No value',
  params: 'Parameters',
  seed: 'seed',
  runs: 'runs',
  sanityBadges: 'Sanity checks',
  verdict: { pass: 'passes', fail: 'fails', unclear: 'unclear', none: 'not measured' } as Record<string, string>,
  badgeHelp: (t: number) =>
    `A sanity check passes when the whole 95% interval of the similarity lies below ${t}: the explanation changed when the model's ` +
    `weights (mprt) or the explained class (random-logit) changed.`,
  lbTitle: 'Leaderboard',
  lbIntro:
    'Each task ranks the explainers per metric; the criterion scores summarise those ranks (1 = best on every metric of the criterion, 0 ' +
    '= worst). Select a cell to see the metric values with their 95% intervals, ranks and ties.',
  overallTitle: 'All tasks at a glance, one comparison group at a time',
  tasksTitle: 'Criterion scores per task',
  overallCaption: 'Equal-weight mean of the criterion scores within the group, with its 95% bootstrap interval.',
  unscoredNote:
    'No criterion score (–, 0 tasks): the only method on its tasks, so there is nothing to rank it against. Its metric values are on its ' +
    'method card and task pages:',
  filters: 'Filter',
  filterNote: 'Filtering and sorting need JavaScript; without it every task is shown.',
  sortBy: (c: string) => `Sort by ${c}`,
  criterionScore: 'criterion score',
  detailsOf: (t: string) => `All metrics of ${t}`,
  taskTitle: (t: string) => `Task ${t}`,
  taskIntro:
    'Tables per criterion, one for each group of methods that the same metrics score (rule extractors and attribution methods never ' +
    'share a metric). Each cell: mean over the inputs, its 95% bootstrap interval, the rank (1 = best) and = when the explainer is ' +
    'statistically tied with another. Select a value for the metric definition and the exact parameters and seed.',
  samples: 'inputs',
  modelHash: 'model hash',
  datasetHash: 'data hash',
  ranked: 'ranked',
  tieMark: 'tied with',
  cellTitle: (m: string, e: string) => `${m} for ${e}`,
  explorerTitle: 'Criteria explorer',
  explorerIntro:
    'Weigh the criteria to your purpose: the ranking of the chosen group updates as you move the sliders, with a 95% interval for your ' +
    'weighted score, and the weights are kept in the address so that a choice can be shared and cited.',
  presets: 'Presets',
  presetNames: {
    balanced: 'Balanced',
    auditor: 'Auditor: fidelity and sanity first',
    'end-user': 'End user: readability first',
    researcher: 'Researcher: everything measured',
  } as Record<string, string>,
  weight: 'weight',
  unmeasuredCriteria: (cs: readonly string[]) =>
    `Not measured on this leaderboard, so no slider or preset weighs it: ${cs.join(', ')}.`,
  overall: 'Overall',
  coverage: 'Coverage',
  coverageHelp:
    "Share of the group's (data set × metric) cells the method has a value for; a method needs 75% to be ranked. Criteria it has no " +
    'score for are left out of its score, not counted as zero.',
  cps: 'Count engagement (CPS: conversation turns per session) in the human criterion',
  cpsHelp: 'Off by default: a long conversation can mean confusion as much as interest.',
  normTitle: 'How the scores are normalised',
  normText: [
    'Within one comparison group (explainer family), task and metric, explainers are ranked (1 = best; ties share the better rank). A ' +
      'rank r among k ranked explainers becomes (k − r) / (k − 1): 1 for the best, 0 for the worst. Ranks, not raw values, so that ' +
      'metrics on different scales can be combined.',
    "A criterion's score is the mean over its metrics on a task, then over the training-seed replicates of a data set (one model trained " +
      'three times counts once), then over data sets. Your overall score is the weighted mean of the criterion scores; its 95% interval ' +
      'and the ties come from the same weights applied to every bootstrap replicate of the criterion scores.',
    "Missing scores are left out, never counted as zero; a method with values on less than 75% of its group's cells is listed without a " +
      'rank, and a group with fewer than 3 such methods is shown without ranks. Descriptive metrics are never ranked.',
  ],
  noJs: 'Without JavaScript this table shows the balanced weights; the sliders need JavaScript.',
  shareLink: 'Link to this choice',
  mapTitle: 'Fidelity against readability: is there a trade-off?',
  mapIntro:
    'Gilpin et al. (2018) describe a trade-off: explanations that describe the model fully and accurately may be harder to read. Per ' +
    'task, each chart plots a fidelity metric (horizontal) against sparseness, a proxy for readability, or human ratings where a study ' +
    'gave them (vertical): one point per explainer with 95% intervals on both axes. The headline says what these data show.',
  mapRule: (resamples: number, seed: number) =>
    `How the headline is worded: on each task, Spearman's ρ between the two plotted metrics over the explainers with a value on both; ` +
    `then the mean over a data set's training-seed replicates (one model trained three times counts once), and the median over data ` +
    `sets, with a 95% percentile-bootstrap interval (data sets resampled with replacement, ${resamples} times, seed ${seed}). With ρ ` +
    `oriented so that positive means "better on one metric, better on the other" (each metric in its own direction): an interval above ` +
    `0 reads as no trade-off, below 0 as a trade-off, containing 0 as no clear relation; fewer than 3 data sets, no verdict.`,
  mapHeadline: (rel: string, x: string, y: string, n: number, m: string, ci: string) =>
    rel === 'aligned'
      ? `On these ${n} data sets, explainers that scored better on ${x} also scored better on ${y} (median Spearman ρ over data sets ` +
        `${m} ${ci}): the data show no trade-off between the two.`
      : rel === 'trade-off'
        ? `On these ${n} data sets, explainers that scored better on ${x} scored worse on ${y} (median Spearman ρ over data sets ${m} ` +
          `${ci}): a trade-off.`
        : rel === 'unclear'
          ? `On these ${n} data sets, no clear relation between ${x} and ${y}: the interval of the median Spearman ρ (${m} ${ci}) ` +
            `contains 0.`
          : `Only ${n} data set(s) have a Spearman ρ between ${x} and ${y} (median ${m}): too few to judge.`,
  mapTaskRho: (x: string, y: string, n: number, rho: string | null) =>
    `Spearman ρ between ${x} and ${y} over ${n} explainers on this task: ` +
    `${rho ?? 'undefined (fewer than 3 explainers, or a metric is constant)'}.`,
  mapProxy: (m: string) =>
    `Vertical axis: ${m}, a proxy for interpretability (sparser attributions are easier to read). No human ratings yet; this is not a ` +
    `measure of understanding.`,
  mapHuman: (m: string) => `Vertical axis: human ratings (${m}).`,
  mapNoData: 'This task lacks the metrics for the map.',
  dataTable: 'The plotted values',
  methodsTitle: 'Methods',
  methodsIntro:
    'One card per explainer, generated from the data each explainer module declares: what it needs, what the literature claims, and the ' +
    'measured evidence for each claim.',
  needs: 'Needs from the model',
  output: 'Explains the',
  deterministic: 'Deterministic',
  yes: 'yes',
  no: 'no',
  needNames: {
    predict: 'outputs only',
    gradients: 'gradients',
    layers: 'layers and weights',
    'training-data': 'training data',
    generator: 'a generative model',
    'knowledge-graph': 'a knowledge graph',
  } as Record<string, string>,
  strengths: 'Strengths claimed',
  weaknesses: 'Weaknesses claimed',
  evidence: 'Measured evidence',
  notMeasured: 'Not measured by the benchmark.',
  expectHigh: 'the claim expects a high value',
  expectLow: 'the claim expects a low value',
  claimRule:
    'How a claim is checked, per task and evidence metric: against the other methods of the same family (attribution, rules, examples, ' +
    'concept-path) with a value on that task. A method counts for the claim when its 95% paired-bootstrap difference from the claimed ' +
    'method excludes 0 and the claimed method is on the claimed side of it, against when the difference excludes 0 and it is on the ' +
    'other side, tied otherwise. Supported: more than half of the others count for; contradicted: more than half count against; ' +
    "otherwise inconclusive (also when no other method of the family has a value). An interval that sits exactly at the metric's ideal " +
    'value (every input ideal, e.g. run-to-run = 1) supports a claim of the ideal side and contradicts a claim of the other side.',
  verdicts: { supported: 'supported', contradicted: 'contradicted', inconclusive: 'inconclusive' } as Record<string, string>,
  claimCounts: (sup: number, con: number, inc: number) => `supported on ${sup}, contradicted on ${con}, inconclusive on ${inc} tasks`,
  claimReason: (reason: string, f: number, a: number, t: number, n: number) =>
    reason === 'ideal'
      ? 'interval exactly at the ideal value'
      : reason === 'no-group'
        ? 'no other method of its family has a value'
        : reason === 'no-value'
          ? 'no value'
          : `${f} for, ${a} against, ${t} tied, of ${n}`,
  versusGroup: 'Against its family',
  rankBest: 'Rank (1 = best)',
  rankOf: (r: number, k: number) => `${r} of ${k}`,
  rankHeader: (dir: string) => `Rank (1 = best; ${dir})`,
  rankHash: '#1 = best',
  references: 'References',
  noCard: 'This explainer provides no method card.',
  perTask: 'Per task',
  metricsTitle: 'Metrics',
  metricsIntro: 'Every metric with its definition, defaults, direction and source. Each links to its values on every task.',
  definition: 'Definition',
  source: 'Where the definition comes from, and how ours differs from peers',
  ideal: 'Ideal value',
  chance: 'Value of a random explanation',
  requires: 'Requires',
  criterion: 'Criterion',
  defaults: 'Parameters and defaults',
  paramName: 'Parameter',
  paramDefault: 'Default',
  paramDesc: 'Meaning',
  paramType: 'type',
  paramKinds: { int: 'integer', number: 'number', boolean: 'boolean', string: 'text' } as Record<string, string>,
  directionLabel: 'Direction',
  outputNames: { logit: 'logit', probability: 'probability' } as Record<string, string>,
  requireNames: {
    model: 'the model',
    'ground-truth': 'a ground truth (synthetic tasks)',
    explainer: 'the explainer, to explain again',
    cost: 'cost records',
  } as Record<string, string>,
  usedParams: 'Parameters used',
  explainerParams: 'Explainer parameters',
  results: 'Results',
  noResults: 'No results for this metric in this leaderboard.',
  galleryTitle: 'Gallery',
  galleryIntro:
    'The same inputs explained by every method, side by side: each picture shows the input (left), the attribution (red raises the ' +
    'explained output, blue lowers it) and the colour scale; below, the text rendering raters read.',
  sample: 'Input',
  predicted: 'explained class',
  textRendering: 'Text',
  noPicture: 'no picture',
  noGallery: 'No explanations were kept for this leaderboard.',
  humanTitle: 'Human ratings',
  noRatings: 'No ratings yet.',
  humanIntro:
    'Human-rated quality comes only from real rating files (xai-bench survey): SSA-style sensibleness and specificity, FGI-style ' +
    'satisfaction, and CPS (conversation turns per session), each with confidence intervals and inter-rater agreement. None are ' +
    'simulated or invented.',
  provTitle: 'Provenance and downloads',
  provIntro: 'Everything needed to trace and reproduce the numbers.',
  generatedAt: 'Leaderboard generated',
  builtAt: 'Site built',
  profile: 'Profile',
  backend: 'Backend',
  version: 'Version',
  commit: 'Commit',
  status: 'Status',
  runTime: 'Run time',
  bootstrap: 'Intervals',
  bootstrapText: (b: number, c: number, s: number) =>
    `paired percentile bootstrap over inputs, ${b} resamples, ${Math.round(c * 100)}% level, bootstrap seed ${s}`,
  downloads: 'Downloads',
  dlResults: 'results.jsonl (gzipped on the published site): one record per task × explainer × metric, with every per-input value',
  dlLeaderboard: 'leaderboard.json: the aggregate (xai-bench/leaderboard@1)',
  dlCsv: 'leaderboard.csv: the aggregate as a table',
  dlCatalog: 'catalog.json: explainer and metric declarations',
  history: 'Earlier versions',
  noHistory: 'No earlier published versions.',
  versions: 'Software',
  mq: {
    nav: 'Metric quality',
    title: 'How good are the metrics?',
    intro:
      'Before trusting a ranking, check the metrics that made it. Three questions, after Tomsett et al. (2020, "Sanity checks for ' +
      'saliency metrics"): do the metrics of one criterion rank the explainers alike (agreement), does every input rank them alike ' +
      "(inter-sample reliability), and does the ranking move when a metric's own setting changes (sensitivity)? Every number is a " +
      'mean over the tasks where it could be computed; leaderboard.json has them per task.',
    agreementTitle: 'Agreement between metrics of one criterion',
    agreementIntro:
      "Rank correlation between two metrics' explainer rankings (each oriented so that +1 means they order the explainers alike), " +
      'averaged per task and then over tasks. Low or negative values mean the metrics of a criterion do not measure the same thing, so ' +
      'the criterion score depends on which metrics are counted.',
    pairsTitle: 'Metric pairs, most discordant first',
    criterion: 'Criterion',
    tasks: 'Tasks',
    pairs: 'Pairs',
    rho: "Spearman's ρ",
    tau: "Kendall's τ-b",
    metricA: 'Metric A',
    metricB: 'Metric B',
    reliabilityTitle: 'Inter-sample reliability',
    reliabilityIntro:
      "Krippendorff's ordinal α with the inputs as raters ranking the explainers: 1 when every input orders the explainers alike, near 0 " +
      'when the ranking is noise across inputs. A metric with low α needs many inputs before its leaderboard ranking means anything.',
    alpha: 'mean α',
    consistencyTitle: 'Internal consistency',
    consistencyIntro:
      "Standardised Cronbach's α of the metrics of one criterion that score the same explainers, over (explainer, input) pairs: do they " +
      'measure one thing? Attribution and rule metrics of a criterion are separate groups (they never score the same explanation).',
    items: 'Metrics (items)',
    range: 'Range',
    undefinedTasks: 'Not computable',
    sensitivityTitle: "Sensitivity to a metric's own setting",
    sensitivityIntro:
      "Kendall's τ-b between the explainer ranking under the profile's setting and under a variant scored on the same explanations (1: " +
      'the choice does not move the ranking), and how often the best explainer stays the best. Variants never enter ranks or scores.',
    variant: 'Variant',
    sameBest: 'Same best',
    refused: 'Refused or undefined',
    none: 'Nothing to show: this leaderboard has no such results.',
    why: 'Why not computable',
  },
  perf: {
    title: "The benchmark's own speed",
    /** Text and commands alternating (odd entries are commands, shown as code). */
    intro: (when: string, machine: string): readonly string[] => [
      'Measured by ', 'npm run bench:perf', ' and ', 'npm run bench:profile',
      ` on ${machine}, ${when}. These are the benchmark's costs, not a property of any explainer's quality.`,
    ],
    engine: 'Engine throughput (rows per second)',
    explainers: 'Explainers at their default sizes',
    metrics: 'Metrics (standard profile settings, scoring gradient attributions)',
    profiles: 'Profiles: wall time and peak memory',
    efficiencyNote:
      'Efficiency = time of the same forward and gradient passes run as plain batched streams ÷ time taken (1.0 = no overhead beyond the ' +
      'passes).',
    backend: 'Backend',
    model: 'Model',
    pass: 'Pass',
    rowsPerSecond: 'Rows/s',
    perSecond: 'Explanations/s',
    forward: 'Forward passes',
    gradient: 'Gradient passes',
    efficiency: 'Efficiency',
    msPerInput: 'ms per input',
    jobs: '--jobs',
    cells: 'Cells',
    wall: 'Wall time',
    target: 'Target',
    memory: 'Peak memory (MiB)',
    none: 'No benchmark has been measured for this build.',
  },
  differences: {
    title: 'Differences from the reference implementations',
    intro:
      'Where this benchmark computes a method or metric differently from the peer library it follows (Zennit, Captum, shap, lime, ' +
      'OpenXAI), by design or until recently. Each entry comes from the declaration in the code, with the size of the difference as ' +
      'measured on the benchmark\'s models, or "not measured". Sizes measured by tools/bench/reference-differences.ts.',
    differsTitle: 'Kept by design',
    matchedTitle: 'Now matched',
    matchedIntro: 'Differences that were measured and then removed: the numbers of runs before the change moved by about the size given.',
    item: 'Method or metric',
    reference: 'Reference implementation',
    what: 'Difference',
    size: 'Measured size',
    notMeasured: 'Not measured',
    none: 'No differences are declared in this build.',
  },
  footer: (g: string) => `Generated ${g}. Every number is recomputed from per-input values.`,
  notFound: 'Page not found',
  home: 'Go to the leaderboard',
  seconds: (s: number) => (s >= 59.95 ? minSec(s, (m, r) => `${m} min${r ? ` ${r} s` : ''}`) : `${s.toFixed(1)} s`),
  resumed: 'Resumed',
};

type Strings = typeof en;

const ko: Strings = {
  siteTitle: 'xai-bench 리더보드',
  skip: '본문으로 건너뛰기',
  nav: {
    guide: '평가 기준 고르기',
    leaderboard: '리더보드',
    explorer: '평가 기준 탐색기',
    map: '상충 관계 지도',
    methods: '설명 방법',
    metrics: '평가 지표',
    gallery: '갤러리',
    human: '사람 평가',
    metricQuality: '지표의 품질',
    provenance: '출처와 내려받기',
    differences: '참조 구현과의 차이',
  },
  otherLang: 'English',
  otherLangLabel: '이 페이지의 영어판',
  banner: (p: string) =>
    `이 사이트는 공개 리더보드가 아니라 ${p} 프로필로 만들었습니다. 입력 수가 적어 확인용일 뿐, 인용할 수치가 아닙니다.`,
  bannerUnpublished: '이 사이트는 공개 리더보드가 아니라 한 번의 실행 결과로 만들었습니다.',
  // The criterion names are the glossary's (lib/glossary.ts), so every page uses the same word.
  criteria: Object.fromEntries(
    ['fidelity', 'completeness', 'stability', 'sanity', 'localisation', 'complexity', 'cost', 'human'].map((c) => [c, term(c, 'ko')]),
  ) as Record<string, string>,
  criteriaHelp: {
    fidelity: '설명이 모델이 실제로 쓰는 정보를 반영하는가',
    completeness: '기여도의 합이 출력을 설명하는가',
    stability: '같거나 비슷한 입력에 같은 답을 내는가',
    sanity: '모델이나 클래스가 바뀌면 설명도 바뀌는가',
    localisation: '알려진 정답 위치를 찾는가(합성 과제)',
    complexity: '얼마나 간결한가(읽기 쉬움의 대리 지표)',
    cost: '시간과 모델 호출 횟수',
    human: '설문에서 사람들이 매긴 평가',
  },
  direction: { higher: '높을수록 좋음', lower: '낮을수록 좋음', descriptive: '기술 지표(순위 없음)' },
  family: '계열',
  dataType: '데이터 유형',
  task: '과제',
  tasks: '과제',
  all: '전체',
  families: { attribution: '기여도 방법', rules: '규칙 추출 방법', examples: '예시 기반 방법', 'concept-path': '개념 경로 방법' },
  groupTabs: '비교 그룹',
  groupTitle: (g: string) => g,
  groupIntro:
    '방법은 같은 계열의 방법끼리만 순위를 매깁니다. 계열마다 다른 지표로 채점하므로, 계열을 넘나드는 하나의 순위는 서로 다른 경쟁자들 사이의 순위를 비교하는 셈이 됩니다.',
  overallCol: '종합(동일 가중치) [95% 구간]',
  rankCol: '순위(1 = 가장 좋음)',
  tiedCol: '통계적으로 동률인 방법',
  tiedWithLabel: '동률',
  unrankedLabel: '순위 없음',
  coverageCol: '그룹 칸 포괄률',
  unrankedTitle: '순위 없이 표시한 방법',
  belowCoverage: (c: string, min: string) => `그룹의 (데이터 집합 × 지표) 칸 중 ${c}에만 값이 있어, 순위에 필요한 ${min}에 못 미칩니다`,
  groupUnranked: (n: number, min: number) =>
    `이 그룹에서 순위를 매길 자격을 갖춘 방법이 ${min}개 미만(${n}개)이므로 순위 없이 점수만 보여 줍니다. 경쟁자 하나를 이기는 것은 순위가 아닙니다.`,
  seedTitle: '다시 학습해도 순위가 유지되는가?',
  seedIntro:
    '학습 시드가 여러 개인 데이터 집합마다, 각 시드로 학습한 모델에서 각 방법의 종합 순위입니다(1 = 가장 좋음). 시드에 따라 순위가 크게 움직이는 방법은 결론이 한 번의 학습에 달려 있습니다.',
  dataset: '데이터 집합',
  datasetsCount: (n: number) => `데이터 집합 ${n}개`,
  rulesTitle: '이 표들의 규칙',
  homeAdvantageNote: '홈 어드밴티지: 이 지표는 해당 방법 자신의 목적 함수이므로 여기서 그 방법의 순위를 매기지 않습니다.',
  kinds: { image: '이미지', tabular: '표 형식', other: '기타' },
  explainer: '설명 방법',
  metric: '지표',
  mean: '평균',
  ci: '95% 신뢰구간',
  rank: '순위',
  tiedWith: '동률',
  n: 'n',
  nulls: '값 없음',
  params: '매개변수',
  seed: '시드',
  runs: '실행',
  sanityBadges: '건전성 검사',
  verdict: { pass: '통과', fail: '실패', unclear: '불확실', none: '측정 안 됨' },
  badgeHelp: (t: number) =>
    `유사도의 95% 신뢰구간 전체가 ${t}보다 낮으면 통과입니다. 즉 모델 가중치(mprt)나 설명할 클래스(random-logit)를 바꿨을 때 설명도 바뀌었다는 뜻입니다.`,
  lbTitle: '리더보드',
  lbIntro:
    '과제마다 지표별로 설명 방법의 순위를 매기고, 평가 기준 점수는 그 순위를 요약합니다(1 = 그 기준의 모든 지표에서 최고, 0 = 최저). 칸을 누르면 지표 값과 95% 신뢰구간, 순위, 동률을 볼 수 있습니다.',
  overallTitle: '모든 과제 한눈에 보기(비교 그룹별)',
  tasksTitle: '과제별 평가 기준 점수',
  overallCaption: '그룹 안에서 평가 기준 점수를 같은 가중치로 평균한 값과 95% 부트스트랩 구간.',
  unscoredNote:
    '평가 기준 점수 없음(–, 과제 0개): 해당 과제에서 유일한 방법이라 순위를 매길 비교 대상이 없습니다. 지표 값은 방법 카드와 과제 페이지에 있습니다:',
  filters: '거르기',
  filterNote: '거르기와 정렬에는 자바스크립트가 필요합니다. 자바스크립트가 없으면 모든 과제를 보여 줍니다.',
  sortBy: (c: string) => `${c} 기준으로 정렬`,
  criterionScore: '평가 기준 점수',
  detailsOf: (t: string) => `${t}의 모든 지표`,
  taskTitle: (t: string) => `과제 ${t}`,
  taskIntro:
    '평가 기준마다, 같은 지표로 채점되는 방법들끼리 표를 하나씩 나눴습니다(규칙 추출 방법과 기여도 방법은 같은 지표를 공유하지 않습니다). 각 칸에는 입력들에 대한 평균, 95% 부트스트랩 신뢰구간, 순위(1 = 최고)가 있고, 다른 ' +
    '방법과 통계적으로 동률이면 = 표시가 붙습니다. 값을 누르면 지표의 정의와 정확한 매개변수, 시드를 볼 수 있습니다.',
  samples: '개 입력',
  modelHash: '모델 해시',
  datasetHash: '데이터 해시',
  ranked: '순위 매김',
  tieMark: '동률 상대',
  cellTitle: (m: string, e: string) => `${e}의 ${m}`,
  explorerTitle: '평가 기준 탐색기',
  explorerIntro:
    '목적에 맞게 평가 기준의 가중치를 정해 보세요. 슬라이더를 움직이면 선택한 그룹의 순위와 가중 점수의 95% 구간이 바로 바뀌고, 가중치는 주소에 저장되어 그대로 공유하거나 인용할 수 있습니다.',
  presets: '미리 정한 가중치',
  presetNames: {
    balanced: '균형',
    auditor: '감사자: 충실도와 건전성 우선',
    'end-user': '최종 사용자: 읽기 쉬움 우선',
    researcher: '연구자: 측정한 모든 것',
  },
  weight: '가중치',
  unmeasuredCriteria: (cs: readonly string[]) => `이 리더보드에서 재지 않아 슬라이더도, 미리 정한 가중치도 반영하지 않는 기준: ${cs.join(', ')}.`,
  overall: '종합',
  coverage: '칸 포괄률',
  coverageHelp:
    '그룹의 (데이터 집합 × 지표) 칸 가운데 그 방법의 값이 있는 칸의 비율입니다. 순위에 들려면 75%가 필요합니다. 점수가 없는 평가 기준은 0점으로 치지 않고 제외합니다.',
  cps: '사람 평가에 참여도(CPS: 세션당 대화 턴 수)를 포함',
  cpsHelp: '기본값은 제외입니다. 대화가 길다는 것은 흥미만큼이나 혼란을 뜻할 수도 있기 때문입니다.',
  normTitle: '점수를 정규화하는 방법',
  normText: [
    '한 비교 그룹(설명 방법 계열)의 한 과제, 한 지표 안에서 설명 방법의 순위를 매깁니다(1 = 최고, 동률은 더 좋은 순위를 함께 받음). 순위가 매겨진 k개 방법 중 r위는 (k − r) / (k − 1)점이 됩니다. 최고는 1, ' +
      '최저는 0입니다. 척도가 서로 다른 지표를 합칠 수 있도록 원래 값이 아니라 순위를 씁니다.',
    '평가 기준 점수는 한 과제에서 그 기준에 속한 지표 점수의 평균을 내고, 같은 데이터 집합을 다른 학습 시드로 학습한 모델끼리 평균한 뒤(세 번 학습한 모델도 한 번으로 셈), 데이터 집합들에 걸쳐 평균한 값입니다. 종합 점수는 평가 ' +
      '기준 점수의 가중 평균이며, 95% 구간과 동률 표시는 같은 가중치를 평가 기준 점수의 부트스트랩 반복 표본마다 적용해 구합니다.',
    '없는 점수는 0점으로 치지 않고 빼고 계산합니다. 그룹의 칸 가운데 75% 미만에만 값이 있는 방법은 순위 없이 표시하고, 그런 조건을 갖춘 방법이 3개 미만인 그룹은 순위 없이 보여 줍니다. 기술 지표는 순위를 매기지 않습니다.',
  ],
  noJs: '자바스크립트가 없으면 균형 가중치의 순위를 보여 줍니다. 슬라이더에는 자바스크립트가 필요합니다.',
  shareLink: '이 선택의 링크',
  mapTitle: '충실도와 읽기 쉬움: 상충 관계가 있을까?',
  mapIntro:
    'Gilpin 등(2018)는 상충 관계를 말합니다. 모델을 빠짐없이 정확하게 설명할수록 읽기 어려울 수 있다는 것입니다. 과제마다 충실도 지표(가로축)와, 읽기 쉬움의 대리 지표인 희소성 또는 사람 평가가 있으면 그 평가(세로축)를 ' +
    '그립니다. 설명 방법마다 점 하나이며, 두 축 모두 95% 신뢰구간을 표시합니다. 요약 문장은 이 데이터가 보여 주는 것을 말합니다.',
  mapRule: (resamples: number, seed: number) =>
    `요약 문장을 정하는 규칙: 과제마다 두 지표 모두에 값이 있는 설명 방법들로 두 지표 사이의 스피어먼 ρ를 구하고, 같은 데이터 집합을 다른 학습 시드로 학습한 모델들의 값은 평균해 한 번으로 센 뒤, 데이터 집합들에 대한 중앙값과 ` +
    `95% 백분위 부트스트랩 구간(데이터 집합을 복원 추출로 ${resamples}번 재표집, 시드 ${seed})을 구합니다. 각 지표를 제 방향(좋은 쪽)으로 맞춰 ρ가 양수면 "한 지표가 좋으면 다른 지표도 좋음"이 되게 한 뒤, ` +
    `구간이 0보다 위면 상충 관계 없음, 0보다 아래면 상충 관계, 0을 포함하면 뚜렷한 관계 없음으로 읽습니다. 데이터 집합이 3개보다 적으면 판단하지 않습니다.`,
  mapHeadline: (rel: string, x: string, y: string, n: number, m: string, ci: string) =>
    rel === 'aligned'
      ? `이 ${n}개 데이터 집합에서 ${x} 점수가 더 좋은 설명 방법은 ${y} 점수도 더 좋았습니다(데이터 집합별 스피어먼 ρ의 중앙값 ${m} ${ci}). 데이터는 두 지표 사이의 상충 관계를 보여 주지 않습니다.`
      : rel === 'trade-off'
        ? `이 ${n}개 데이터 집합에서 ${x} 점수가 더 좋은 설명 방법은 ${y} 점수가 더 나빴습니다(데이터 집합별 스피어먼 ρ의 중앙값 ${m} ${ci}). 상충 관계입니다.`
        : rel === 'unclear'
          ? `이 ${n}개 데이터 집합에서 두 지표(${x}, ${y}) 사이에 뚜렷한 관계가 없습니다. 스피어먼 ρ 중앙값(${m} ${ci})의 구간이 0을 포함합니다.`
          : `두 지표(${x}, ${y}) 사이의 스피어먼 ρ를 구할 수 있는 데이터 집합이 ${n}개뿐이라(중앙값 ${m}) 판단하기에 너무 적습니다.`,
  mapTaskRho: (x: string, y: string, n: number, rho: string | null) =>
    `이 과제의 설명 방법 ${n}개에 대한 두 지표(${x}, ${y}) 사이의 스피어먼 ρ: ${rho ?? '정의되지 않음(설명 방법이 3개보다 적거나 한 지표가 상수)'}.`,
  mapProxy: (m: string) =>
    `세로축: ${m}. 해석 가능성의 대리 지표입니다(기여도가 몇 곳에 몰려 있을수록 읽기 쉽습니다). 아직 사람 평가가 없으며, 이것이 실제 이해도를 재는 것은 아닙니다.`,
  mapHuman: (m: string) => `세로축: 사람 평가(${m}).`,
  mapNoData: '이 과제에는 지도에 필요한 지표가 없습니다.',
  dataTable: '그래프에 쓴 값',
  methodsTitle: '설명 방법',
  methodsIntro:
    '설명 방법마다 카드가 하나씩 있습니다. 각 모듈이 선언한 데이터로 만들며, 무엇이 필요한지, 문헌이 무엇을 주장하는지, 그리고 각 주장에 대해 측정된 근거를 보여 줍니다.',
  needs: '모델에서 필요한 것',
  output: '설명하는 출력',
  deterministic: '결정적',
  yes: '예',
  no: '아니요',
  needNames: {
    predict: '출력만',
    gradients: '기울기',
    layers: '층과 가중치',
    'training-data': '학습 데이터',
    generator: '생성 모델',
    'knowledge-graph': '지식 그래프',
  },
  strengths: '주장된 장점',
  weaknesses: '주장된 약점',
  evidence: '측정된 근거',
  notMeasured: '이 벤치마크에서는 측정하지 않습니다.',
  expectHigh: '주장대로라면 값이 높아야 합니다',
  expectLow: '주장대로라면 값이 낮아야 합니다',
  claimRule:
    '주장을 확인하는 방법(과제와 근거 지표마다): 같은 계열(기여도, 규칙, 예시, 개념 경로)의 다른 방법 가운데 그 과제에 값이 있는 방법들과 비교합니다. 주장된 방법과의 95% 짝지은 부트스트랩 차이 구간이 0을 포함하지 않고 주장된 ' +
    '방법이 주장하는 쪽에 있으면 그 방법은 주장을 지지하는 쪽, 차이 구간이 0을 포함하지 않고 반대쪽에 있으면 반박하는 쪽, 그 밖에는 동률로 셉니다. 다른 방법의 절반 넘게가 지지하면 뒷받침됨, 절반 넘게가 반박하면 반박됨, 그 ' +
    '밖에는(같은 계열에 값이 있는 다른 방법이 없을 때도) 판단 불가입니다. 구간이 지표의 이상값에 정확히 놓이면(모든 입력이 이상값, 예: run-to-run = 1) 이상값 쪽의 주장은 뒷받침되고 반대쪽의 주장은 반박됩니다.',
  verdicts: { supported: '뒷받침됨', contradicted: '반박됨', inconclusive: '판단 불가' },
  claimCounts: (sup: number, con: number, inc: number) => `과제 ${sup}개에서 뒷받침됨, ${con}개에서 반박됨, ${inc}개에서 판단 불가`,
  claimReason: (reason: string, f: number, a: number, t: number, n: number) =>
    reason === 'ideal'
      ? '구간이 정확히 이상값'
      : reason === 'no-group'
        ? '같은 계열에 값이 있는 다른 방법이 없음'
        : reason === 'no-value'
          ? '값 없음'
          : `${n}개 중 지지 ${f}, 반박 ${a}, 동률 ${t}`,
  versusGroup: '같은 계열과 비교',
  rankBest: '순위(1 = 가장 좋음)',
  rankOf: (r: number, k: number) => `${k}개 중 ${r}위`,
  rankHeader: (dir: string) => `순위(1 = 가장 좋음, ${dir})`,
  rankHash: '#1 = 가장 좋음',
  references: '참고 문헌',
  noCard: '이 설명 방법은 방법 카드를 제공하지 않습니다.',
  perTask: '과제별',
  metricsTitle: '평가 지표',
  metricsIntro: '모든 지표의 정의, 기본값, 방향, 출처입니다. 각 지표에서 모든 과제의 값을 볼 수 있습니다.',
  definition: '정의',
  source: '정의의 출처와 다른 벤치마크와의 차이',
  ideal: '이상적인 값',
  chance: '무작위 설명의 값',
  requires: '필요한 것',
  criterion: '평가 기준',
  defaults: '매개변수와 기본값',
  paramName: '매개변수',
  paramDefault: '기본값',
  paramDesc: '의미',
  paramType: '형식',
  paramKinds: { int: '정수', number: '실수', boolean: '참/거짓', string: '문자열' },
  directionLabel: '방향',
  outputNames: { logit: '로짓', probability: '확률' },
  requireNames: { model: '모델', 'ground-truth': '정답(합성 과제)', explainer: '다시 설명할 설명 방법', cost: '비용 기록' },
  usedParams: '사용한 매개변수',
  explainerParams: '설명 방법의 매개변수',
  results: '결과',
  noResults: '이 리더보드에는 이 지표의 결과가 없습니다.',
  galleryTitle: '갤러리',
  galleryIntro:
    '같은 입력을 모든 방법으로 설명해 나란히 놓았습니다. 각 그림은 입력(왼쪽), 기여도(빨강은 설명하는 출력을 높이고 파랑은 낮춤), 색 척도를 보여 줍니다. 아래에는 평가자가 읽는 문장 설명이 있습니다.',
  sample: '입력',
  predicted: '설명한 클래스',
  textRendering: '문장 설명',
  noPicture: '그림 없음',
  noGallery: '이 리더보드에는 보관된 설명이 없습니다.',
  humanTitle: '사람 평가',
  noRatings: '아직 평가가 없습니다.',
  humanIntro:
    '사람이 매긴 품질은 실제 평가 파일(xai-bench survey)에서만 가져옵니다. SSA 방식의 합리성·구체성, FGI 방식의 만족도, CPS(세션당 대화 턴 수)를 신뢰구간 및 평가자 간 일치도와 함께 보여 줍니다. 모의 데이터나 ' +
    '지어낸 값은 없습니다.',
  provTitle: '출처와 내려받기',
  provIntro: '수치를 추적하고 재현하는 데 필요한 모든 정보입니다.',
  generatedAt: '리더보드 생성 시각',
  builtAt: '사이트 빌드 시각',
  profile: '프로필',
  backend: '백엔드',
  version: '버전',
  commit: '커밋',
  status: '상태',
  runTime: '실행 시간',
  bootstrap: '신뢰구간',
  bootstrapText: (b: number, c: number, s: number) =>
    `입력에 대한 대응 백분위 부트스트랩, 재표집 ${b}회, ${Math.round(c * 100)}% 수준, 부트스트랩 시드 ${s}`,
  downloads: '내려받기',
  dlResults: 'results.jsonl (공개 사이트에서는 gzip 압축본): 과제 × 설명 방법 × 지표마다 하나씩, 입력별 값을 모두 담은 기록',
  dlLeaderboard: 'leaderboard.json: 집계 결과(xai-bench/leaderboard@1)',
  dlCsv: 'leaderboard.csv: 집계 결과를 표로',
  dlCatalog: 'catalog.json: 설명 방법과 지표의 선언',
  history: '이전 버전',
  noHistory: '이전에 공개한 버전이 없습니다.',
  versions: '소프트웨어',
  mq: {
    nav: '지표의 품질',
    title: '지표는 얼마나 믿을 만한가?',
    intro:
      '순위를 믿기 전에 그 순위를 만든 지표부터 확인해야 합니다. Tomsett 등(2020)의 논문 「현저성 지표의 건전성 검사」를 따라 세 가지를 묻습니다. 같은 평가 기준의 지표들이 설명 방법을 같은 ' +
      '순서로 세우는가(일치도), 입력마다 같은 순서가 나오는가(입력 간 신뢰도), 지표 자체의 설정을 바꾸면 순위가 움직이는가(민감도). 모든 수치는 계산할 수 있었던 과제들의 평균이며, 과제별 값은 leaderboard.json에 ' +
      '있습니다.',
    agreementTitle: '같은 평가 기준 안에서 지표 간 일치도',
    agreementIntro:
      '두 지표가 매긴 설명 방법 순위 사이의 순위 상관입니다(두 지표가 같은 순서로 세우면 +1이 되도록 방향을 맞춤). 과제마다 평균을 낸 뒤 과제들에 걸쳐 다시 평균했습니다. 값이 낮거나 음수이면 한 평가 기준의 지표들이 같은 것을 ' +
      '재지 않는다는 뜻이므로, 그 기준의 점수는 어떤 지표를 넣느냐에 따라 달라집니다.',
    pairsTitle: '지표 쌍(가장 어긋나는 쌍부터)',
    criterion: '평가 기준',
    tasks: '과제 수',
    pairs: '쌍 수',
    rho: '스피어먼 ρ',
    tau: '켄달 τ-b',
    metricA: '지표 A',
    metricB: '지표 B',
    reliabilityTitle: '입력 간 신뢰도',
    reliabilityIntro:
      '입력 하나하나를 설명 방법의 순위를 매기는 평가자로 보고 구한 크리펜도르프 서열 α입니다. 모든 입력이 같은 순서를 매기면 1, 입력마다 순서가 제멋대로이면 0에 가깝습니다. α가 낮은 지표는 입력이 많아야 리더보드 순위에 의미가 ' +
      '생깁니다.',
    alpha: '평균 α',
    consistencyTitle: '내적 일관성',
    consistencyIntro:
      '같은 설명 방법들을 채점하는, 한 평가 기준의 지표들에 대해 (설명 방법, 입력) 쌍을 관측값으로 삼아 구한 표준화 크론바흐 α입니다. 이 지표들이 하나의 성질을 재는지를 봅니다. 기여도 지표와 규칙 지표는 같은 설명을 채점하는 일이 ' +
      '없으므로 따로 묶습니다.',
    items: '지표(문항)',
    range: '범위',
    undefinedTasks: '계산 불가',
    sensitivityTitle: '지표 자체 설정에 대한 민감도',
    sensitivityIntro:
      '프로필의 설정으로 매긴 순위와, 같은 설명을 다른 설정(변형)으로 채점해 매긴 순위 사이의 켄달 τ-b입니다(1이면 설정을 바꿔도 순위가 그대로). 가장 좋은 설명 방법이 그대로 1위로 남는 비율도 함께 보입니다. 변형 결과는 ' +
      '순위나 점수에 들어가지 않습니다.',
    variant: '변형',
    sameBest: '1위 유지',
    refused: '거부 또는 계산 불가',
    none: '보여 줄 것이 없습니다. 이 리더보드에는 해당 결과가 없습니다.',
    why: '계산할 수 없었던 이유',
  },
  perf: {
    title: '벤치마크 자체의 속도',
    intro: (when: string, machine: string): readonly string[] => [
      '', 'npm run bench:perf', '와 ', 'npm run bench:profile',
      `로 ${machine}에서 ${when}에 측정했습니다. 벤치마크를 돌리는 비용일 뿐, 어떤 설명 방법의 품질을 나타내지는 않습니다.`,
    ],
    engine: '엔진 처리량(초당 행 수)',
    explainers: '기본 크기로 실행한 설명 방법',
    metrics: '지표(standard 프로필 설정, 기울기 기여도를 채점)',
    profiles: '프로필별 실행 시간과 최대 메모리',
    efficiencyNote:
      '효율 = 같은 수의 순전파·기울기 계산을 묶음 처리로만 돌렸을 때의 시간 ÷ 실제로 걸린 시간(1.0이면 계산 외의 부담이 없음).',
    backend: '백엔드',
    model: '모델',
    pass: '계산',
    rowsPerSecond: '초당 행 수',
    perSecond: '초당 설명 수',
    forward: '순전파 횟수',
    gradient: '기울기 계산 횟수',
    efficiency: '효율',
    msPerInput: '입력당 ms',
    jobs: '--jobs',
    cells: '셀 수',
    wall: '실행 시간',
    target: '목표',
    memory: '최대 메모리(MiB)',
    none: '이 빌드에는 측정된 벤치마크가 없습니다.',
  },
  differences: {
    title: '참조 구현과의 차이',
    intro:
      '이 벤치마크가 따르는 다른 라이브러리(Zennit, Captum, shap, lime, OpenXAI)와 방법이나 지표를 다르게 계산하는 곳을 모았습니다. 의도한 차이도 있고 최근까지 있던 차이도 있습니다. 각 항목은 코드의 ' +
      '선언에서 가져오며, 벤치마크의 모델에서 잰 차이의 크기나 "측정하지 않음"을 함께 적습니다. 크기는 tools/bench/reference-differences.ts로 쟀습니다.',
    differsTitle: '의도한 차이',
    matchedTitle: '이제 같아진 부분',
    matchedIntro: '측정한 뒤 없앤 차이입니다. 바뀌기 전에 실행한 결과의 수치는 대략 적힌 크기만큼 움직였습니다.',
    item: '방법 또는 지표',
    reference: '참조 구현',
    what: '차이',
    size: '측정한 크기',
    notMeasured: '측정하지 않음',
    none: '이 빌드에는 선언된 차이가 없습니다.',
  },
  footer: (g: string) => `${g}에 생성. 모든 수치는 입력별 값에서 다시 계산했습니다.`,
  notFound: '페이지를 찾을 수 없습니다',
  home: '리더보드로 가기',
  seconds: (s: number) => (s >= 59.95 ? minSec(s, (m, r) => `${m}분${r ? ` ${r}초` : ''}`) : `${s.toFixed(1)}초`),
  resumed: '이어서 실행',
};

const STRINGS: Record<Lang, Strings> = { en, ko };
export const tr = (lang: Lang): Strings => STRINGS[lang];
