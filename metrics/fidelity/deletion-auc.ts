/**
 * deletion-auc: area under the MoRF deletion curve of the target probability. A faithful attribution
 * puts first the elements whose removal drops the output fastest, so lower is better.
 */
import { curveAucs, perturbationCurveParams, perturbationCurves } from '../common/perturbation-curve.js';
import type { CurveOrNull, PerturbationCurveParams } from '../common/perturbation-curve.js';
import type { AttributionInput, AttributionMetric, MetricContext } from '../types.js';

const ID = 'deletion-auc';

/** Per-sample deletion curves (for pictures). */
export function deletionCurves(ctx: MetricContext, input: AttributionInput, params: PerturbationCurveParams): CurveOrNull[] {
  return perturbationCurves(ctx, input, 'deletion', params, `metric ${ID}`);
}

export const deletionAuc: AttributionMetric<typeof perturbationCurveParams> = {
  id: ID,
  family: 'attribution',
  criterion: 'fidelity',
  direction: 'lower',
  ideal: 0,
  description:
    'Area under the curve of the target output as the most relevant input elements are cumulatively replaced by the baseline, ' +
    'in `steps` equal fractions, x in [0, 1] (trapezoid rule). Lower is better; with output=probability it lies in [0, 1].',
  reference:
    'Petsiuk, Das & Saenko 2018 (RISE), deletion metric; MoRF ordering as Samek et al. 2017. Peers: Quantus PixelFlipping ' +
    '(one element per step, black baseline), Xplique Deletion (steps=10, baseline 0), M4/InterpretDL (20 steps, grey). ' +
    'We follow M4 with 20 steps and the trapezoid AUC of Quantus/Xplique over the fraction removed; the baseline is the ' +
    "task's declared baseline by default (zero and blur on request); ties are broken by element index.",
  requires: ['model'],
  params: perturbationCurveParams,
  evaluate(ctx, input, params) {
    return curveAucs(deletionCurves(ctx, input, params));
  },
};
