/**
 * The zero-shot splits of mnist10k (docs/explainers.md, zero-shot concept paths): two digits are held out as unseen
 * classes, the other eight are seen. Each split is one task with its own seen-class network, never the
 * zoo's all-digit models (they have seen the unseen digits).
 */
import type { Architecture, Training } from '../zoo-spec.js';

export interface ZeroShotSplit {
  /** Task and model id, e.g. 'zsl-u89'. */
  readonly id: string;
  readonly unseen: readonly number[];
  readonly seen: readonly number[];
}

const UNSEEN_PAIRS: readonly (readonly [number, number])[] = [
  [8, 9],
  [3, 6],
  [2, 7],
  [1, 5],
  [0, 4],
];

export const ZERO_SHOT_SPLITS: readonly ZeroShotSplit[] = UNSEEN_PAIRS.map(([a, b]) => ({
  id: `zsl-u${a}${b}`,
  unseen: [a, b],
  seen: Array.from({ length: 10 }, (_, d) => d).filter((d) => d !== a && d !== b),
}));

/**
 * The seen-class network of every split: an MLP whose first hidden layer is the feature extractor of
 * the zero-shot learners. Its 10-way head keeps the digits' label space; the unseen digits never appear
 * as labels, so it is an ordinary classifier that has only seen eight digits.
 */
export const ZSL_ARCHITECTURE: Architecture = { kind: 'mlp', hidden: [128, 64] };
export const ZSL_FEATURE_LAYER = 'dense_1';
export const ZSL_TRAINING: Training = { epochs: 6, batchSize: 64, learningRate: 2e-3 };
export const ZSL_SEED = 1;
