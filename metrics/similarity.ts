/**
 * The similarity measures the sanity checks (mprt, random-logit) and run-to-run compare two
 * explanations of one input with. `spearman-abs` ranks |a| (Quantus's MPRT default: abs=True), so a
 * sign flip counts as similar; `spearman` and `pearson` are signed; `ssim` is the structural similarity
 * of the two maps, each divided by its own max |a| first (Quantus normalises by the max), image tasks only.
 */
import { UserError } from '../harness/errors.js';
import { oneOf } from '../harness/params.js';
import type { TaskView } from '../datasets/task.js';
import { pearson } from './pearson.js';
import { spearman } from './rank-correlation.js';
import { SSIM_WINDOW, ssim } from './ssim.js';

export const SIMILARITIES = ['spearman-abs', 'spearman', 'pearson', 'ssim'] as const;
export type SimilarityKind = (typeof SIMILARITIES)[number];

export function similarityParam(def: SimilarityKind, why: string) {
  return oneOf(
    SIMILARITIES,
    def,
    `how two explanations are compared: spearman-abs = rank correlation of |a|, spearman / pearson = signed, ssim = structural similarity of max-normalised maps (images of at least ${SSIM_WINDOW}x${SSIM_WINDOW}). ${why}`,
  );
}

/** Throws a UserError when `kind` cannot be computed on this task's samples. */
export function checkSimilarity(kind: SimilarityKind, task: TaskView, sampleShape: readonly number[], where: string): void {
  if (kind !== 'ssim') return;
  const [h, w] = sampleShape;
  const image = task.kind === 'image' && (sampleShape.length === 2 || sampleShape.length === 3);
  if (!image || h < SSIM_WINDOW || w < SSIM_WINDOW) {
    throw new UserError(
      `${where}: similarity=ssim needs an image task with samples of at least ${SSIM_WINDOW}x${SSIM_WINDOW} pixels, got ${task.kind} [${sampleShape.join(', ')}]`,
    );
  }
}

function maxNormalised(v: ArrayLike<number>): Float64Array | null {
  let m = 0;
  for (let k = 0; k < v.length; k++) m = Math.max(m, Math.abs(v[k]));
  if (!(m > 0)) return null;
  return Float64Array.from(v as ArrayLike<number>, (x) => x / m);
}

/** The similarity of two explanations of one input, or null when it is undefined (a constant side). */
export function similarity(kind: SimilarityKind, a: ArrayLike<number>, b: ArrayLike<number>, sampleShape: readonly number[]): number | null {
  switch (kind) {
    case 'spearman-abs':
      return spearman(Float64Array.from(a, Math.abs), Float64Array.from(b, Math.abs));
    case 'spearman':
      return spearman(a, b);
    case 'pearson':
      return pearson(a, b);
    case 'ssim': {
      const na = maxNormalised(a);
      const nb = maxNormalised(b);
      if (!na || !nb) return null;
      const [h, w, c = 1] = sampleShape;
      return ssim(na, nb, h, w, c);
    }
  }
}

export const SIMILARITY_UNDEFINED = 'similarity undefined (an explanation is constant)';
