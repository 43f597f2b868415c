/**
 * The method cards of the pedagogical rule extractors (c45-pedagogical, cart-pedagogical, trepan-lite):
 * one card that names the tree learner, and TREPAN's extra claim about its oracle queries.
 */
import type { MethodCard } from '../types.js';

/** The card of a pedagogical extractor whose tree is `learner`, with `extra` claims. */
const pedagogicalCard = (learner: { en: string; ko: string }, extra: MethodCard['claims'] = []): MethodCard => ({
  summary: {
    en:
      `Pedagogical rule extraction: ${learner.en} is learned from the network's own predictions on the training data, and each of its ` +
      `paths becomes an IF-THEN rule.`,
    ko: `교육적(pedagogical) 규칙 추출: 학습 데이터에 대한 신경망 자신의 예측으로 ${learner.ko}를 학습하고, 각 경로를 IF-THEN 규칙으로 만듭니다.`,
  },
  requirements: { en: "Only the model's predictions (model-agnostic) and training data.", ko: '모델의 예측(모델 비의존적)과 학습 데이터만 있으면 됩니다.' },
  claims: [
    {
      kind: 'strength',
      text: {
        en: 'Compact rules that cover every input, at a fraction of a decompositional extractor\'s cost.',
        ko: '모든 입력을 덮는 간결한 규칙을, 분해적 추출기의 일부 비용으로 얻습니다.',
      },
      evidence: ['rule-count', 'extraction-seconds'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Greedy splits on the inputs miss interactions in which no single input is informative (XOR).',
        ko: '입력에 대한 탐욕적 분할은 어느 입력 하나로는 정보가 없는 상호작용(XOR)을 놓칩니다.',
      },
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

export const c45PedagogicalCard = pedagogicalCard({ en: 'a C4.5 decision tree', ko: 'C4.5 결정 트리' });

export const cartPedagogicalCard = pedagogicalCard({ en: 'a CART decision tree', ko: 'CART 결정 트리' });

export const trepanLiteCard = pedagogicalCard({
  en: 'a C4.5 decision tree (with extra synthetic inputs labelled by the network, as TREPAN queries it)',
  ko: 'C4.5 결정 트리(TREPAN처럼 신경망이 레이블을 붙인 합성 입력을 추가로 사용)',
}, [
  {
    kind: 'strength',
    text: {
      en: 'Oracle queries show the tree more of the network than the training data does, raising fidelity off the training data.',
      ko: '오라클 질의로 학습 데이터보다 더 많은 신경망의 판단을 트리에 보여 주어, 학습 데이터 밖에서의 충실도를 높입니다.',
    },
    evidence: ['rule-fidelity'],
    expect: 'high',
  },
]);
