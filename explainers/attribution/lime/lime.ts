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
 *   kernel width 0.75 sqrt(d) (tabular-neighbourhood.ts);
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
import { type Batch, sizeOf } from '../../../core/batch.js';
import { UserError } from '../../../core/errors.js';
import { int, num, oneOf, type ParamValues, str } from '../../../core/params.js';
import { type Rng, rngFor } from '../../../core/rng.js';
import { imageGeometry } from '../image-geometry.js';
import { matrix } from '../../../numeric/linalg.js';
import { gridSegments } from '../segmentation/grid.js';
import { quickshiftSegments } from '../segmentation/quickshift.js';
import { slicSegments } from '../segmentation/slic.js';
import type { Segmentation } from '../segmentation/types.js';
import { type Stack, stackedTargetOutputs } from '../stack.js';
import type { AttributionExplainer, MethodCard, ReferenceDifference } from '../../types.js';
import { FEATURE_SELECTIONS } from './feature-selection.js';
import { fillPerturbed, fudgedImage, randomMasks, segmentPixels } from './image-neighbourhood.js';
import { cosineDistanceToOnes, euclideanDistanceToOnes, neighbourhoodWeights } from './kernel.js';
import { binNames, type FeatureBins, quartileBins } from './quartile-discretiser.js';
import { submodularPick } from './submodular-pick.js';
import { type Surrogate, fitSurrogate } from './surrogate.js';
import { tabularNeighbourhood } from './tabular-neighbourhood.js';

const params = {
  samples: int({ default: 0, min: 0, max: 1_000_000, description: 'neighbourhood size per input, the input itself included; 0 = the reference defaults, 1000 for images and 5000 for tabular' }),
  kernelWidth: num({ default: 0, min: 0, max: 1e6, description: 'width of the kernel sqrt(exp(-d^2 / w^2)); 0 = the reference defaults, 0.25 for images (cosine distance) and 0.75 sqrt(features) for tabular (Euclidean)' }),
  featureSelection: oneOf(FEATURE_SELECTIONS, 'auto', "features kept before the final ridge: auto (forward if numFeatures <= 6, else highest_weights), forward, highest_weights, lasso_path, none"),
  numFeatures: int({ default: 0, min: 0, max: 100000, description: 'K, the features the surrogate keeps; 0 = the reference defaults, all segments for images and 10 for tabular' }),
  hideColor: str({
    default: 'mean',
    pattern: /^(mean|[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)$/,
    patternHint: "'mean' or a number",
    description: "images: what a hidden segment shows, 'mean' = its own mean per channel (the reference default), or one value (LIME's MNIST tutorial: 0)",
  }),
  segmentation: oneOf(['quickshift', 'slic', 'grid'] as const, 'quickshift', 'images: superpixels by quickshift (the reference default), SLIC, or square grid cells'),
  kernelSize: num({ default: 0, min: 0, max: 100, description: "quickshift density kernel (>= 1); 0 = LIME's 4, or 1 on digit-sized images (both sides <= 32), as LIME's MNIST tutorial" }),
  maxDist: num({ default: 200, min: 0, max: 1e6, description: 'quickshift: links longer than this are cut (LIME: 200)' }),
  ratio: num({ default: 0.2, min: 0, max: 1, description: 'quickshift: weight of colour against space (LIME: 0.2)' }),
  sigma: num({ default: 0, min: 0, max: 100, description: 'quickshift: Gaussian pre-blur (scikit-image default 0)' }),
  segmentationSeed: int({
    default: 42,
    min: -1,
    max: 2 ** 31 - 1,
    description: "quickshift: seed of its tie-breaking noise, fixed as in lime's SegmentationAlgorithm (scikit-image's random_seed=42); -1 = drawn from the run seed per sample (then segments change from run to run)",
  }),
  segments: int({ default: 100, min: 2, max: 100000, description: 'SLIC: approximate number of superpixels (scikit-image default 100)' }),
  compactness: num({ default: 0.1, min: 1e-6, max: 1e6, description: 'SLIC: compactness on range-normalised intensities' }),
  cell: int({ default: 4, min: 1, max: 1024, description: 'grid: cell side in pixels' }),
  backgroundRows: int({ default: 0, min: 0, max: 10_000_000, description: 'tabular: training rows the bin statistics come from, drawn at fit; 0 = all' }),
  pick: int({ default: 0, min: 0, max: 100000, description: 'SP-LIME: pick this many of the inputs explained together as a global view (extras.pick of every sample); 0 = off' }),
} as const;

type Params = typeof params;
type P = ParamValues<Params>;

export interface LimeState {
  /** Tabular only: the quartile bins of every feature and their names in original units. */
  readonly tabular?: { readonly bins: readonly FeatureBins[]; readonly names: readonly string[][] };
}

/** Digit-sized images get LIME's MNIST-tutorial quickshift kernel (1), others LIME's default (4). */
export function quickshiftKernelSize(height: number, width: number, kernelSize: number): number {
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

function segment(x: Float32Array, shape: readonly number[], p: P, rng: Rng): Segmentation {
  const { height, width, channels } = imageGeometry(shape);
  switch (p.segmentation) {
    case 'grid':
      return gridSegments(height, width, p.cell);
    case 'slic':
      return slicSegments(x, height, width, channels, { nSegments: p.segments, compactness: p.compactness });
    default: {
      const kernelSize = quickshiftKernelSize(height, width, p.kernelSize);
      if (kernelSize < 1) throw new UserError(`lime.kernelSize=${p.kernelSize}: quickshift needs a kernel size >= 1 (or 0 for auto)`);
      return quickshiftSegments(x, height, width, channels, { kernelSize, maxDist: p.maxDist, ratio: p.ratio, sigma: p.sigma }, rng);
    }
  }
}

function fitTabular(task: TaskView, rows: number, rng: Rng): NonNullable<LimeState['tabular']> {
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
  return { bins, names };
}

interface Plan {
  readonly masks: Uint8Array;
  readonly features: number;
  readonly segmentation?: Segmentation;
  readonly pixels?: Int32Array[];
  readonly names: (feature: number) => string;
}

/** Differences from lime, with sizes measured by tools/bench/reference-differences.ts (wasm, mnist-cnn, 16 samples). */
const differences: readonly ReferenceDifference[] = [
  {
    reference: 'lime 0.2 LimeImageExplainer with scikit-image quickshift',
    what: {
      en: "Quickshift's tie-breaking noise comes from a fixed seed (segmentationSeed=42, scikit-image's random_seed that lime's SegmentationAlgorithm keeps, as in lime's MNIST tutorial; explain_instance without a segmentation_fn draws it from the explainer's random_state instead); the on/off sampling uses the run seed. Before issue 18 the noise came from the run seed too, so on MNIST's flat backgrounds the segments changed with the seed and run-to-run penalised LIME for its segmentation rather than its sampling. segmentationSeed=-1 restores that. The noise values are not scikit-image's own (its PCG64 stream is not reproduced), so segments match scikit-image's in kind, not pixel for pixel.",
      ko: 'quickshift의 동점 처리용 잡음은 고정 시드에서 나옵니다(segmentationSeed=42로, lime의 SegmentationAlgorithm이 그대로 두는 scikit-image의 random_seed이며 lime의 MNIST 튜토리얼과 같습니다. segmentation_fn 없이 explain_instance를 부르면 lime은 설명기의 random_state에서 시드를 뽑습니다). 켜고 끄는 표본 추출에는 실행 시드를 씁니다. 이슈 18 이전에는 잡음도 실행 시드에서 나와서, MNIST의 평평한 배경에서는 시드마다 분할이 달라졌고 run-to-run 지표가 LIME의 표본 추출이 아니라 분할 때문에 점수를 깎았습니다. segmentationSeed=-1로 두면 이전처럼 동작합니다. 잡음 값 자체는 scikit-image와 같지 않으므로(PCG64 난수열은 재현하지 않습니다) 분할은 scikit-image와 같은 방식일 뿐 픽셀 단위로 같지는 않습니다.',
    },
    size: {
      en: 'mnist-cnn, 16 inputs, run seeds 1 and 2: with the run seed all 16 segmentations changed and the two explanations correlated at Spearman 0.61 on average; with the fixed seed none changed and the correlation is 0.94.',
      ko: 'mnist-cnn의 입력 16개를 실행 시드 1과 2로 설명했을 때, 실행 시드를 쓰면 16개 분할이 모두 바뀌었고 두 설명의 스피어먼 상관 평균은 0.61이었습니다. 고정 시드를 쓰면 바뀐 분할이 없고 상관은 0.94입니다.',
    },
  },
];

/** The method card (site): the seed's table (MISSION.md) and Ribeiro et al. 2016, Alvarez-Melis & Jaakkola 2018. */
const card: MethodCard = {
  summary: {
    en: 'Perturbs the input (superpixels or binned features), fits a small weighted linear model around it, and reports that model\'s weights.',
    ko: '입력(슈퍼픽셀이나 구간으로 나눈 특성)을 흔들어 본 뒤 그 주변에서 가중 선형 모델을 맞추고, 그 모델의 가중치를 설명으로 보여 줍니다.',
  },
  requirements: { en: 'Only the model\'s outputs (model-agnostic): no gradients, no layers.', ko: '모델의 출력만 있으면 됩니다(모델 비의존적). 기울기나 층 정보는 필요 없습니다.' },
  claims: [
    {
      kind: 'strength',
      text: { en: 'Intuitive and short: a few superpixels or feature ranges carry the answer.', ko: '직관적이고 간결합니다. 몇 개의 슈퍼픽셀이나 특성 구간만으로 답을 보여 줍니다.' },
      evidence: ['sparseness'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: { en: 'Not deterministic: the explanation changes from call to call.', ko: '결정적이지 않습니다. 호출할 때마다 설명이 달라집니다.' },
      evidence: ['run-to-run'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Explains one sample with a local surrogate, not the model; nearby inputs can get different explanations (Alvarez-Melis & Jaakkola 2018).',
        ko: '모델이 아니라 한 샘플을 국소 대리 모델로 설명합니다. 가까운 입력인데도 설명이 다를 수 있습니다(Alvarez-Melis와 Jaakkola 2018).',
      },
      evidence: ['max-sensitivity'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: { en: 'The choice of superpixels changes the answer.', ko: '슈퍼픽셀을 어떻게 나누느냐에 따라 답이 달라집니다.' },
      evidence: [],
      expect: 'high',
    },
  ],
  references: [
    'Ribeiro, Singh & Guestrin 2016, "Why should I trust you?", KDD',
    'Alvarez-Melis & Jaakkola 2018, "On the robustness of interpretability methods", ICML workshop',
    'lime (github.com/marcotcr/lime)',
  ],
};

export const limeExplainer: AttributionExplainer<Params, LimeState> = {
  api: 2,
  id: 'lime',
  family: 'attribution',
  description:
    'LIME: a sparse weighted-ridge surrogate of the target probability fitted on random on/off perturbations of superpixels or binned features. ' +
    "Quickshift's tie noise has a fixed seed as in lime (segmentationSeed), so only the sampling follows the run seed.",
  needs: ['predict', 'training-data'],
  output: 'probability',
  deterministic: false,
  card,
  differences,
  params,
  fit(ctx, p) {
    if (ctx.task.kind !== 'tabular') return {};
    return { tabular: fitTabular(ctx.task, p.backgroundRows, ctx.rng('lime-background')) };
  },
  explain({ ctx, batch, targets, sampleIds, params: p, state }) {
    const d = sizeOf(batch.sampleShape);
    const image = ctx.task.kind === 'image';
    if (!image && !state?.tabular) throw new Error('lime: fit() must run before explain() on tabular tasks');
    if (p.pick > 0 && image && p.segmentation !== 'grid') {
      throw new UserError(`lime.pick=${p.pick}: SP-LIME needs features shared by all inputs: tabular inputs or segmentation=grid (got ${p.segmentation})`);
    }
    const samples = p.samples > 0 ? p.samples : image ? 1000 : 5000;
    const hide = p.hideColor === 'mean' ? 'mean' : Number(p.hideColor);
    const channels = image ? imageGeometry(batch.sampleShape).channels : 1;

    const plans: Plan[] = [];
    const stacks: Stack[] = [];
    for (let i = 0; i < batch.n; i++) {
      const x = batch.data.subarray(i * d, (i + 1) * d);
      if (image) {
        const seg = segment(x, batch.sampleShape, p, segmentationRng(ctx, sampleIds[i], p.segmentationSeed));
        const pixels = segmentPixels(seg);
        const fudged = fudgedImage(x, pixels, channels, hide);
        const masks = randomMasks(samples, seg.count, ctx.rng(sampleIds[i], 'lime-perturbation'));
        plans.push({ masks, features: seg.count, segmentation: seg, pixels, names: (j) => `segment ${j}` });
        stacks.push({ rows: samples, target: targets[i], writesAll: true, fill: (out) => fillPerturbed(out, x, fudged, pixels, channels, masks, samples) });
      } else {
        const tab = state.tabular!;
        const nb = tabularNeighbourhood(x, tab.bins, samples, ctx.rng(sampleIds[i], 'lime-sampling'));
        plans.push({ masks: nb.masks, features: d, names: (k) => tab.names[k][nb.instanceBins[k]] });
        stacks.push({ rows: samples, target: targets[i], writesAll: true, fill: (out) => out.set(nb.inputs) });
      }
    }
    const f = stackedTargetOutputs(ctx.engine, batch.sampleShape, stacks, 'probability');

    const attributions = new Float32Array(batch.n * d);
    const surrogates: Surrogate[] = [];
    const extras: Record<string, unknown>[] = [];
    for (let i = 0; i < batch.n; i++) {
      const { masks, features, segmentation, pixels, names } = plans[i];
      const width = p.kernelWidth > 0 ? p.kernelWidth : image ? 0.25 : 0.75 * Math.sqrt(features);
      const w = neighbourhoodWeights(masks, samples, features, width, image ? cosineDistanceToOnes : euclideanDistanceToOnes);
      const k = p.numFeatures > 0 ? p.numFeatures : image ? 100000 : 10;
      const s = fitSurrogate(matrix(samples, features, masks), f[i], w, { featureSelection: p.featureSelection, numFeatures: k });
      surrogates.push(s);
      for (const { feature, weight } of s.features) {
        if (pixels) for (const px of pixels[feature]) for (let ch = 0; ch < channels; ch++) attributions[i * d + px * channels + ch] = weight;
        else attributions[i * d + feature] = weight;
      }
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
      const picked = submodularPick(
        surrogates.map((s, i) => s.features.map(({ feature, weight }) => ({ name: plans[i].names(feature), weight }))),
        p.pick,
      );
      const pick = {
        budget: p.pick,
        instances: picked.indices.map((j) => sampleIds[j]),
        indices: picked.indices,
        coverage: picked.coverage,
        totalCoverage: picked.totalCoverage,
        features: picked.features,
      };
      for (const e of extras) e.pick = pick;
    }
    return { attributions, extras };
  },
};
