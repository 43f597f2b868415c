/**
 * LIME's locality kernel and the distances it is applied to, as the reference code computes them
 * (lime_base.py, lime_image.py, lime_tabular.py). The code's kernel is sqrt(exp(-d^2 / w^2)), i.e.
 * exp(-d^2 / (2 w^2)), not the paper's exp(-d^2 / w^2); the reference fixtures depend on that.
 */

/** sqrt(exp(-d^2 / width^2)). */
export function limeKernel(distance: number, width: number): number {
  return Math.sqrt(Math.exp(-(distance * distance) / (width * width)));
}

/**
 * Cosine distance of a binary row with k ones out of m to the all-ones row: 1 - sqrt(k / m). An all-zero
 * row gets 1, as sklearn's pairwise cosine distance gives a zero vector similarity 0.
 */
export function cosineDistanceToOnes(active: number, features: number): number {
  if (active === 0) return 1;
  return 1 - Math.sqrt(active / features);
}

/** Euclidean distance of a binary row to the all-ones row: sqrt(number of zeros). */
export function euclideanDistanceToOnes(active: number, features: number): number {
  return Math.sqrt(features - active);
}

/** Kernel weight of every row of a rows x features 0/1 matrix, by the number of ones in it. */
export function neighbourhoodWeights(
  masks: Uint8Array,
  rows: number,
  features: number,
  width: number,
  distance: (active: number, features: number) => number,
): Float64Array {
  const w = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let k = 0;
    for (let j = 0; j < features; j++) k += masks[i * features + j];
    w[i] = limeKernel(distance(k, features), width);
  }
  return w;
}
