/**
 * Mean structural similarity (Wang et al. 2004) of two channels-last images, as
 * skimage.metrics.structural_similarity with its defaults (7x7 uniform window, K1 = 0.01, K2 = 0.03,
 * sample covariance) and, as Quantus's `ssim`, a data range taken from both images (max - min). Like
 * skimage, only windows lying wholly inside the image are averaged (it crops the padded border);
 * channels are averaged.
 */
export const SSIM_WINDOW = 7;
const K1 = 0.01;
const K2 = 0.03;

/** Null when both images are one and the same constant (SSIM is 0/0 there). */
export function ssim(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  height: number,
  width: number,
  channels = 1,
  win = SSIM_WINDOW,
): number | null {
  if (a.length !== b.length || a.length !== height * width * channels) {
    throw new RangeError(`ssim: expected two images of ${height}x${width}x${channels}, got ${a.length} and ${b.length} values`);
  }
  if (height < win || width < win) throw new RangeError(`ssim: images of ${height}x${width} are smaller than the ${win}x${win} window`);
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < a.length; k++) {
    lo = Math.min(lo, a[k], b[k]);
    hi = Math.max(hi, a[k], b[k]);
  }
  const range = hi - lo;
  if (!(range > 0)) return null;
  const c1 = (K1 * range) ** 2;
  const c2 = (K2 * range) ** 2;
  const np = win * win;
  const covNorm = np / (np - 1);
  let total = 0;
  let count = 0;
  for (let ch = 0; ch < channels; ch++) {
    for (let y0 = 0; y0 + win <= height; y0++) {
      for (let x0 = 0; x0 + win <= width; x0++) {
        let sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        for (let y = y0; y < y0 + win; y++) {
          for (let x = x0; x < x0 + win; x++) {
            const k = (y * width + x) * channels + ch;
            const u = a[k];
            const v = b[k];
            sa += u;
            sb += v;
            saa += u * u;
            sbb += v * v;
            sab += u * v;
          }
        }
        const ua = sa / np;
        const ub = sb / np;
        const va = covNorm * (saa / np - ua * ua);
        const vb = covNorm * (sbb / np - ub * ub);
        const vab = covNorm * (sab / np - ua * ub);
        total += ((2 * ua * ub + c1) * (2 * vab + c2)) / ((ua * ua + ub * ub + c1) * (va + vb + c2));
        count++;
      }
    }
  }
  return total / count;
}
