/**
 * Small arithmetic shared by the build-time SVG charts (interval chart, heat maps, trade-off map): axis
 * extents, round-number ticks and colour scales. The charts are drawn once at build time, so pages need
 * no chart library and read without JavaScript.
 */

/** [lo, hi] of the values padded by 8% each side; a single value gets a unit-wide range around it. */
export function extent(vals: readonly number[]): readonly [number, number] {
  const finite = vals.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (!(hi > lo)) {
    lo -= 0.5;
    hi += 0.5;
  }
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

/** About `count` ticks at round numbers (1, 2 or 5 times a power of ten) inside [lo, hi]. */
export function ticks([lo, hi]: readonly [number, number], count = 5): number[] {
  const raw = (hi - lo) / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * p).find((k) => k >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-12; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

const lerp = (a: number, b: number, t: number) => Math.round(a + (b - a) * t);
const rgb = (c: readonly number[]) => `rgb(${c[0]},${c[1]},${c[2]})`;

// Sequential: white to the site's accent blue (#0b57b0); diverging: red (#a40e26) - white - blue.
const WHITE = [255, 255, 255];
const BLUE = [11, 87, 176];
const RED = [164, 14, 38];

/** Fill for a value in [0, 1] on the sequential scale (0 white, 1 blue). */
export function sequential(t: number): string {
  const u = Math.min(1, Math.max(0, t));
  return rgb(WHITE.map((w, i) => lerp(w, BLUE[i], u)));
}

/** Fill for a value in [-1, 1] on the diverging scale (-1 red, 0 white, 1 blue). */
export function diverging(t: number): string {
  const u = Math.min(1, Math.max(-1, t));
  const to = u < 0 ? RED : BLUE;
  return rgb(WHITE.map((w, i) => lerp(w, to[i], Math.abs(u))));
}

/**
 * Dark text on light fills, white text on dark ones. The switch is at relative luminance 0.2, near where
 * both reach the same contrast (WCAG 2.1 contrast ratio); the cells also carry their value as text in
 * the table beside each chart.
 */
export function textOn(fill: string): string {
  const m = /rgb\((\d+),(\d+),(\d+)\)/.exec(fill);
  if (!m) return '#1b1f24';
  const lum = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const l = 0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2];
  return l < 0.2 ? '#fff' : '#1b1f24';
}
