/**
 * sRGB (D65, 2 degree observer) to CIE Lab exactly as scikit-image's rgb2lab computes it, for
 * quickshift's colour distances: linearise, XYZ by skimage's matrix, divide by the white point, the
 * 7.787 t + 16/116 toe below 0.008856. Input is RGB in [0, 1], pixel-major (H * W * 3).
 */

const M = [
  [0.412453, 0.35758, 0.180423],
  [0.212671, 0.71516, 0.072169],
  [0.019334, 0.119193, 0.950227],
];
const WHITE = [0.95047, 1, 1.08883];

function linearise(c: number): number {
  return c > 0.04045 ? ((c + 0.055) / 1.055) ** 2.4 : c / 12.92;
}

function f(t: number): number {
  return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116;
}

export function rgbToLab(rgb: ArrayLike<number>): Float64Array {
  if (rgb.length % 3 !== 0) throw new RangeError(`rgbToLab: ${rgb.length} values are not RGB triples`);
  const out = new Float64Array(rgb.length);
  for (let p = 0; p < rgb.length; p += 3) {
    const r = linearise(rgb[p]);
    const g = linearise(rgb[p + 1]);
    const b = linearise(rgb[p + 2]);
    const fx = f((M[0][0] * r + M[0][1] * g + M[0][2] * b) / WHITE[0]);
    const fy = f((M[1][0] * r + M[1][1] * g + M[1][2] * b) / WHITE[1]);
    const fz = f((M[2][0] * r + M[2][1] * g + M[2][2] * b) / WHITE[2]);
    out[p] = 116 * fy - 16;
    out[p + 1] = 500 * (fx - fy);
    out[p + 2] = 200 * (fy - fz);
  }
  return out;
}
