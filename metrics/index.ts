/** The metric registry: what `list metrics`, `run` and `score` see, and the library exports. */
import { UserError } from '../core/errors.js';
import { completenessGap } from './completeness/completeness-gap.js';
import { complexity } from './complexity/complexity.js';
import { deletionAuc } from './fidelity/deletion-auc.js';
import { faithfulnessCorrelation } from './fidelity/faithfulness-correlation.js';
import { forwardPasses } from './cost/forward-passes.js';
import { gradientPasses } from './cost/gradient-passes.js';
import { insertionAuc } from './fidelity/insertion-auc.js';
import { seconds } from './cost/seconds.js';
import { sparseness } from './complexity/sparseness.js';
import { protectedAttributionRank, protectedAttributionShare } from './fidelity/protected-attribution-share.js';
import { protectedInCounterfactual, protectedInRules } from './fidelity/protected-in-structured.js';
import { avgSensitivity } from './stability/avg-sensitivity.js';
import { localLipschitz } from './stability/local-lipschitz.js';
import { maxSensitivity } from './stability/max-sensitivity.js';
import { mprt } from './sanity/mprt.js';
import { randomLogit } from './sanity/random-logit.js';
import { ris } from './stability/ris.js';
import { ros } from './stability/ros.js';
import { runToRun } from './stability/run-to-run.js';
import { aopc } from './fidelity/aopc.js';
import { attributionAuc } from './localisation/attribution-auc.js';
import { featureAgreement } from './localisation/feature-agreement.js';
import { infidelity } from './fidelity/infidelity.js';
import { pairwiseRankAgreement } from './localisation/pairwise-rank-agreement.js';
import { pgi } from './fidelity/pgi.js';
import { pgu } from './fidelity/pgu.js';
import { pointingGame } from './localisation/pointing-game.js';
import { rankAgreement } from './localisation/rank-agreement.js';
import { rankCorrelation } from './localisation/rank-correlation-agreement.js';
import { relevanceMassAccuracy } from './localisation/relevance-mass-accuracy.js';
import { relevanceRankAccuracy } from './localisation/relevance-rank-accuracy.js';
import { road } from './fidelity/road.js';
import { signAgreement } from './localisation/sign-agreement.js';
import { signedRankAgreement } from './localisation/signed-rank-agreement.js';
import { topKIntersection } from './localisation/top-k-intersection.js';
import { ruleFidelity } from './rules/rule-fidelity.js';
import { ruleAccuracy } from './rules/rule-accuracy.js';
import { ruleCoverage } from './rules/rule-coverage.js';
import { ruleCount } from './rules/rule-count.js';
import { ruleLength } from './rules/rule-length.js';
import { distinctTerms } from './rules/distinct-terms.js';
import { ruleStability } from './rules/rule-stability.js';
import { extractionSeconds } from './rules/extraction-seconds.js';
import type { Metric } from './types.js';
import { attributeF1 } from './concept-path/attribute-f1.js';
import { noveltyAuroc } from './concept-path/novelty-auroc.js';
import { pathFaithfulness } from './concept-path/path-faithfulness.js';
import { pathValidity } from './concept-path/path-validity.js';
import { gzslHarmonicMean, gzslSeenAccuracy, gzslUnseenAccuracy, zslUnseenAccuracy } from './concept-path/recognition.js';
import { similarClassNdcg } from './concept-path/similar-class-ndcg.js';
import { counterfactualSize } from './examples/counterfactual-size.js';
import { counterfactualValidity } from './examples/counterfactual-validity.js';
import { neighbourLabelAgreement } from './examples/neighbour-label-agreement.js';
import { regionMembership } from './examples/region-membership.js';
import { acceptanceEfficiency } from './examples/acceptance-efficiency.js';
import { featureSimilarity, homogeneity } from './examples/homogeneity.js';
import { diversity, meanLatentDistance } from './examples/diversity.js';

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
  protectedAttributionShare,
  protectedAttributionRank,
  protectedInCounterfactual,
  protectedInRules,
];

/** `flag`: the option the id came from, named in the error (score takes `--metric`, ci `--tolerance`). */
export function getMetric(id: string, flag = '--metrics'): Metric {
  const m = metrics.find((x) => x.id === id);
  if (!m) throw new UserError(`${flag} ${id}: unknown metric (known: ${metrics.map((x) => x.id).join(', ')})`);
  return m;
}
