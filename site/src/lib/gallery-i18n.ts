/** The gallery pages' interface text in English and Korean (the explanations bring their own text). */
import { withParticle } from '@xai-core/korean-particles.js';
import type { Lang } from './types';

const en = {
  indexIntro:
    'The same inputs explained by every method, one page per task. Attribution methods show a picture of the input and its attribution ' +
    '(red raises the explained output, blue lowers it); rule extractors show their whole rule set and the rule that fired; ' +
    'example-based methods show their examples and, for generated ones, the latent tree they grew; the concept-path method shows its ' +
    'knowledge graph with the path it took highlighted. Every method also has the text rendering raters read.',
  task: 'Task',
  families: 'Explanation families',
  inputs: 'Inputs shown',
  open: 'Open',
  family: { attribution: 'attribution', rules: 'rules', examples: 'examples', 'concept-path': 'concept path' } as Record<string, string>,
  taskGallery: (t: string) => `Gallery: ${t}`,
  taskPage: 'Results of this task',
  backToGallery: 'All tasks in the gallery',
  ruleSets: 'Extracted rule sets',
  ruleSetsIntro:
    'Each rule extractor fits one rule set to the model on this task; it is the same for every input. Rules are tried in order and the ' +
    'first whose conditions hold decides; when none holds, the default class does. Conditions are in the data’s original units.',
  ruleCount: (n: number) => `${n} ${n === 1 ? 'rule' : 'rules'}`,
  defaultClass: 'Default class',
  extraction: 'Extraction',
  extractionText: (s: string, passes: number) => `${s} s, ${passes.toLocaleString('en-US')} forward passes (once per task)`,
  rulesCaption: (e: string, n: number, d: string) => `${e}: ${n} ${n === 1 ? 'rule' : 'rules'}, then the default class ${d}`,
  ruleNo: '#',
  rule: 'Rule',
  thenClass: 'Class',
  support: 'Support',
  confidence: 'Confidence',
  firedFor: 'Fired for (inputs below)',
  otherwiseRow: 'otherwise',
  budgetTitle: 'Budgets cut the extraction short',
  budgetIntro: 'The rule set is smaller than the network’s full expansion: these budgets cut it.',
  budget: (b: { budget: string; where: string; limit: number; cut: number; detail: string }) =>
    b.detail || `${b.budget} budget ${b.limit} on ${b.where}: ${b.cut} cut`,
  noBudgetHit: 'No budget cut the extraction.',
  firedRule: (n: number, of: number) => `Rule ${n} of ${of} fired`,
  noRuleFired: (c: string) => `No rule fired: the default class ${c} decided`,
  seeRule: 'see it in the rule set',
  kgTitle: 'Knowledge graph',
  kgIntro:
    'The graph the concept-path method reasons over: digits (left), the shape attributes a digit has, and the WordNet concepts each ' +
    'attribute stands for, more general to the right. Hover an edge for its relation and source.',
  kgCaption: (n: number, e: number) => `The digit-shape knowledge graph: ${n} nodes and ${e} edges.`,
  kgDesc:
    'Columns from left to right: digits, shape attributes, then WordNet concepts from specific to general. Hand-authored has-part edges ' +
    'are solid blue, has-part edges computed from training images dashed orange, grounding edges from an attribute to its concept ' +
    'dotted green, WordNet hypernym edges grey.',
  kgPathDesc: (n: number) =>
    `The ${n === 1 ? 'path is' : `${n} paths are`} drawn thick in magenta with relation labels; the rest of the graph is faded. The ` +
    `table below lists every step.`,
  legend: 'Legend',
  nodeKinds: { digit: 'digit', attribute: 'shape attribute', concept: 'WordNet concept' } as Record<string, string>,
  edgeKinds: {
    'has_part:hand-authored': 'has part (hand-authored)',
    'has_part:computed': 'has part (computed from training images; weight = share of images)',
    'grounded_in:hand-authored': 'grounded in (attribute → WordNet concept)',
    'hypernym:wordnet': 'is a kind of (WordNet hypernym)',
    highlight: 'a step of this input’s concept path',
  } as Record<string, string>,
  relation: {
    has_part: 'has part',
    part_of: 'is part of',
    grounded_in: 'grounded in',
    grounds: 'grounds',
    hypernym: 'is a kind of',
    hyponym: 'has the kind',
  } as Record<string, string>,
  source: { 'hand-authored': 'hand-authored', computed: 'computed', wordnet: 'WordNet' } as Record<string, string>,
  /** Labels on highlighted edges in the drawing (short: they sit between columns). */
  relShort: { has_part: 'has part', grounded_in: 'grounded in', hypernym: 'is a' } as Record<string, string>,
  allEdges: (n: number) => `All ${n} edges as a table`,
  from: 'From',
  to: 'To',
  relationCol: 'Relation',
  sourceCol: 'Source',
  weight: 'Weight',
  pathCol: 'Path',
  step: 'Step',
  conceptPaths: (n: number) => (n === 1 ? 'The concept path, step by step' : `The ${n} concept paths, step by step`),
  noPaths: 'No concept path was recorded for this input.',
  seenClass: (c: number | null, seen: boolean | null) =>
    `Recognised as ${c ?? '–'}${seen === null ? '' : seen ? ', a class seen in training' : ', a class never seen in training'}`,
  pathOverview: 'Concept path highlighted in the knowledge graph',
  neighbours: 'Nearest training examples',
  neighbourCols: { label: 'True label', predicted: 'Model’s class', distance: 'Distance' },
  space: { penultimate: 'in the model’s penultimate layer', input: 'in input space', latent: 'in latent space' } as Record<string, string>,
  counterfactual: 'Counterfactual',
  cfFound: 'Found: the smallest change that flips the model’s answer',
  cfNotFound: 'No counterfactual found within the budget.',
  change: 'Feature',
  changeFrom: 'From',
  changeTo: 'To',
  gridAlt: (explainer: string, id: string, n: number) =>
    `${explainer}, input ${id}: the query's reconstruction (framed in red) followed by ${n} generated samples.`,
  treeCaption: (sampler: string) => (sampler === 'rrt' ? 'Latent tree (RRT)' : 'Latent sample cloud'),
  treeAlt: (explainer: string, id: string, sampler: string, n: number, inside: number | null) =>
    sampler === 'rrt'
      ? `${explainer}, input ${id}: the tree the samples grew as, in latent space (projected onto its two main directions); the query is ` +
        `the red square and each of the ${n} samples (black dots) is joined to the sample it grew from.`
      : `${explainer}, input ${id}: the ${n} samples drawn in a ball around the query in latent space (projected onto its two main ` +
        `directions); the query is the red square` +
        `${inside === null ? '' : `; ${inside} of ${n} keep the query's region (filled dots), the others are hollow`}.`,
  samplesLabelled: (same: number, n: number) => `${same} of ${n} samples get the query’s class`,
  structured: 'Rule, example and text explanations',
  explainer: 'Method',
  text: 'Text',
  detail: 'Details',
};

type Strings = typeof en;

const ko: Strings = {
  indexIntro:
    '같은 입력을 모든 방법으로 설명한 결과를 과제별 페이지에 모았습니다. 기여도 방법은 입력과 기여도를 그림으로 보여 줍니다(빨강은 설명하는 출력을 높이고 파랑은 낮춤). 규칙 추출 방법은 규칙 집합 전체와 실제로 적용된 규칙을, 예시 ' +
    '기반 방법은 예시와 (생성한 예시라면) 잠재 공간에서 키운 트리를, 개념 경로 방법은 지식 그래프와 그 위에서 찾은 경로를 보여 줍니다. 모든 방법에는 평가자가 읽는 문장 설명도 함께 있습니다.',
  task: '과제',
  families: '설명 유형',
  inputs: '보여 주는 입력 수',
  open: '열기',
  family: { attribution: '기여도', rules: '규칙', examples: '예시', 'concept-path': '개념 경로' },
  taskGallery: (t: string) => `갤러리: ${t}`,
  taskPage: '이 과제의 결과',
  backToGallery: '갤러리의 모든 과제',
  ruleSets: '추출한 규칙 집합',
  ruleSetsIntro:
    '규칙 추출 방법마다 이 과제의 모델에 맞춘 규칙 집합 하나를 만들며, 이 집합은 모든 입력에 똑같이 쓰입니다. 규칙은 위에서부터 차례로 확인해 조건이 처음 맞는 규칙이 답을 정하고, 맞는 규칙이 없으면 기본 클래스가 답이 됩니다. ' +
    '조건은 데이터의 원래 단위로 적었습니다.',
  ruleCount: (n: number) => `규칙 ${n}개`,
  defaultClass: '기본 클래스',
  extraction: '추출 비용',
  extractionText: (s: string, passes: number) => `${s}초, 순전파 ${passes.toLocaleString('ko-KR')}회 (과제당 한 번)`,
  rulesCaption: (e: string, n: number, d: string) => `${e}: 규칙 ${n}개와 기본 클래스 ${d}`,
  ruleNo: '번호',
  rule: '규칙',
  thenClass: '클래스',
  support: '지지도',
  confidence: '신뢰도',
  firedFor: '적용된 입력 (아래 목록)',
  otherwiseRow: '그 밖의 경우',
  budgetTitle: '예산 한도로 추출을 줄였습니다',
  budgetIntro: '이 규칙 집합은 신경망을 끝까지 전개한 것보다 작습니다. 다음 예산 한도가 전개를 잘랐습니다.',
  budget: (b: { budget: string; where: string; limit: number; cut: number; detail: string }) =>
    b.budget === 'rows'
      ? `학습 데이터 중 ${b.limit.toLocaleString('ko-KR')}행만으로 학습했습니다(${b.cut.toLocaleString('ko-KR')}행 제외).`
      : b.budget === 'clauses'
        ? `${b.where} 층을 대입하는 동안 한도 ${b.limit}개를 넘는 절 ${b.cut.toLocaleString('ko-KR')}개(신뢰도가 가장 낮은 것)를 버렸습니다.`
        : b.budget === 'terms'
          ? `${b.where} 층의 항 가운데 가장 적게 쓰인 ${b.cut}개는 전개하지 않았고(한도 ${b.limit}개), 그 항을 쓰는 절도 버렸습니다.`
          : b.budget === 'seconds'
            ? `${b.where}: 시간 한도 ${b.limit}초에 걸려 ${b.cut}개를 처리하지 못했습니다.`
            : `${b.where}: ${b.budget} 한도 ${b.limit}, ${b.cut}개 잘림.`,
  noBudgetHit: '예산 한도에 걸리지 않았습니다.',
  firedRule: (n: number, of: number) => `규칙 ${of}개 중 ${n}번이 적용됨`,
  noRuleFired: (c: string) => `맞는 규칙이 없어 기본 클래스 ${withParticle(c, '으로/로')} 정해짐`,
  seeRule: '규칙 집합에서 보기',
  kgTitle: '지식 그래프',
  kgIntro:
    '개념 경로 방법이 추론에 쓰는 그래프입니다. 왼쪽부터 숫자, 숫자가 가진 모양 속성, 각 속성이 가리키는 WordNet 개념 순이며, 오른쪽으로 갈수록 더 일반적인 개념입니다. 선 위에 마우스를 올리면 관계와 출처가 보입니다.',
  kgCaption: (n: number, e: number) => `숫자 모양 지식 그래프: 노드 ${n}개, 간선 ${e}개.`,
  kgDesc:
    '왼쪽부터 숫자, 모양 속성, 구체적인 것에서 일반적인 것 순서의 WordNet 개념이 열을 이룹니다. 직접 작성한 "부분으로 가짐" 간선은 파란 실선, 학습 이미지에서 계산한 "부분으로 가짐" 간선은 주황 파선, 속성과 개념을 잇는 ' +
    '간선은 초록 점선, WordNet 상위어 간선은 회색입니다.',
  kgPathDesc: (n: number) =>
    `${n === 1 ? '경로는' : `경로 ${n}개는`} 굵은 자홍색 선과 관계 이름으로 그렸고, 나머지 그래프는 흐리게 했습니다. 아래 표에 모든 단계가 있습니다.`,
  legend: '범례',
  nodeKinds: { digit: '숫자', attribute: '모양 속성', concept: 'WordNet 개념' },
  edgeKinds: {
    'has_part:hand-authored': '부분으로 가짐 (직접 작성)',
    'has_part:computed': '부분으로 가짐 (학습 이미지에서 계산, 가중치 = 해당 이미지 비율)',
    'grounded_in:hand-authored': '개념에 연결됨 (속성 → WordNet 개념)',
    'hypernym:wordnet': '~의 한 종류 (WordNet 상위어)',
    highlight: '이 입력의 개념 경로에 있는 단계',
  },
  relation: {
    has_part: '부분으로 가짐',
    part_of: '~의 부분',
    grounded_in: '개념에 연결됨',
    grounds: '속성으로 연결됨',
    hypernym: '~의 한 종류',
    hyponym: '하위 종류',
  },
  source: { 'hand-authored': '직접 작성', computed: '계산', wordnet: 'WordNet' },
  relShort: { has_part: '부분', grounded_in: '개념', hypernym: '상위어' },
  allEdges: (n: number) => `간선 ${n}개 전체를 표로 보기`,
  from: '시작',
  to: '끝',
  relationCol: '관계',
  sourceCol: '출처',
  weight: '가중치',
  pathCol: '경로',
  step: '단계',
  conceptPaths: (n: number) => (n === 1 ? '개념 경로를 단계별로' : `개념 경로 ${n}개를 단계별로`),
  noPaths: '이 입력에는 기록된 개념 경로가 없습니다.',
  seenClass: (c: number | null, seen: boolean | null) =>
    `${withParticle(c === null ? '–' : String(c), '으로/로')} 인식${seen === null ? '' : seen ? ' (학습 때 본 클래스)' : ' (학습 때 보지 못한 클래스)'}`,
  pathOverview: '지식 그래프에 표시한 개념 경로',
  neighbours: '가장 가까운 학습 예시',
  neighbourCols: { label: '정답', predicted: '모델의 답', distance: '거리' },
  space: { penultimate: '모델의 끝에서 두 번째 층 기준', input: '입력 공간 기준', latent: '잠재 공간 기준' },
  counterfactual: '반사실 예시',
  cfFound: '찾음: 모델의 답을 바꾸는 가장 작은 변화',
  cfNotFound: '예산 안에서 반사실 예시를 찾지 못했습니다.',
  change: '특성',
  changeFrom: '원래 값',
  changeTo: '바뀐 값',
  gridAlt: (explainer: string, id: string, n: number) =>
    `${explainer}, 입력 ${id}: 질의를 재구성한 이미지(빨간 테두리)와 그 뒤의 생성 표본 ${n}개.`,
  treeCaption: (sampler: string) => (sampler === 'rrt' ? '잠재 공간 트리 (RRT)' : '잠재 공간 표본 분포'),
  treeAlt: (explainer: string, id: string, sampler: string, n: number, inside: number | null) =>
    sampler === 'rrt'
      ? `${explainer}, 입력 ${id}: 표본이 잠재 공간에서 자라난 트리를 두 주축에 투영한 그림입니다. 빨간 사각형이 질의이고, 생성 표본 ${n}개(검은 점)는 각각 자신이 자라 나온 표본과 선으로 이어져 있습니다.`
      : `${explainer}, 입력 ${id}: 잠재 공간에서 질의 주변의 공 안에서 뽑은 표본 ${n}개를 두 주축에 투영한 그림입니다. 빨간 사각형이 ` +
        `질의입니다${inside === null ? '' : `. ${n}개 중 ${inside}개는 질의의 영역 안에 있고(채운 점), 나머지는 속이 빈 점입니다`}.`,
  samplesLabelled: (same: number, n: number) => `표본 ${n}개 중 ${same}개가 질의와 같은 클래스`,
  structured: '규칙·예시·문장 설명',
  explainer: '설명 방법',
  text: '문장 설명',
  detail: '세부 내용',
};

const GALLERY_STRINGS: Record<Lang, Strings> = { en, ko };
export const gtr = (lang: Lang): Strings => GALLERY_STRINGS[lang];
