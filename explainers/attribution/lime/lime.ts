/**
 * LIME (Ribeiro, Singh & Guestrin, KDD 2016) as the reference package marcotcr/lime computes it, on the
 * predicted probability of the target class:
 * - images: superpixels (quickshift with LIME's settings, SLIC or a grid) switched on and off at
 *   random, hidden pixels taken from the segment mean or a constant, cosine distance to the all-on row,
 *   kernel width 0.25 (image-neighbourhood.ts). Quickshift's tie-breaking noise has a fixed seed
 *   (`segmentationSeed`, 42 as scikit-image's default that lime's SegmentationAlgorithm keeps), so the
 *   segments of an input do not change with the run seed; only the on/off sampling does;
 * - tabular: quartile bins from the training split or --background (fit), bins drawn with training
 *   frequencies and values from each bin's truncated normal, Euclidean distance on the binary rows,
 *   kernel width 0.75 sqrt(d) (tabular-neighbourhood.ts); on a typed table a one-hot categorical
 *   feature is one interpretable feature, its level drawn with its training frequency and its weight
 *   shared among its columns, as occlusion and KernelSHAP treat it (typed-neighbourhood.ts);
 * - both: feature selection and a weighted ridge surrogate (surrogate.ts).
 * Each segment's (or feature's) surrogate weight is painted onto its input elements; unselected ones
 * get 0. Every neighbourhood of a batch goes through the engine in one stacked call, so a neighbourhood
 * of N rows costs N forward passes (row 0, the input itself, included).
 *
 * With pick = B > 0, SP-LIME picks B of the inputs explained in the same explain() call as a global
 * view, and the same pick is put in `extras.pick` of every one of them. Its features must mean the same
 * thing in every instance, so it needs tabular inputs or the grid segmentation.
 */
import type { TaskView } from '../../../datasets/task.js';
import { levelOf } from '../../../datasets/typed-features.js';
import { sizeOf } from '../../../core/batch.js';
import { UserError } from '../../../core/errors.js';
import { int, num, numberOr, oneOf, type ParamValues } from '../../../core/params.js';
import { type Rng, rngFor } from '../../../core/rng.js';
import { imageGeometry } from '../image-geometry.js';
import { matrix } from '../../../numeric/linalg.js';
import { type FeatureGroup, paintGroups, pixelGroups, segmentImage, segmentPixels, singleElementGroups, tabularGroups } from '../feature-groups.js';
import type { Segmentation } from '../segmentation/types.js';
import { type Stack, stackedTargetOutputs } from '../stack.js';
import type { AttributionExplainer } from '../../types.js';
import { limeCard, limeDifferences } from './lime.card.js';
import { FEATURE_SELECTIONS } from './feature-selection.js';
import { fillPerturbed, fudgedImage, randomMasks } from './image-neighbourhood.js';
import { cosineDistanceToOnes, euclideanDistanceToOnes, neighbourhoodWeights } from './kernel.js';
import { binNames, type FeatureBins, quartileBins } from './quartile-discretiser.js';
import { submodularPick } from './submodular-pick.js';
import { type Surrogate, fitSurrogate } from './surrogate.js';
import { type TabularNeighbourhood, tabularNeighbourhood } from './tabular-neighbourhood.js';
import { type LevelSampler, levelSamplers, typedNeighbourhood } from './typed-neighbourhood.js';

const params = {
  samples: int({
    default: 0,
    min: 0,
    max: 1_000_000,
    description:
      'neighbourhood size per input, the input itself included; 0 = the reference defaults, 1000 for images and 5000 for tabular',
  }),
  kernelWidth: num({
    default: 0,
    min: 0,
    max: 1e6,
    description:
      'width of the kernel sqrt(exp(-d^2 / w^2)); 0 = the reference defaults, 0.25 for images (cosine distance) and 0.75 ' +
      'sqrt(features) for tabular (Euclidean)',
  }),
  featureSelection: oneOf(
    FEATURE_SELECTIONS,
    'auto',
    "features kept before the final ridge: auto (forward if numFeatures <= 6, else highest_weights), forward, highest_weights, " +
    "lasso_path, none",
  ),
  numFeatures: int({
    default: 0,
    min: 0,
    max: 100000,
    description: 'K, the features the surrogate keeps; 0 = the reference defaults, all segments for images and 10 for tabular',
  }),
  hideColor: numberOr('mean', {
    default: 'mean',
    description:
      "images: what a hidden segment shows, 'mean' = its own mean per channel (the reference default), or one value (LIME's MNIST " +
      "tutorial: 0)",
  }),
  segmentation: oneOf(
    ['quickshift', 'slic', 'grid'] as const,
    'quickshift',
    'images: superpixels by quickshift (the reference default), SLIC, or square grid cells',
  ),
  kernelSize: num({
    default: 0,
    min: 0,
    max: 100,
    description: "quickshift density kernel (>= 1); 0 = LIME's 4, or 1 on digit-sized images (both sides <= 32), as LIME's MNIST tutorial",
  }),
  maxDist: num({ default: 200, min: 0, max: 1e6, description: 'quickshift: links longer than this are cut (LIME: 200)' }),
  ratio: num({ default: 0.2, min: 0, max: 1, description: 'quickshift: weight of colour against space (LIME: 0.2)' }),
  sigma: num({ default: 0, min: 0, max: 100, description: 'quickshift: Gaussian pre-blur (scikit-image default 0)' }),
  segmentationSeed: int({
    default: 42,
    min: -1,
    max: 2 ** 31 - 1,
    description:
      "quickshift: seed of its tie-breaking noise, fixed as in lime's SegmentationAlgorithm (scikit-image's random_seed=42); -1 = " +
      "drawn from the run seed per sample (then segments change from run to run)",
  }),
  segments: int({ default: 100, min: 2, max: 100000, description: 'SLIC: approximate number of superpixels (scikit-image default 100)' }),
  compactness: num({ default: 0.1, min: 1e-6, max: 1e6, description: 'SLIC: compactness on range-normalised intensities' }),
  cell: int({ default: 4, min: 1, max: 1024, description: 'grid: cell side in pixels' }),
  backgroundRows: int({
    default: 0,
    min: 0,
    max: 10_000_000,
    description: 'tabular: training rows the bin statistics come from, drawn at fit; 0 = all',
  }),
  pick: int({
    default: 0,
    min: 0,
    max: 100000,
    description: 'SP-LIME: pick this many of the inputs explained together as a global view (extras.pick of every sample); 0 = off',
  }),
} as const;

type Params = typeof params;
type P = ParamValues<Params>;

/** What LIME's fit keeps: nothing for images; for tabular tasks the training data's bin statistics. */
export type LimeState = { readonly kind: 'image' } | TabularBins;

/** The quartile bins of every feature and their names in original units. */
export interface TabularBins {
  readonly kind: 'tabular';
  readonly bins: readonly FeatureBins[];
  readonly names: readonly string[][];
  /** Typed tables with one-hot features: their level frequencies (typed-neighbourhood.ts). */
  readonly levels?: readonly LevelSampler[];
}

/** Digit-sized images get LIME's MNIST-tutorial quickshift kernel (1), others LIME's default (4). */
function quickshiftKernelSize(height: number, width: number, kernelSize: number): number {
  if (kernelSize > 0) return kernelSize;
  return Math.max(height, width) <= 32 ? 1 : 4;
}

/**
 * The stream of quickshift's tie noise: one fixed stream for every input (lime passes the same
 * random_seed to every call), or the run's per-sample stream with segmentationSeed = -1. The sampling
 * of on/off masks always keeps the run seed, so run-to-run measures LIME's sampling, not its segments.
 */
function segmentationRng(ctx: { rng(sampleId: string, purpose: string): Rng }, sampleId: string, seed: number): Rng {
  return seed < 0 ? ctx.rng(sampleId, 'lime-segmentation') : rngFor(seed, 'lime-quickshift-noise');
}

function segment(x: Float32Array, shape: readonly number[], p: P, noise: Rng, valueRange?: readonly [number, number]): Segmentation {
  const { height, width } = imageGeometry(shape);
  switch (p.segmentation) {
    case 'grid':
      return segmentImage(x, shape, { method: 'grid', cell: p.cell });
    case 'slic':
      return segmentImage(x, shape, { method: 'slic', segments: p.segments, compactness: p.compactness }, valueRange);
    default: {
      const kernelSize = quickshiftKernelSize(height, width, p.kernelSize);
      if (kernelSize < 1) throw new UserError(`lime.kernelSize=${p.kernelSize}: quickshift needs a kernel size >= 1 (or 0 for auto)`);
      const options = { kernelSize, maxDist: p.maxDist, ratio: p.ratio, sigma: p.sigma };
      return segmentImage(x, shape, { method: 'quickshift', options, noise }, valueRange);
    }
  }
}

function fitTabular(task: TaskView, rows: number, rng: Rng): TabularBins {
  const data = task.background;
  if (!data || data.n === 0) {
    throw new UserError(`lime: task ${task.id} has no background data for the tabular bin statistics (give --background FILE)`);
  }
  const d = sizeOf(task.sampleShape);
  const n = rows > 0 && rows < data.n ? rows : data.n;
  const picks = n < data.n ? rng.sample(data.n, n) : Array.from({ length: n }, (_, r) => r);
  const bins: FeatureBins[] = [];
  const names: string[][] = [];
  for (let k = 0; k < d; k++) {
    const column = Float64Array.from(picks, (r) => data.data[r * d + k]);
    const b = quartileBins(column);
    bins.push(b);
    // Names in original units: the bins are monotone in the standardised value.
    const raw = task.scale ? Float64Array.from(b.quartiles, (q) => q * task.scale!.std[k] + task.scale!.mean[k]) : b.quartiles;
    names.push(binNames(task.featureNames[k] ?? `x${k}`, raw));
  }
  const levels = levelSamplers(task, data, picks);
  return { kind: 'tabular', bins, names, ...(levels.length > 0 ? { levels } : {}) };
}

/** A typed table's plan: one interpretable feature per typed feature, one-hot ones drawn by level. */
function typedPlan(task: TaskView, x: Float32Array, nb: TabularNeighbourhood, tab: TabularBins, samples: number, rng: Rng): Plan {
  const typed = typedNeighbourhood(task, x, nb, tab.levels!, samples, rng);
  const features = task.features!;
  const names = (k: number) => {
    const f = features[k];
    // A categorical feature reads by its level (a binary one's 0/1 column falls in a bin per level).
    if (f.kind === 'categorical') return `${f.name} = ${f.levels[typed.instanceLevels[k] >= 0 ? typed.instanceLevels[k] : levelOf(task, f, x)]}`;
    return tab.names[f.columns[0]][nb.instanceBins[f.columns[0]]];
  };
  return { masks: typed.masks, features: features.length, groups: tabularGroups(task, x.length), names };
}

interface Plan {
  readonly masks: Uint8Array;
  readonly features: number;
  readonly segmentation?: Segmentation;
  /** The input elements of each feature (a segment's pixels across channels, or one tabular feature). */
  readonly groups: readonly FeatureGroup[];
  readonly names: (feature: number) => string;
}

export const limeExplainer: AttributionExplainer<Params, LimeState> = {
  api: 2,
  id: 'lime',
  family: 'attribution',
  description:
    'LIME: a sparse weighted-ridge surrogate of the target probability fitted on random on/off perturbations of superpixels or ' +
    'binned features. ' +
    "Quickshift's tie noise has a fixed seed as in lime (segmentationSeed), so only the sampling follows the run seed.",
  needs: ['predict', 'training-data'],
  output: 'probability',
  deterministic: false,
  properties: [],
  card: limeCard,
  differences: limeDifferences,
  params,
  fit(ctx, p) {
    if (ctx.task.kind !== 'tabular') return { kind: 'image' };
    return fitTabular(ctx.task, p.backgroundRows, ctx.rng('lime-background'));
  },
  explain({ ctx, batch, targets, sampleIds, params: p, state }) {
    const d = sizeOf(batch.sampleShape);
    const image = ctx.task.kind === 'image';
    const tab = state?.kind === 'tabular' ? state : undefined;
    if (!image && !tab) throw new Error('lime: fit() must run before explain() on tabular tasks');
    if (p.pick > 0 && image && p.segmentation !== 'grid') {
      const why = `SP-LIME needs features shared by all inputs: tabular inputs or segmentation=grid (got ${p.segmentation})`;
      throw new UserError(`lime.pick=${p.pick}: ${why}`);
    }
    const samples = p.samples > 0 ? p.samples : image ? 1000 : 5000;
    const hide = params.hideColor.read(p.hideColor);
    const channels = image ? imageGeometry(batch.sampleShape).channels : 1;

    const plans: Plan[] = [];
    const stacks: Stack[] = [];
    for (let i = 0; i < batch.n; i++) {
      const x = batch.data.subarray(i * d, (i + 1) * d);
      if (image) {
        const seg = segment(x, batch.sampleShape, p, segmentationRng(ctx, sampleIds[i], p.segmentationSeed), ctx.task.valueRange);
        const pixels = segmentPixels(seg);
        const fudged = fudgedImage(x, pixels, channels, hide);
        const masks = randomMasks(samples, seg.count, ctx.rng(sampleIds[i], 'lime-perturbation'));
        plans.push({ masks, features: seg.count, segmentation: seg, groups: pixelGroups(pixels, channels), names: (j) => `segment ${j}` });
        stacks.push({
          rows: samples,
          target: targets[i],
          writesAll: true,
          fill: (out) => fillPerturbed(out, x, fudged, pixels, channels, masks, samples),
        });
      } else if (tab) {
        const nb = tabularNeighbourhood(x, tab.bins, samples, ctx.rng(sampleIds[i], 'lime-sampling'));
        plans.push(tab.levels ? typedPlan(ctx.task, x, nb, tab, samples, ctx.rng(sampleIds[i], 'lime-levels')) : {
          masks: nb.masks, features: d, groups: singleElementGroups(d), names: (k) => tab.names[k][nb.instanceBins[k]],
        });
        stacks.push({ rows: samples, target: targets[i], writesAll: true, fill: (out) => out.set(nb.inputs) });
      }
    }
    const f = stackedTargetOutputs(ctx.engine, batch.sampleShape, stacks, 'probability');

    const attributions = new Float32Array(batch.n * d);
    const surrogates: Surrogate[] = [];
    const extras: Record<string, unknown>[] = [];
    for (let i = 0; i < batch.n; i++) {
      const { masks, features, segmentation, groups, names } = plans[i];
      const width = p.kernelWidth > 0 ? p.kernelWidth : image ? 0.25 : 0.75 * Math.sqrt(features);
      const w = neighbourhoodWeights(masks, samples, features, width, image ? cosineDistanceToOnes : euclideanDistanceToOnes);
      const k = p.numFeatures > 0 ? p.numFeatures : image ? 100000 : 10;
      const s = fitSurrogate(matrix(samples, features, masks), f[i], w, { featureSelection: p.featureSelection, numFeatures: k });
      surrogates.push(s);
      // A one-hot feature's weight is shared among its columns (their sum is the feature's), as occlusion
      // and KernelSHAP do; a single-element group gets the weight itself.
      const chosen = s.features.map(({ feature }) => groups[feature]);
      paintGroups(attributions, i * d, chosen, (j) => (image ? s.features[j].weight : s.features[j].weight / chosen[j].length));
      const extra: Record<string, unknown> = {
        score: s.score,
        localPrediction: s.localPrediction,
        intercept: s.intercept,
        prediction: f[i][0],
        features: s.features.map(({ feature, weight }) => ({ feature, name: names(feature), weight })),
        samples,
        kernelWidth: width,
      };
      if (segmentation) {
        extra.segments = Array.from(segmentation.labels);
        extra.segmentCount = segmentation.count;
      }
      extras.push(extra);
    }

    if (p.pick > 0) {
      const pick = spLimePick(surrogates, plans, sampleIds, p.pick);
      for (const e of extras) e.pick = pick;
    }
    return { attributions, extras };
  },
};

/** SP-LIME's global view: `budget` of the inputs explained together, chosen by submodular pick over their surrogates. */
function spLimePick(surrogates: readonly Surrogate[], plans: readonly Plan[], sampleIds: readonly string[], budget: number) {
  const picked = submodularPick(
    surrogates.map((s, i) => s.features.map(({ feature, weight }) => ({ name: plans[i].names(feature), weight }))),
    budget,
  );
  return {
    budget,
    instances: picked.indices.map((j) => sampleIds[j]),
    indices: picked.indices,
    coverage: picked.coverage,
    totalCoverage: picked.totalCoverage,
    features: picked.features,
  };
}
