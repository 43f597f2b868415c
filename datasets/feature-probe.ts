/**
 * The signal probe for ground truth of kind 'features': the relevant columns are replaced by the same
 * columns of other test rows (one seeded row permutation for the whole subset, so their joint
 * distribution is kept and only their link to the label is cut); "distractors shuffled" does the same
 * to the irrelevant columns.
 */
import { type Batch, sizeOf } from '../core/batch.js';
import type { Rng } from '../core/rng.js';
import type { SignalProbe } from './dataset.js';

/** A copy of `x` in which columns `cols` of row i come from row perm[i]. */
export function permuteColumns(x: Batch, cols: readonly number[], rng: Rng): Batch {
  const d = sizeOf(x.sampleShape);
  const perm = rng.permutation(x.n);
  const out = x.data.slice();
  for (let i = 0; i < x.n; i++) {
    for (const c of cols) out[i * d + c] = x.data[perm[i] * d + c];
  }
  return { n: x.n, sampleShape: x.sampleShape, data: out };
}

export function featureProbe(
  test: Batch,
  relevant: readonly number[],
  featureNames: readonly string[],
  extraColumns: readonly { name: string; cols: readonly number[] }[] = [],
): SignalProbe {
  const d = sizeOf(test.sampleShape);
  const rel = new Set(relevant);
  const irrelevant = Array.from({ length: d }, (_, i) => i).filter((i) => !rel.has(i));
  const names = (cols: readonly number[]): string => cols.map((c) => featureNames[c]).join(', ');
  return {
    description: {
      withoutSignal: `relevant features (${names(relevant)}) permuted across test rows`,
      distractorsShuffled: `irrelevant features (${names(irrelevant)}) permuted across test rows`,
    },
    withoutSignal: (rng) => permuteColumns(test, relevant, rng),
    distractorsShuffled: (rng) => permuteColumns(test, irrelevant, rng),
    extras: extraColumns.length
      ? (rng) => extraColumns.map(({ name, cols }) => ({ name, batch: permuteColumns(test, cols, rng) }))
      : undefined,
  };
}
