/**
 * protected-attribution-share and protected-attribution-rank: how prominent the task's protected
 * attribute is in each attribution (its share of the total absolute attribution, and its rank among
 * the features, 1 = largest), with a categorical feature's columns summed into one feature. Neither
 * is better high or low by itself: on a model that uses the attribute (hiring-biased) a faithful
 * explanation should show it, on one that does not (hiring-fair) it should not; the detection score
 * (metrics/fidelity/protected/detection-score.ts) turns the pair into a figure with a direction.
 */
import { sampleOf } from '../../core/batch.js';
import { typedFeaturesOf } from '../../datasets/typed-features.js';
import type { AttributionMetric, MetricContext, MetricValue } from '../types.js';
import { attributionProblem, checkInput, nullValue } from '../common/per-sample.js';
import type { AttributionInput } from '../types.js';
import { protectedProminence } from './protected/attribution-share.js';
import { NO_PROTECTED } from './protected/protected-columns.js';

const REFERENCE =
  'Protected-attribute detection as a known-defect test of explanations: Adebayo et al. 2022 ("Post hoc explanations may be ' +
  'ineffective for detecting unknown spurious correlation"); Slack et al. 2020 ("Fooling LIME and SHAP") for the audit ' +
  'setting; a categorical feature counted once, over its one-hot columns, as in SHAP practice for grouped features.';

function prominence(ctx: MetricContext, input: AttributionInput, id: string, pick: 'share' | 'rank'): MetricValue[] {
  checkInput(input, id);
  const attr = ctx.task.protectedAttribute;
  if (!attr) return input.sampleIds.map(() => nullValue(NO_PROTECTED));
  const features = typedFeaturesOf(ctx.task);
  const shaped = { ...input.batch, data: input.attributions };
  return input.sampleIds.map((_, i) => {
    const a = sampleOf(shaped, i);
    const problem = attributionProblem(a);
    if (problem) return nullValue(problem);
    const p = protectedProminence(a, features, attr.name);
    if (pick === 'rank') return p.rank;
    return p.share ?? nullValue('attribution is all zero');
  });
}

export const protectedAttributionShare: AttributionMetric<Record<string, never>> = {
  id: 'protected-attribution-share',
  family: 'attribution',
  criterion: 'fidelity',
  direction: 'descriptive',
  ideal: 0,
  description:
    "The protected attribute's share of the total absolute attribution (a categorical feature's columns summed). Read against " +
    "the model's measured dependence on it; the detection score compares biased and fair models.",
  reference: REFERENCE,
  requires: ['protected-attribute'],
  params: {},
  evaluate(ctx, input) {
    return prominence(ctx, input, 'protected-attribution-share', 'share');
  },
};

export const protectedAttributionRank: AttributionMetric<Record<string, never>> = {
  id: 'protected-attribution-rank',
  family: 'attribution',
  criterion: 'fidelity',
  direction: 'descriptive',
  ideal: 1,
  description: "The protected attribute's rank among the task's features by absolute attribution (1 = the largest; ties share the better rank).",
  reference: REFERENCE,
  requires: ['protected-attribute'],
  params: {},
  evaluate(ctx, input) {
    return prominence(ctx, input, 'protected-attribution-rank', 'rank');
  },
};
