/**
 * The detection score: does an explainer reveal that a model depends on a protected attribute? Over
 * explanations of a model known to use the attribute (positives, e.g. the hiring-biased models and
 * their seed replicates) and of one known not to (negatives, hiring-fair), the AUROC with which the
 * attribute's attribution share separates the two: 1 = every biased-model explanation gives the
 * attribute more weight than every fair-model one, 0.5 = no better than chance. The interval
 * resamples positives and negatives each within itself. The design follows the "does the explanation
 * detect a known model defect" tests of Adebayo et al. 2022 ("Post hoc explanations may be
 * ineffective for detecting unknown spurious correlation") and Kim et al. 2021 ("Sanity simulations
 * for saliency methods"), with a planted protected-attribute dependence as the defect.
 */
import { auroc } from '../../concept-path/novelty-auroc.js';
import { groupsInterval, type Interval, type ResampleOptions } from './resample-mean.js';

export function detectionScore(biasedShares: readonly number[], fairShares: readonly number[], opts: ResampleOptions): Interval {
  if (biasedShares.length === 0 || fairShares.length === 0) throw new RangeError('detectionScore: both groups need explanations');
  return groupsInterval([biasedShares, fairShares], ([p, n]) => auroc(Array.from(p), Array.from(n)), opts);
}
