/**
 * `zero-shot-kg`: zero-shot digit recognition explained by knowledge-graph paths (docs/explainers.md,
 * concept paths). Fitted per task on the split's seen digits: DAP or ESZSL scores every digit from its
 * attribute signature, calibrated stacking (or Socher's novelty gate) decides among seen and unseen
 * digits, and each decision is explained by the graph paths from the predicted digit through its
 * strongest attributes to WordNet concepts, and to the seen digits it resembles through shared parts.
 */
import { UserError } from '../../core/errors.js';
import { int, num, oneOf, type ParamValues } from '../../core/params.js';
import { attributeNode, digitNode } from '../../datasets/knowledge-graph/graph.js';
import type { StructuredExplainer } from '../types.js';
import { zeroShotKgCard } from './zero-shot-kg.card.js';
import { conceptPathText } from './concept-text.js';
import type { ConceptPathExplanation, ConceptPathGlobal, SimilarClass } from './payload.js';
import { ZeroShotSystem } from './zero-shot-system.js';

const params = {
  scorer: oneOf(['dap', 'eszsl'], 'dap', 'class scores from attributes: DAP (Lampert et al.) or ESZSL (Romera-Paredes & Torr)'),
  gzsl: oneOf(
    ['stacking', 'novelty'],
    'stacking',
    'seen-vs-unseen decision: calibrated stacking (Chao et al.) or the Gaussian novelty gate (Socher et al.)',
  ),
  keepSeen: num({
    default: 0.9,
    min: 0.5,
    max: 1,
    description: 'calibrated stacking: share of held-out seen images that must stay predicted as seen',
  }),
  noveltyQuantile: num({
    default: 0.9,
    min: 0.5,
    max: 1,
    description: 'novelty threshold: this quantile of held-out seen images\' novelty',
  }),
  topAttributes: int({ default: 3, min: 1, max: 14, description: 'explanatory attributes per decision (positive evidence only)' }),
  similar: int({ default: 2, min: 0, max: 7, description: 'similar seen classes per decision' }),
  hops: int({ default: 2, min: 0, max: 3, description: 'WordNet hypernym hops shown above each attribute\'s concept' }),
  iterations: int({ default: 300, min: 10, max: 5000, description: 'gradient steps of the attribute predictors' }),
} as const;
type Params = ParamValues<typeof params>;

export const zeroShotKgExplainer: StructuredExplainer<typeof params, ZeroShotSystem, ConceptPathExplanation, ConceptPathGlobal> = {
  api: 2,
  id: 'zero-shot-kg',
  family: 'concept-path',
  description: 'zero-shot recognition (DAP/ESZSL, calibrated stacking, Socher novelty) explained by knowledge-graph concept paths',
  needs: ['knowledge-graph', 'layers', 'predict', 'training-data'],
  needsClasses: 'recognises classes from the classifier\'s features and class probabilities',
  output: 'probability',
  deterministic: true,
  kinds: ['image'],
  params,
  card: zeroShotKgCard,
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
        .map((s) => ({
          class: s,
          score: a.scores[i * 10 + s],
          shared: g.attributesOf(cls).filter((x) => g.attributesOf(s).includes(x)).sort(),
        }))
        .sort((x, y) => y.score - x.score || x.class - y.class)
        .slice(0, p.similar);
      const similarPaths = similar.flatMap((s) => s.shared.slice(
        0,
        2,
      ).map((x) => [digitNode(cls), 'has_part', attributeNode(x), 'part_of', digitNode(s.class)]));
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
