/**
 * The deterministic stratified train/test split of the tabular sets: within each class the rows are
 * shuffled by a stream seeded with the data set id, and the first round(fraction * count) go to
 * training. Both index lists come back sorted, so split order follows file order.
 */
import { rngFor } from '../core/rng.js';

export interface SplitIndices {
  readonly train: number[];
  readonly test: number[];
}

export function stratifiedSplit(y: ArrayLike<number>, datasetId: string, trainFraction = 0.7): SplitIndices {
  if (!(trainFraction > 0 && trainFraction < 1)) throw new RangeError(`trainFraction must be in (0, 1), got ${trainFraction}`);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < y.length; i++) {
    const rows = byClass.get(y[i]) ?? [];
    rows.push(i);
    byClass.set(y[i], rows);
  }
  const train: number[] = [];
  const test: number[] = [];
  for (const k of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = rngFor(0, 'split', datasetId, k).shuffle(byClass.get(k)!.slice());
    const cut = Math.round(trainFraction * rows.length);
    train.push(...rows.slice(0, cut));
    test.push(...rows.slice(cut));
  }
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}
