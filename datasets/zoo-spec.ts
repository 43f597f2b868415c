/**
 * The model zoo as data: every model id, the data set it is trained on, its architecture and its
 * training settings. `npm run train` trains exactly these; the task registry offers one task per entry.
 * The MLPs and the small CNNs come in three training seeds (ids suffixed -s2, -s3 for seeds 2 and 3),
 * so rankings can be checked across models.
 */
import type { DatasetId } from './dataset-registry.js';

export type Architecture =
  /** Flatten (images only), Dense+ReLU per hidden width, Dense softmax. */
  | { readonly kind: 'mlp'; readonly hidden: readonly number[] }
  /** conv 8@5x5 relu, maxpool 2, conv 16@5x5 relu, maxpool 2, flatten, [dense `dense` relu], dense softmax. */
  | { readonly kind: 'cnn-small'; readonly dense?: number }
  /** 3 blocks of conv 3x3 same, BatchNorm, ReLU, pool (max, max, average 2x2), flatten, dense softmax. */
  | { readonly kind: 'cnn-deep'; readonly filters: readonly number[] };

export interface Training {
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  /** Step decay: the learning rate is multiplied by decayFactor every decayEvery epochs. */
  readonly decayEvery?: number;
  readonly decayFactor?: number;
}

export interface ModelSpec {
  readonly id: string;
  readonly datasetId: DatasetId;
  readonly description: string;
  readonly architecture: Architecture;
  readonly training: Training;
  readonly seed: number;
}

interface BaseSpec extends Omit<ModelSpec, 'seed' | 'id'> {
  readonly id: string;
  readonly seeds: readonly number[];
}

const SEEDS = [1, 2, 3] as const;
const tabular: Architecture = { kind: 'mlp', hidden: [32, 16] };

const BASE: readonly BaseSpec[] = [
  {
    id: 'mnist-cnn',
    datasetId: 'mnist10k',
    description: 'small CNN on mnist10k',
    architecture: { kind: 'cnn-small', dense: 64 },
    training: { epochs: 10, batchSize: 32, learningRate: 2e-3, decayEvery: 3, decayFactor: 0.5 },
    seeds: SEEDS,
  },
  {
    id: 'mnist-cnn-deep',
    datasetId: 'mnist10k',
    description: 'deeper CNN with BatchNormalization, max and average pooling on mnist10k',
    architecture: { kind: 'cnn-deep', filters: [8, 16, 16] },
    training: { epochs: 6, batchSize: 32, learningRate: 2e-3, decayEvery: 2, decayFactor: 0.5 },
    seeds: [1],
  },
  {
    id: 'mnist-mlp',
    datasetId: 'mnist10k',
    description: 'MLP (64, 32) on mnist10k',
    architecture: { kind: 'mlp', hidden: [64, 32] },
    training: { epochs: 8, batchSize: 64, learningRate: 2e-3 },
    seeds: SEEDS,
  },
  {
    id: 'digits-mlp',
    datasetId: 'digits8x8',
    description: 'MLP (64, 32) on 8x8 digits',
    architecture: { kind: 'mlp', hidden: [64, 32] },
    training: { epochs: 40, batchSize: 32, learningRate: 2e-3 },
    seeds: SEEDS,
  },
  { id: 'iris-mlp', datasetId: 'iris', description: 'MLP (32, 16) on iris', architecture: tabular, training: { epochs: 150, batchSize: 16, learningRate: 3e-3 }, seeds: SEEDS },
  { id: 'wine-mlp', datasetId: 'wine', description: 'MLP (32, 16) on wine', architecture: tabular, training: { epochs: 100, batchSize: 16, learningRate: 3e-3 }, seeds: SEEDS },
  {
    id: 'breast-cancer-mlp',
    datasetId: 'breast-cancer',
    description: 'MLP (32, 16) on breast cancer',
    architecture: tabular,
    training: { epochs: 60, batchSize: 32, learningRate: 1e-3 },
    seeds: SEEDS,
  },
  {
    id: 'synth-linear-mlp',
    datasetId: 'synth-linear',
    description: 'MLP (32, 16) on synth-linear (ground truth: 4 relevant features)',
    architecture: tabular,
    training: { epochs: 30, batchSize: 64, learningRate: 3e-3 },
    seeds: SEEDS,
  },
  {
    id: 'synth-nonlinear-mlp',
    datasetId: 'synth-nonlinear',
    description: 'MLP (64, 32) on synth-nonlinear (ground truth: 4 relevant features)',
    architecture: { kind: 'mlp', hidden: [64, 32] },
    training: { epochs: 60, batchSize: 64, learningRate: 3e-3 },
    seeds: SEEDS,
  },
  {
    id: 'synth-pattern-cnn',
    datasetId: 'synth-pattern',
    description: 'small CNN on synth-pattern (ground truth: pattern masks)',
    architecture: { kind: 'cnn-small' },
    training: { epochs: 10, batchSize: 32, learningRate: 2e-3 },
    seeds: SEEDS,
  },
  {
    id: 'hiring-fair-mlp',
    datasetId: 'hiring-fair',
    description: 'MLP (32, 16) on synthetic hiring, gender without true effect',
    architecture: tabular,
    training: { epochs: 20, batchSize: 64, learningRate: 3e-3 },
    seeds: SEEDS,
  },
  {
    id: 'hiring-biased-mlp',
    datasetId: 'hiring-biased',
    description: 'MLP (32, 16) on synthetic hiring biased against women',
    architecture: tabular,
    training: { epochs: 20, batchSize: 64, learningRate: 3e-3 },
    seeds: SEEDS,
  },
  {
    id: 'fashion-cnn',
    datasetId: 'fashion-mnist',
    description: 'small CNN on Fashion-MNIST (10k training subset, standard 10k test split)',
    architecture: { kind: 'cnn-small', dense: 64 },
    training: { epochs: 8, batchSize: 32, learningRate: 2e-3, decayEvery: 3, decayFactor: 0.5 },
    seeds: SEEDS,
  },
  {
    id: 'german-credit-mlp',
    datasetId: 'german-credit',
    description: 'MLP (16, 8) on German credit (real; protected attribute sex)',
    architecture: { kind: 'mlp', hidden: [16, 8] },
    training: { epochs: 30, batchSize: 32, learningRate: 1e-3 },
    seeds: SEEDS,
  },
  {
    id: 'hmda-mlp',
    datasetId: 'hmda',
    description: 'MLP (16, 8) on Boston HMDA mortgage denials (real; protected attribute race)',
    architecture: { kind: 'mlp', hidden: [16, 8] },
    training: { epochs: 30, batchSize: 32, learningRate: 1e-3 },
    seeds: SEEDS,
  },
  {
    id: 'credit-data-mlp',
    datasetId: 'credit-data',
    description: 'MLP (16, 8) on credit_data credit scoring (real; protected attribute marital status)',
    architecture: { kind: 'mlp', hidden: [16, 8] },
    training: { epochs: 30, batchSize: 32, learningRate: 1e-3 },
    seeds: SEEDS,
  },
  {
    id: 'xor-mlp',
    datasetId: 'xor',
    description: 'MLP (8, 4) on synthetic XOR (rule extraction must recover x0 xor x1)',
    architecture: { kind: 'mlp', hidden: [8, 4] },
    training: { epochs: 60, batchSize: 32, learningRate: 1e-2 },
    seeds: [1],
  },
  {
    id: 'mnist-zero-mlp',
    datasetId: 'mnist10k-zero',
    description: 'MLP (16, 8) on mnist10k "0 vs rest" over 784 pixels (DeepRED setup)',
    architecture: { kind: 'mlp', hidden: [16, 8] },
    training: { epochs: 6, batchSize: 64, learningRate: 2e-3 },
    seeds: [1],
  },
];

export const MODEL_SPECS: readonly ModelSpec[] = BASE.flatMap(({ seeds, ...b }) =>
  seeds.map((seed) => ({
    ...b,
    id: seed === 1 ? b.id : `${b.id}-s${seed}`,
    description: seed === 1 ? b.description : `${b.description}, training seed ${seed}`,
    seed,
  })),
);
