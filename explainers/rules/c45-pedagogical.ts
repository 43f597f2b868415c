/** `c45-pedagogical`: a C4.5 tree (c45.ts) on the training rows labelled by the network, as rules. */
import { int, num } from '../../core/params.js';
import type { MethodCard, StructuredExplainer } from '../types.js';
import { learnC45 } from './c45.js';
import { extractPedagogical } from './pedagogical.js';
import { type RulesGlobal, type RulesSample, type RulesState, explainWithRules, measuredFit } from './rules-explanation.js';

const params = {
  minCases: int({ default: 2, min: 1, description: "C4.5's minimum cases on at least two branches (-m)" }),
  cf: num({ default: 0.25, min: 0, max: 1, description: 'C4.5 pruning confidence (0 or 1: no pruning)' }),
  rows: int({ default: 0, min: 0, description: 'training rows to learn from (0: all; otherwise every (n / rows)-th row, the same for every seed)' }),
  seconds: num({ default: 60, min: 0.01, description: 'wall-time budget of the tree' }),
} as const;

export const pedagogicalCard = (learner: { en: string; ko: string }, extra: MethodCard['claims'] = []): MethodCard => ({
  summary: {
    en: `Pedagogical rule extraction: ${learner.en} is learned from the network's own predictions on the training data, and each of its paths becomes an IF-THEN rule.`,
    ko: `교육적(pedagogical) 규칙 추출: 학습 데이터에 대한 신경망 자신의 예측으로 ${learner.ko}를 학습하고, 각 경로를 IF-THEN 규칙으로 만듭니다.`,
  },
  requirements: { en: "Only the model's predictions (model-agnostic) and training data.", ko: '모델의 예측(모델 비의존적)과 학습 데이터만 있으면 됩니다.' },
  claims: [
    {
      kind: 'strength',
      text: { en: 'Compact rules that cover every input, at a fraction of a decompositional extractor\'s cost.', ko: '모든 입력을 덮는 간결한 규칙을, 분해적 추출기의 일부 비용으로 얻습니다.' },
      evidence: ['rule-count', 'extraction-seconds'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: { en: 'Greedy splits on the inputs miss interactions in which no single input is informative (XOR).', ko: '입력에 대한 탐욕적 분할은 어느 입력 하나로는 정보가 없는 상호작용(XOR)을 놓칩니다.' },
      evidence: ['rule-fidelity'],
      expect: 'low',
    },
    ...extra,
  ],
  references: [
    'Craven & Shavlik 1996, "Extracting tree-structured representations of trained networks", NeurIPS',
    'Zilke, Loza Mencía & Janssen 2016, DeepRED (pedagogical C4.5 baseline)',
    'Quinlan 1993, "C4.5: Programs for Machine Learning"; DNN-RE pedagogical.py',
  ],
});

export const c45PedagogicalExplainer: StructuredExplainer<typeof params, RulesState, RulesSample, RulesGlobal> = {
  api: 2,
  id: 'c45-pedagogical',
  family: 'rules',
  description: "C4.5 tree (gain ratio, observed-value thresholds, pessimistic pruning) on the network's predictions, as rules",
  needs: ['predict', 'training-data'],
  kinds: ['tabular'],
  output: 'probability',
  deterministic: true,
  params,
  card: pedagogicalCard({ en: 'a C4.5 decision tree', ko: 'C4.5 결정 트리' }),
  fit: (ctx, p) =>
    measuredFit(ctx, 'c45-pedagogical', p, () =>
      extractPedagogical(ctx, 'c45-pedagogical', p, (data, deadline) => learnC45(data, { minCases: p.minCases, cf: p.cf, deadline })),
    ),
  explain: ({ ctx, batch, state }) => explainWithRules(ctx.task, batch, state),
};
