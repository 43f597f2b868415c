/**
 * The registry of built-in explainers (ids are part of the contract), lookup by id, and the hook that
 * renders one sample's explanation as English and Korean text.
 */
import type { TaskView } from '../datasets/task.js';
import { type Batch, sampleOf, sizeOf } from '../core/batch.js';
import { UserError } from '../core/errors.js';
import { attributionText } from './attribution/attribution-text.js';
import { zeroShotKgExplainer } from './concept-path/zero-shot-kg.js';
import { counterfactualExplainer } from './examples/counterfactual.js';
import { nearestNeighboursExplainer } from './examples/nearest-neighbours.js';
import { generativeBoundaries } from './examples/generative-boundaries.js';
import { epsilonBall } from './examples/epsilon-ball.js';
import { deconvnetExplainer } from './attribution/deconvnet.js';
import { deepShapExplainer } from './attribution/deep-shap.js';
import { deepliftExplainer } from './attribution/deeplift.js';
import { featurePermutationExplainer } from './attribution/feature-permutation.js';
import { gradCamExplainer } from './attribution/grad-cam.js';
import { gradientShapExplainer } from './attribution/gradient-shap.js';
import { guidedBackpropExplainer } from './attribution/guided-backprop.js';
import { guidedGradCamExplainer } from './attribution/guided-grad-cam.js';
import { shapleySamplingExplainer } from './attribution/shapley-sampling.js';
import { vargradExplainer } from './attribution/vargrad.js';
import { gradientExplainer } from './attribution/gradient.js';
import { gradientXInputExplainer } from './attribution/gradient-x-input.js';
import { integratedGradientsExplainer } from './attribution/integrated-gradients.js';
import { kernelShapExplainer } from './attribution/kernel-shap.js';
import { limeExplainer } from './attribution/lime/lime.js';
import { lrpExplainer } from './attribution/lrp/lrp.js';
import { occlusionExplainer } from './attribution/occlusion.js';
import { randomExplainer } from './attribution/random.js';
import { rulesExplainers } from './rules/index.js';
import { smoothgradExplainer } from './attribution/smoothgrad.js';
import { type PluginExplainer, toCurrentApi } from './plugin-api.js';
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
  deepliftExplainer,
  deepShapExplainer,
  gradientShapExplainer,
  gradCamExplainer,
  guidedGradCamExplainer,
  guidedBackpropExplainer,
  deconvnetExplainer,
  vargradExplainer,
  featurePermutationExplainer,
  shapleySamplingExplainer,
  zeroShotKgExplainer,
  nearestNeighboursExplainer,
  counterfactualExplainer,
  generativeBoundaries,
  epsilonBall,
  ...rulesExplainers,
];

/** Plugins loaded in this process (`--explainer ./my-explainer.ts`), by id; they take precedence. */
const plugins = new Map<string, Explainer>();

/**
 * Registers a user's explainer, of either contract (plugin-api.ts), and returns it in the current one.
 * Its id may not shadow a built-in unless `replace` is set (`xai-bench ci` scores a changed version of
 * a built-in against that built-in's baseline).
 */
export function registerPlugin(plugin: PluginExplainer, opts: { replace?: boolean } = {}): Explainer {
  if (!opts.replace && explainers.some((e) => e.id === plugin.id)) {
    throw new UserError(`plugin id '${plugin.id}' is the id of a built-in explainer: give the plugin its own id`);
  }
  const explainer = toCurrentApi(plugin);
  plugins.set(explainer.id, explainer);
  return explainer;
}

export function isPlugin(id: string): boolean {
  return plugins.has(id);
}

/** `flag`: the option the id came from, named in the error (explain and score take `--explainer`). */
export function getExplainer(id: string, flag = '--explainers'): Explainer {
  const found = plugins.get(id) ?? explainers.find((e) => e.id === id);
  if (!found) {
    const known = explainers.map((e) => e.id).join(', ');
    throw new UserError(
      `${flag} ${id}: unknown explainer '${id}' (known: ${known}; a plugin is given by its path, e.g. ./my-explainer.ts)`);
  }
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
