/**
 * Draws an explored latent tree (or a cloud of samples) as a PNG: latents projected onto their two
 * principal axes around the root (power iteration, deterministic), edges child -> parent in grey,
 * samples as black dots, samples outside the region (when marked) as hollow squares, and the root
 * (the query) as a red dot.
 */
import { blankImage, encodePng } from './encode-png.js';

export interface LatentTreeInput {
  readonly root: ArrayLike<number>;
  /** One latent per sample. */
  readonly nodes: readonly ArrayLike<number>[];
  /** Parent of each node (-1 = the root); absent = draw points only. */
  readonly parents?: readonly number[];
  /** Per node: false marks a sample outside the region. */
  readonly inside?: readonly boolean[];
  readonly size?: number;
}

function principalAxes(offsets: number[][], k: number): number[][] {
  const axes: number[][] = [];
  for (let a = 0; a < 2; a++) {
    let v = Array.from({ length: k }, (_, j) => (j === a ? 1 : 0.5 / (j + 1)));
    for (let it = 0; it < 50; it++) {
      const next = new Array<number>(k).fill(0);
      for (const o of offsets) {
        let dot = 0;
        for (let j = 0; j < k; j++) dot += o[j] * v[j];
        for (let j = 0; j < k; j++) next[j] += dot * o[j];
      }
      for (const prev of axes) {
        const dot = next.reduce((s, x, j) => s + x * prev[j], 0);
        for (let j = 0; j < k; j++) next[j] -= dot * prev[j];
      }
      const norm = Math.hypot(...next);
      if (norm === 0) break;
      v = next.map((x) => x / norm);
    }
    axes.push(v);
  }
  return axes;
}

export function renderLatentTreePng(o: LatentTreeInput): Buffer {
  const size = o.size ?? 240;
  const k = o.root.length;
  const offsets = o.nodes.map((z) => Array.from({ length: k }, (_, j) => Number(z[j]) - Number(o.root[j])));
  const axes = principalAxes(offsets, k);
  const proj = offsets.map((d) => axes.map((ax) => d.reduce((s, x, j) => s + x * ax[j], 0)));
  const extent = Math.max(1e-9, ...proj.flat().map(Math.abs));
  const half = size / 2;
  const scale = (half - 10) / extent;
  const xy = (p: number[] | null): [number, number] =>
    p ? [Math.round(half + p[0] * scale), Math.round(half - p[1] * scale)] : [half, half];
  const png = blankImage(size, size);
  const set = (x: number, y: number, rgb: readonly number[]) => {
    if (x < 0 || y < 0 || x >= size || y >= size) return;
    const i = (y * size + x) * 4;
    png.data[i] = rgb[0];
    png.data[i + 1] = rgb[1];
    png.data[i + 2] = rgb[2];
  };
  const line = ([x0, y0]: [number, number], [x1, y1]: [number, number]) => {
    const n = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
    for (let t = 0; t <= n; t++) set(Math.round(x0 + ((x1 - x0) * t) / n), Math.round(y0 + ((y1 - y0) * t) / n), [150, 150, 150]);
  };
  const dot = ([x, y]: [number, number], rgb: readonly number[], r: number, hollow = false) => {
    for (let dy = -r; dy <= r; dy++)
      for (let dx = -r; dx <= r; dx++) if (!hollow || Math.max(Math.abs(dx), Math.abs(dy)) === r) set(x + dx, y + dy, rgb);
  };
  if (o.parents) o.parents.forEach((p, i) => line(xy(proj[i]), xy(p < 0 ? null : proj[p])));
  proj.forEach((p, i) => dot(xy(p), [0, 0, 0], o.parents ? 1 : 2, o.inside ? !o.inside[i] : false));
  dot(xy(null), [220, 30, 30], 3);
  return encodePng(png);
}
