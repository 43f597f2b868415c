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
import type { Metric } from './types.js';

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
  seconds,
  forwardPasses,
  gradientPasses,
];

export function getMetric(id: string): Metric {
  const m = metrics.find((x) => x.id === id);
  if (!m) throw new UserError(`--metrics ${id}: unknown metric (known: ${metrics.map((x) => x.id).join(', ')})`);
  return m;
}
