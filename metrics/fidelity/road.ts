/**
 * road, RemOve And Debias (Rong et al. 2022): remove a growing percentage of the input elements in
 * attribution order, fill them by noisy linear imputation (noisy-linear-imputation.ts) instead of a
 * constant, and read the model. MoRF (most relevant first) should hurt fast: lower is better; LeRF
 * (least relevant first) should hurt slowly: higher is better. The value per sample is the mean over
 * the percentages of the target probability (or of 1[prediction = target], the paper's accuracy), i.e.
 * the area under the ROAD curve with unit width.
 */
import { sizeOf } from '../../core/batch.js';
import { num, numberList, oneOf } from '../../core/params.js';
import { backgroundGaussian, imputeGaussian, imputeImage, type Gaussian } from './noisy-linear-imputation.js';
import { attributionOf, attributionProblem, checkInput, nullValue } from '../common/per-sample.js';
import { rankByAttribution } from '../common/perturbation-curve.js';
import type { AttributionMetric, MetricValue } from '../types.js';

const ID = 'road';

const params = {
  percentages: numberList({
    default: [10, 20, 30, 40, 50, 60, 70, 80, 90],
    integer: true,
    min: 1,
    max: 99,
    description: 'percentages of elements removed (Quantus range(1, 100, 2) = 50 points; 9 by default for cost)',
  }),
  order: oneOf(
    ['morf', 'lerf'],
    'morf',
    'morf: most relevant removed first (lower is better); lerf: least relevant first (higher is better)',
  ),
  rank: oneOf(['signed', 'absolute'], 'signed', 'ranking key: the attribution, or |attribution| (image pixels: summed over channels)'),
  output: oneOf(
    ['probability', 'accuracy'],
    'probability',
    'per point: target probability, or 1 when the prediction is still the target (Rong et al.)',
  ),
  noise: num({ default: 0.01, min: 0, max: 10, description: 'standard deviation of the noise added to imputed values (Rong et al. 0.01)' }),
} as const;

/** Ranking key of each pixel (or feature): the attribution summed over channels, or |attribution| summed. */
function unitKeys(a: Float32Array, units: number, c: number, rank: 'signed' | 'absolute'): Float64Array {
  const key = new Float64Array(units);
  for (let u = 0; u < units; u++) for (let ch = 0; ch < c; ch++) key[u] += rank === 'absolute' ? Math.abs(a[u * c + ch]) : a[u * c + ch];
  return key;
}

export const road: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'fidelity',
  direction: 'lower',
  directionFor: (p) => (p.order === 'morf' ? 'lower' : 'higher'),
  ideal: 0,
  description:
    'Mean over removal percentages (default 10..90 by 10) of the target probability after the most relevant pixels (or ' +
    'features) are imputed by noisy linear imputation: the 8-neighbour linear system of Rong et al. on images, the Gaussian ' +
    'conditional mean given the kept features (fitted to background data) on tabular tasks; noise 0.01. order=morf (default): ' +
    'lower is better, ideal 0; order=lerf: higher is better (the declared direction is the default order\'s).',
  reference:
    'Rong, Leemann, Borisov, Kasneci & Kasneci 2022 ("A consistent and efficient evaluation strategy for attribution methods", ' +
    'ICML), noisy linear imputation with neighbour weights 1/6 and 1/12 and noise 0.01; Quantus ROAD (percentages 1..99 step 2, ' +
    'accuracy). We default to 9 percentages and the target probability per sample; output=accuracy gives the paper\'s curve.',
  requires: ['model'],
  params,
  evaluate(ctx, input, p) {
    const where = `metric ${ID}`;
    checkInput(input, where);
    const percentages = params.percentages.read(p.percentages);
    const { batch } = input;
    const shape = batch.sampleShape;
    const d = sizeOf(shape);
    const image = ctx.task.kind === 'image' && (shape.length === 2 || shape.length === 3);
    const [h, w, c] = image ? [shape[0], shape[1], shape[2] ?? 1] : [1, d, 1];
    const units = h * w;

    let gaussian: Gaussian | null = null;
    let missing: string | null = null;
    if (!image) {
      const bg = ctx.task.background;
      if (!bg || bg.n < 2 || sizeOf(bg.sampleShape) !== d) {
        missing = 'ROAD on non-image inputs needs background data (two rows or more) to fit the imputation';
      }
      else gaussian = backgroundGaussian(bg.data, d);
    }
    if (p.output === 'accuracy' && ctx.engine.model.score) {
      // A score model's one output is always the argmax (core/model.ts): accuracy would be 1 whatever is removed.
      missing = 'output=accuracy needs classes, and the model gives a score (output=probability reads the score itself)';
    }

    const values: MetricValue[] = new Array(batch.n);
    const scored: number[] = [];
    for (let i = 0; i < batch.n; i++) {
      const problem = attributionProblem(attributionOf(input, i)) ?? missing;
      if (problem) values[i] = nullValue(problem);
      else scored.push(i);
    }
    const points = percentages.length;
    if (scored.length === 0) return { values, details: { percentages, order: p.order } };

    const rows = new Float32Array(scored.length * points * d);
    scored.forEach((i, s) => {
      const x = batch.data.subarray(i * d, (i + 1) * d);
      const ranked = rankByAttribution(unitKeys(attributionOf(input, i), units, c, p.rank), 'signed');
      percentages.forEach((pct, k) => {
        // At least one unit stays, so the imputation always has something to extend.
        const count = Math.min(units - 1, Math.round((pct / 100) * units));
        const removed = new Uint8Array(units);
        for (let r = 0; r < count; r++) removed[p.order === 'morf' ? ranked[r] : ranked[units - 1 - r]] = 1;
        const rng = ctx.rng(input.sampleIds[i], `road-noise-${pct}`);
        const filled = image ? imputeImage(x, h, w, c, removed, p.noise, rng) : imputeGaussian(x, removed, gaussian!, p.noise, rng);
        rows.set(filled, (s * points + k) * d);
      });
    });
    const nc = ctx.engine.numClasses;
    const out = ctx.engine.outputs({ n: scored.length * points, sampleShape: shape, data: rows }, 'probability');
    const meanCurve = new Float64Array(points);
    scored.forEach((i, s) => {
      const t = input.targets[i];
      let sum = 0;
      let finite = true;
      for (let k = 0; k < points; k++) {
        const row = out.subarray((s * points + k) * nc, (s * points + k + 1) * nc);
        if (!row.every(Number.isFinite)) finite = false;
        let best = 0;
        for (let q = 1; q < nc; q++) if (row[q] > row[best]) best = q;
        const y = p.output === 'accuracy' ? (best === t ? 1 : 0) : row[t];
        meanCurve[k] += y / scored.length;
        sum += y;
      }
      values[i] = finite ? sum / points : nullValue('model output is not finite');
    });
    const direction = p.order === 'morf' ? 'lower' : 'higher';
    return { values, details: { percentages, order: p.order, direction, meanCurve: Array.from(meanCurve) } };
  },
};
