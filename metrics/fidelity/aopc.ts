/**
 * aopc, area over the MoRF perturbation curve (Samek et al. 2017, region perturbation): the input is
 * cut into square regions (features on tabular tasks), regions are ranked by their summed attribution,
 * and the top ones are replaced cumulatively by random values; AOPC = mean over k = 0..L of
 * f(x) - f(x_k). A faithful attribution removes evidence fastest: higher is better.
 */
import { sizeOf } from '../../core/batch.js';
import { UserError } from '../../core/errors.js';
import { int, oneOf } from '../../core/params.js';
import type { Rng } from '../../core/rng.js';
import type { TaskView } from '../../datasets/task.js';
import { attributionOf, checkInput, nullValue, scorableAttributions } from '../common/per-sample.js';
import { rankByAttribution } from '../common/perturbation-curve.js';
import type { AttributionMetric } from '../types.js';

const ID = 'aopc';

const params = {
  region: int({
    default: 4,
    min: 1,
    max: 1024,
    description: 'side in pixels of the square regions on images (Samek et al. 9, Quantus 8, on 224-px images; 4 suits 28-px ones)',
  }),
  steps: int({
    default: 20,
    min: 1,
    max: 100_000,
    description: 'L, regions removed (capped at the number of regions; Samek et al. 100 of ~620)',
  }),
  baseline: oneOf(
    ['noise', 'task', 'zero'],
    'noise',
    'value of a removed element: noise = U(0, 1) on images (Samek et al.; U(low, high) on an image task declaring another value ' +
    'range), N(0, 1) on standardised tabular features, drawn once per sample; task = task baseline; zero',
  ),
  output: oneOf(['probability', 'logit'], 'probability', 'model output of the target class'),
} as const;

/** Element indices of each region: r x r tiles (all channels) on images, single features otherwise. */
export function regionsOf(task: TaskView, shape: readonly number[], r: number): number[][] {
  const d = sizeOf(shape);
  if (!(task.kind === 'image' && (shape.length === 2 || shape.length === 3))) return Array.from({ length: d }, (_, j) => [j]);
  const [h, w, c = 1] = shape;
  const regions: number[][] = [];
  for (let y0 = 0; y0 < h; y0 += r) {
    for (let x0 = 0; x0 < w; x0 += r) {
      const cells: number[] = [];
      for (let y = y0; y < Math.min(h, y0 + r); y++) {
        for (let x = x0; x < Math.min(w, x0 + r); x++) for (let ch = 0; ch < c; ch++) cells.push((y * w + x) * c + ch);
      }
      regions.push(cells);
    }
  }
  return regions;
}

function fillValues(kind: 'noise' | 'task' | 'zero', task: TaskView, d: number, rng: Rng, where: string): Float32Array {
  if (kind === 'zero') return new Float32Array(d);
  if (kind === 'task') {
    if (task.baseline.length !== d) {
      throw new UserError(`${where}: the task baseline has ${task.baseline.length} values, the input has ${d} per sample`);
    }
    return task.baseline;
  }
  // Uniform noise over the image's value range ([0, 1] for the zoo's images; a user's image task declares its own).
  const [lo, hi] = task.valueRange ?? [0, 1];
  return Float32Array.from({ length: d }, () => (task.kind === 'image' ? lo + (hi - lo) * rng.next() : rng.normal()));
}

export const aopc: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'fidelity',
  direction: 'higher',
  ideal: 1,
  description:
    'Mean over k = 0..L of f(x) - f(x_k), where x_k has the k regions with the largest summed attribution (4x4 px on images, single ' +
    'features on tabular tasks) replaced cumulatively by seeded noise; f is the target probability. Higher is better (at most 1 with ' +
    'probabilities).',
  reference:
    'Samek, Binder, Montavon, Lapuschkin & Müller 2017 ("Evaluating the visualization of what a deep neural network has ' +
    'learned"): MoRF region perturbation with uniform noise, 9x9 regions, L=100, AOPC over k=0..L. Quantus RegionPerturbation ' +
    '(8x8, 100 regions) returns the curve; we return its mean, with regions sized for 28-px images and L=20.',
  requires: ['model'],
  params,
  evaluate(ctx, input, p) {
    const where = `metric ${ID}`;
    checkInput(input, where);
    const { batch } = input;
    const d = sizeOf(batch.sampleShape);
    const regions = regionsOf(ctx.task, batch.sampleShape, p.region);
    const L = Math.min(p.steps, regions.length);
    const per = L + 1;

    const { values, scored } = scorableAttributions(input);
    if (scored.length === 0) return values;

    const rows = new Float32Array(scored.length * per * d);
    const rowTargets = new Int32Array(scored.length * per);
    scored.forEach((i, s) => {
      const a = attributionOf(input, i);
      const mass = regions.map((cells) => cells.reduce((sum, j) => sum + a[j], 0));
      const ranked = rankByAttribution(mass, 'signed');
      const fill = fillValues(p.baseline, ctx.task, d, ctx.rng(input.sampleIds[i], 'aopc-noise'), where);
      const current = Float32Array.from(batch.data.subarray(i * d, (i + 1) * d));
      rowTargets.fill(input.targets[i], s * per, (s + 1) * per);
      for (let k = 0; k < per; k++) {
        if (k > 0) for (const j of regions[ranked[k - 1]]) current[j] = fill[j];
        rows.set(current, (s * per + k) * d);
      }
    });
    const f = ctx.engine.targetOutputs({ n: scored.length * per, sampleShape: batch.sampleShape, data: rows }, rowTargets, p.output);
    scored.forEach((i, s) => {
      const fx = f[s * per];
      let sum = 0;
      for (let k = 0; k < per; k++) sum += fx - f[s * per + k];
      const v = sum / per;
      values[i] = Number.isFinite(v) ? v : nullValue('model output is not finite');
    });
    return values;
  },
};
