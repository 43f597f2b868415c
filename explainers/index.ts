/**
 * The registry of built-in explainers (ids are part of the contract), lookup by id, and the hook that
 * renders one sample's explanation as English and Korean text.
 */
import type { TaskView } from '../datasets/task.js';
import { type Batch, sampleOf, sizeOf } from '../harness/batch.js';
import { UserError } from '../harness/errors.js';
import { attributionText } from './attribution-text.js';
import { gradientExplainer } from './gradient.js';
import { gradientXInputExplainer } from './gradient-x-input.js';
import { integratedGradientsExplainer } from './integrated-gradients.js';
import { kernelShapExplainer } from './kernel-shap.js';
import { limeExplainer } from './lime/lime.js';
import { lrpExplainer } from './lrp/lrp.js';
import { occlusionExplainer } from './occlusion.js';
import { randomExplainer } from './random.js';
import { smoothgradExplainer } from './smoothgrad.js';
import type { AttributionResult, Bilingual, Explainer } from './types.js';

export const explainers: readonly Explainer[] = [
  randomExplainer,
  gradientExplainer,
  gradientXInputExplainer,
  integratedGradientsExplainer,
  smoothgradExplainer,
  occlusionExplainer,
  kernelShapExplainer,
  limeExplainer,
  lrpExplainer,
];

export function getExplainer(id: string): Explainer {
  const found = explainers.find((e) => e.id === id);
  if (!found) throw new UserError(`--explainers ${id}: unknown explainer '${id}' (known: ${explainers.map((e) => e.id).join(', ')})`);
  return found;
}

/** The text for sample `i` of an explained batch. */
export function renderText(
  explainer: Explainer,
  task: TaskView,
  batch: Batch,
  targets: ArrayLike<number>,
  result: AttributionResult,
  i: number,
  topK?: number,
): Bilingual {
  const d = sizeOf(batch.sampleShape);
  return attributionText({
    task,
    input: sampleOf(batch, i),
    attribution: result.attributions.subarray(i * d, (i + 1) * d),
    target: targets[i],
    output: explainer.output,
    topK,
  });
}
