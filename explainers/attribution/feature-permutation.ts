/**
 * Feature permutation (Breiman 2001's permutation importance, per input as Captum's FeaturePermutation
 * attributes it; Fisher et al. 2019): feature j's value is the drop of the target logit when x_j is
 * replaced by its value in another row of the data, averaged over `samples` rows. Captum permutes a
 * feature within the batch being explained, which makes an input's attribution depend on which inputs
 * share its batch; here the rows are drawn from the task's training data with the sample's own seeded
 * stream, so results do not depend on chunking or --jobs. Tabular tasks only.
 */
import { sizeOf } from '../../core/batch.js';
import { UserError } from '../../core/errors.js';
import { int } from '../../core/params.js';
import type { AttributionExplainer } from '../types.js';
import { featurePermutationCard, featurePermutationDifferences } from './feature-permutation.card.js';
import { type Stack, stackedTargetOutputs } from './stack.js';

const params = {
  samples: int({ default: 10, min: 1, max: 100000, description: "data rows drawn per feature (forward passes per feature); Captum permutes once per call" }),
} as const;

/** The training rows replacement values come from (rows * d values). */
interface PermutationState {
  readonly rows: Float32Array;
  readonly n: number;
}

export const featurePermutationExplainer: AttributionExplainer<typeof params, PermutationState> = {
  api: 2,
  id: 'feature-permutation',
  family: 'attribution',
  description: "Feature permutation: the drop of the target logit when a feature takes another data row's value.",
  needs: ['predict', 'training-data'],
  kinds: ['tabular'],
  output: 'logit',
  deterministic: false,
  properties: ['dummy', 'implementation-invariance', 'saturation'],
  card: featurePermutationCard,
  differences: featurePermutationDifferences,
  params,
  fit(ctx) {
    const data = ctx.task.background;
    if (!data || data.n === 0) throw new UserError(`feature-permutation: task ${ctx.task.id} has no background data (give --background FILE)`);
    return { rows: data.data, n: data.n };
  },
  explain({ ctx, batch, targets, sampleIds, params: p, state }) {
    if (!state) throw new Error('feature-permutation: fit() must run before explain()');
    const d = sizeOf(batch.sampleShape);
    const stacks: Stack[] = [];
    for (let i = 0; i < batch.n; i++) {
      const x = batch.data.subarray(i * d, (i + 1) * d);
      const rng = ctx.rng(sampleIds[i], 'feature-permutation');
      const picks = Int32Array.from({ length: d * p.samples }, () => rng.int(state.n));
      stacks.push({
        rows: 1 + d * p.samples,
        target: targets[i],
        writesAll: true,
        fill(out) {
          out.set(x, 0);
          for (let j = 0; j < d; j++) {
            for (let s = 0; s < p.samples; s++) {
              const at = (1 + j * p.samples + s) * d;
              out.set(x, at);
              out[at + j] = state.rows[picks[j * p.samples + s] * d + j];
            }
          }
        },
      });
    }
    const f = stackedTargetOutputs(ctx.engine, batch.sampleShape, stacks, 'logit');
    const attributions = new Float32Array(batch.n * d);
    for (let i = 0; i < batch.n; i++) {
      for (let j = 0; j < d; j++) {
        let drop = 0;
        for (let s = 0; s < p.samples; s++) drop += f[i][0] - f[i][1 + j * p.samples + s];
        attributions[i * d + j] = drop / p.samples;
      }
    }
    return { attributions };
  },
};
