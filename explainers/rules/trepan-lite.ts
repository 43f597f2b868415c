/**
 * `trepan-lite`: TREPAN's central idea (Craven & Shavlik 1996) on top of the C4.5 learner: the network
 * is queried as an oracle on extra synthetic inputs drawn from the training data's per-feature
 * marginals, so the tree sees more of the network's decision surface than the training rows show.
 * "Lite": no per-node constrained sampling, no m-of-n splits, no best-first growth to a size limit.
 */
import { int, num } from '../../core/params.js';
import type { StructuredExplainer } from '../types.js';
import { learnC45 } from './c45.js';
import { pedagogicalCard } from './c45-pedagogical.js';
import { extractPedagogical } from './pedagogical.js';
import { type RulesGlobal, type RulesSample, type RulesState, explainWithRules, measuredFit } from './rules-explanation.js';

const params = {
  queries: int({ default: 2000, min: 0, description: 'synthetic inputs labelled by the network (TREPAN uses at least 1000 per node)' }),
  minCases: int({ default: 2, min: 1, description: "C4.5's minimum cases on at least two branches (-m)" }),
  cf: num({ default: 0.25, min: 0, max: 1, description: 'C4.5 pruning confidence (0 or 1: no pruning)' }),
  rows: int({ default: 0, min: 0, description: 'training rows to learn from (0: all; otherwise every (n / rows)-th row, the same for every seed)' }),
  seconds: num({ default: 60, min: 0.01, description: 'wall-time budget of the tree' }),
} as const;

export const trepanLiteExplainer: StructuredExplainer<typeof params, RulesState, RulesSample, RulesGlobal> = {
  api: 2,
  id: 'trepan-lite',
  family: 'rules',
  description: 'C4.5 tree on the training rows plus synthetic queries from the per-feature marginals, all labelled by the network (TREPAN-style oracle queries)',
  needs: ['predict', 'training-data'],
  kinds: ['tabular'],
  output: 'probability',
  deterministic: false,
  params,
  card: pedagogicalCard({ en: 'a C4.5 decision tree (with extra synthetic inputs labelled by the network, as TREPAN queries it)', ko: 'C4.5 결정 트리(TREPAN처럼 신경망이 레이블을 붙인 합성 입력을 추가로 사용)' }, [
    {
      kind: 'strength',
      text: { en: 'Oracle queries show the tree more of the network than the training data does, raising fidelity off the training data.', ko: '오라클 질의로 학습 데이터보다 더 많은 신경망의 판단을 트리에 보여 주어, 학습 데이터 밖에서의 충실도를 높입니다.' },
      evidence: ['rule-fidelity'],
      expect: 'high',
    },
  ]),
  fit: (ctx, p) => measuredFit(ctx, 'trepan-lite', p, () => extractPedagogical(ctx, 'trepan-lite', p, (data, deadline) => learnC45(data, { minCases: p.minCases, cf: p.cf, deadline }))),
  explain: ({ ctx, batch, state }) => explainWithRules(ctx.task, batch, state),
};
