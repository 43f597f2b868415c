/**
 * scipy.ndimage.gaussian_filter over the two spatial axes of an H x W x C image (sigma 0 on channels),
 * as scikit-image's quickshift applies it: a separable kernel exp(-x^2 / 2 sigma^2), normalised, of
 * radius int(4 sigma + 0.5), rows first then columns, with scipy's 'reflect' border (d c b a | a b c d).
 * sigma <= 1e-15 leaves the image unchanged, as scipy skips such axes.
 */

function reflect(i: number, n: number): number {
  const period = 2 * n;
  const m = ((i % period) + period) % period;
  return m >= n ? period - m - 1 : m;
}

export function gaussianKernel(sigma: number): Float64Array {
  const radius = Math.trunc(4 * sigma + 0.5);
  const k = new Float64Array(2 * radius + 1);
  let s = 0;
  for (let x = -radius; x <= radius; x++) {
    k[x + radius] = Math.exp((-0.5 / (sigma * sigma)) * x * x);
    s += k[x + radius];
  }
  for (let i = 0; i < k.length; i++) k[i] /= s;
  return k;
}

export function gaussianFilter2d(image: Float64Array, height: number, width: number, channels: number, sigma: number): Float64Array {
  if (!(sigma > 1e-15)) return Float64Array.from(image);
  const k = gaussianKernel(sigma);
  const radius = (k.length - 1) / 2;
  const pass = (src: Float64Array, alongRows: boolean): Float64Array => {
    const dst = new Float64Array(src.length);
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        for (let ch = 0; ch < channels; ch++) {
          let s = 0;
          for (let t = -radius; t <= radius; t++) {
            const rr = alongRows ? reflect(r + t, height) : r;
            const cc = alongRows ? c : reflect(c + t, width);
            s += k[t + radius] * src[(rr * width + cc) * channels + ch];
          }
          dst[(r * width + c) * channels + ch] = s;
        }
      }
    }
    return dst;
  };
  return pass(pass(image, true), false);
}
