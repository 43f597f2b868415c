/**
 * insertion-auc: area under the MoRF insertion curve of the target probability. Starting from the
 * baseline, the most relevant elements are restored first, so a faithful attribution brings the output
 * back fastest: higher is better.
 */
import { curveAucs, perturbationCurveParams, perturbationCurves } from '../common/perturbation-curve.js';
import type { CurveOrNull, PerturbationCurveParams } from '../common/perturbation-curve.js';
import type { AttributionInput, AttributionMetric, MetricContext } from '../types.js';

const ID = 'insertion-auc';

/** Per-sample insertion curves (for pictures). */
export function insertionCurves(ctx: MetricContext, input: AttributionInput, params: PerturbationCurveParams): CurveOrNull[] {
  return perturbationCurves(ctx, input, 'insertion', params, `metric ${ID}`);
}

export const insertionAuc: AttributionMetric<typeof perturbationCurveParams> = {
  id: ID,
  family: 'attribution',
  criterion: 'fidelity',
  direction: 'higher',
  ideal: 1,
  description:
    'Area under the curve of the target output as the most relevant input elements are cumulatively restored onto the baseline, ' +
    'in `steps` equal fractions, x in [0, 1] (trapezoid rule). Higher is better; with output=probability it lies in [0, 1].',
  reference:
    'Petsiuk, Das & Saenko 2018 (RISE), insertion metric (RISE inserts onto a blurred image: baseline=blur). Peers: Xplique ' +
    'Insertion (steps=10, baseline 0), M4/InterpretDL (20 steps, grey canvas). We use 20 steps, the trapezoid AUC over the ' +
    "fraction restored, and the task's declared baseline by default; ties are broken by element index.",
  requires: ['model'],
  params: perturbationCurveParams,
  evaluate(ctx, input, params) {
    return curveAucs(insertionCurves(ctx, input, params));
  },
};
