/** The metric registry: what `list metrics`, `run` and `score` see, and the library exports. */
import { UserError } from '../harness/errors.js';
import { completenessGap } from './completeness-gap.js';
import { complexity } from './complexity.js';
import { deletionAuc } from './deletion-auc.js';
import { faithfulnessCorrelation } from './faithfulness-correlation.js';
import { forwardPasses } from './forward-passes.js';
import { gradientPasses } from './gradient-passes.js';
import { insertionAuc } from './insertion-auc.js';
import { seconds } from './seconds.js';
import { sparseness } from './sparseness.js';
import { avgSensitivity } from './avg-sensitivity.js';
import { localLipschitz } from './local-lipschitz.js';
import { maxSensitivity } from './max-sensitivity.js';
import { mprt } from './mprt.js';
import { randomLogit } from './random-logit.js';
import { ris } from './ris.js';
import { ros } from './ros.js';
import { runToRun } from './run-to-run.js';
import { aopc } from './aopc.js';
import { attributionAuc } from './attribution-auc.js';
import { featureAgreement } from './feature-agreement.js';
import { infidelity } from './infidelity.js';
import { pairwiseRankAgreement } from './pairwise-rank-agreement.js';
import { pgi } from './pgi.js';
import { pgu } from './pgu.js';
import { pointingGame } from './pointing-game.js';
import { rankAgreement } from './rank-agreement.js';
import { rankCorrelation } from './rank-correlation-agreement.js';
import { relevanceMassAccuracy } from './relevance-mass-accuracy.js';
import { relevanceRankAccuracy } from './relevance-rank-accuracy.js';
import { road } from './road.js';
import { signAgreement } from './sign-agreement.js';
import { signedRankAgreement } from './signed-rank-agreement.js';
import { topKIntersection } from './top-k-intersection.js';
import { ruleFidelity } from './rule-fidelity.js';
import { ruleAccuracy } from './rule-accuracy.js';
import { ruleCoverage } from './rule-coverage.js';
import { ruleCount } from './rule-count.js';
import { ruleLength } from './rule-length.js';
import { distinctTerms } from './distinct-terms.js';
import { ruleStability } from './rule-stability.js';
import { extractionSeconds } from './extraction-seconds.js';
import type { Metric } from './types.js';
import { attributeF1 } from './concept-path/attribute-f1.js';
import { noveltyAuroc } from './concept-path/novelty-auroc.js';
import { pathFaithfulness } from './concept-path/path-faithfulness.js';
import { pathValidity } from './concept-path/path-validity.js';
import { gzslHarmonicMean, gzslSeenAccuracy, gzslUnseenAccuracy, zslUnseenAccuracy } from './concept-path/recognition.js';
import { similarClassNdcg } from './concept-path/similar-class-ndcg.js';
import { counterfactualSize } from './counterfactual-size.js';
import { counterfactualValidity } from './counterfactual-validity.js';
import { neighbourLabelAgreement } from './neighbour-label-agreement.js';
import { regionMembership } from './generative/region-membership.js';
import { acceptanceEfficiency } from './generative/acceptance-efficiency.js';
import { featureSimilarity, homogeneity } from './generative/homogeneity.js';
import { diversity, meanLatentDistance } from './generative/diversity.js';

export const metrics: readonly Metric[] = [
  deletionAuc,
  insertionAuc,
  faithfulnessCorrelation,
  completenessGap,
  sparseness,
  complexity,
  pgi,
  pgu,
  infidelity,
  road,
  aopc,
  pointingGame,
  relevanceMassAccuracy,
  relevanceRankAccuracy,
  topKIntersection,
  attributionAuc,
  featureAgreement,
  rankAgreement,
  signAgreement,
  signedRankAgreement,
  rankCorrelation,
  pairwiseRankAgreement,
  localLipschitz,
  maxSensitivity,
  avgSensitivity,
  ris,
  ros,
  runToRun,
  mprt,
  randomLogit,
  counterfactualValidity,
  counterfactualSize,
  neighbourLabelAgreement,
  regionMembership,
  acceptanceEfficiency,
  homogeneity,
  featureSimilarity,
  diversity,
  meanLatentDistance,
  zslUnseenAccuracy,
  gzslSeenAccuracy,
  gzslUnseenAccuracy,
  gzslHarmonicMean,
  noveltyAuroc,
  pathValidity,
  attributeF1,
  pathFaithfulness,
  similarClassNdcg,
  seconds,
  forwardPasses,
  gradientPasses,
  ruleFidelity,
  ruleAccuracy,
  ruleCoverage,
  ruleCount,
  ruleLength,
  distinctTerms,
  ruleStability,
  extractionSeconds,
];

export function getMetric(id: string): Metric {
  const m = metrics.find((x) => x.id === id);
  if (!m) throw new UserError(`--metrics ${id}: unknown metric (known: ${metrics.map((x) => x.id).join(', ')})`);
  return m;
}
