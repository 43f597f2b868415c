/**
 * The similarity measures two explanations of one input are compared with.
 *
 * run-to-run (a stability score, higher is better) takes `similarity`: `spearman-abs` is the Spearman
 * correlation of |a| and |b| (Quantus's abs=True), `spearman` and `pearson` are signed, `ssim` is the
 * structural similarity of the two maps each divided by its own max |a| (Quantus normalises by the max).
 *
 * The sanity checks (mprt, random-logit; lower is better) take `sanitySimilarity`, whose every value
 * lies in [0, 1] (1 = same, 0 = unrelated), so that "lower" cannot be won by an explanation that is
 * merely the mirror image of the original: Adebayo et al. 2018 ("Sanity checks for saliency maps")
 * compare the absolute-value maps, by Spearman rank correlation, SSIM and HOG. A signed score would
 * rate b = -a as -1, far below an unrelated map's 0, although -a carries exactly what a carries.
 */
import { UserError } from '../../core/errors.js';
import { oneOf } from '../../core/params.js';
import type { TaskView } from '../../datasets/task.js';
import { pearson } from '../../numeric/pearson.js';
import { spearman } from '../../numeric/rank-correlation.js';
import { SSIM_WINDOW, ssim } from './ssim.js';

const SIMILARITIES = ['spearman-abs', 'spearman', 'pearson', 'ssim'] as const;
export type SimilarityKind = (typeof SIMILARITIES)[number];

export function similarityParam(def: SimilarityKind, why: string) {
  return oneOf(
    SIMILARITIES,
    def,
    'how two explanations are compared: spearman-abs = rank correlation of |a|, spearman / pearson = signed, ' +
      `ssim = structural similarity of max-normalised maps (images of at least ${SSIM_WINDOW}x${SSIM_WINDOW}). ${why}`,
  );
}

/** Throws a UserError when `kind` cannot be computed on this task's samples. */
export function checkSimilarity(
  kind: SimilarityKind | SanitySimilarityKind,
  task: TaskView,
  sampleShape: readonly number[],
  where: string,
): void {
  if (kind !== 'ssim') return;
  const [h, w] = sampleShape;
  const image = task.kind === 'image' && (sampleShape.length === 2 || sampleShape.length === 3);
  if (!image || h < SSIM_WINDOW || w < SSIM_WINDOW) {
    throw new UserError(
      `${where}: similarity=ssim needs an image task with samples of at least ${SSIM_WINDOW}x${SSIM_WINDOW} pixels, ` +
        `got ${task.kind} [${sampleShape.join(', ')}]`,
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
export function similarity(
  kind: SimilarityKind,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  sampleShape: readonly number[],
): number | null {
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

/** The similarities of the sanity checks; see sanitySimilarity for what each computes. */
const SANITY_SIMILARITIES = ['spearman-abs', 'ssim'] as const;
export type SanitySimilarityKind = (typeof SANITY_SIMILARITIES)[number];

export function sanitySimilarityParam(def: SanitySimilarityKind, why: string) {
  return oneOf(
    SANITY_SIMILARITIES,
    def,
    'how the two explanations are compared, always in [0, 1] (1 = same, 0 = unrelated; a negated map counts as the same, ' +
      'magnitudes in reversed order as unrelated): spearman-abs = max(0, Spearman(|a|, |b|)); ssim = max(0, SSIM) of |a| and |b| each ' +
      'min-max scaled to [0, 1] ' +
      `(images of at least ${SSIM_WINDOW}x${SSIM_WINDOW}). ${why}`,
  );
}

/** |v| scaled to [0, 1] by its own min and max; null when |v| is constant. */
function minMaxAbs(v: ArrayLike<number>): Float64Array | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < v.length; k++) {
    const m = Math.abs(v[k]);
    lo = Math.min(lo, m);
    hi = Math.max(hi, m);
  }
  if (!(hi > lo)) return null;
  return Float64Array.from(v as ArrayLike<number>, (x) => (Math.abs(x) - lo) / (hi - lo));
}

/**
 * The similarity of two explanations in [0, 1], or null when undefined (a side whose |a| is constant).
 * Both kinds compare magnitudes, as Adebayo et al. 2018 do for their absolute-value maps, so b = -a
 * scores 1. A negative score left (the magnitudes in reversed order: b highlights what a ignores) is
 * set to 0, as unrelated: it must not beat an unrelated map (lower is better), and it is no evidence of
 * sameness either. Taking |r| instead would call such complementary maps the same, and would double the
 * score of unrelated maps (E|r| = 2 E max(r, 0) for a symmetric r): on 4 features an unrelated order
 * has E|r| = 0.5, the pass threshold itself, and E max(r, 0) = 0.25. Quantus keeps the sign (down to -1).
 * ssim: each |a| is min-max scaled to span [0, 1] exactly, so that SSIM's constants (K1, K2 times the
 * data range, Wang et al. 2004) have their intended scale.
 */
export function sanitySimilarity(
  kind: SanitySimilarityKind,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  sampleShape: readonly number[],
): number | null {
  let r: number | null;
  if (kind === 'spearman-abs') {
    r = spearman(Float64Array.from(a, Math.abs), Float64Array.from(b, Math.abs));
  } else {
    const na = minMaxAbs(a);
    const nb = minMaxAbs(b);
    if (!na || !nb) return null;
    const [h, w, c = 1] = sampleShape;
    r = ssim(na, nb, h, w, c);
  }
  return r === null ? null : Math.min(1, Math.max(0, r));
}

export const SIMILARITY_UNDEFINED = 'similarity undefined (an explanation is constant)';
