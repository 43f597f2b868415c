import { describe, expect, it } from 'vitest';
import { rngFor } from '../../core/rng.js';
import { fitGaussian, imputeGaussian, imputeImage } from './noisy-linear-imputation.js';

/** Dense Gaussian elimination of the same neighbour system, written from Rong et al.'s definition. */
function denseImpute(img: number[], h: number, w: number, removed: number[]): number[] {
  const idx = new Map(removed.map((p, u) => [p, u]));
  const m = removed.length;
  const A = Array.from({ length: m }, () => new Array(m + 1).fill(0));
  removed.forEach((p, u) => {
    const y = Math.floor(p / w);
    const x = p % w;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      if (!dy && !dx) continue;
      const yy = y + dy;
      const xx = x + dx;
      if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue;
      const wt = dy && dx ? 1 / 12 : 1 / 6;
      const q = yy * w + xx;
      A[u][u] += wt;
      if (idx.has(q)) A[u][idx.get(q)!] -= wt;
      else A[u][m] += wt * img[q];
    }
  });
  for (let c = 0; c < m; c++) {
    let piv = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    [A[c], A[piv]] = [A[piv], A[c]];
    for (let r = 0; r < m; r++) {
      if (r === c) continue;
      const f = A[r][c] / A[c][c];
      for (let k = c; k <= m; k++) A[r][k] -= f * A[c][k];
    }
  }
  const out = img.slice();
  removed.forEach((p, u) => (out[p] = A[u][m] / A[u][u]));
  return out;
}

describe('noisy linear imputation (images)', () => {
  it('fills a lone pixel with the 1/6, 1/12 weighted mean of its 8 neighbours', () => {
    const img = Float32Array.from([1, 2, 3, 4, 100, 6, 7, 8, 9]);
    const removed = Uint8Array.from([0, 0, 0, 0, 1, 0, 0, 0, 0]);
    const out = imputeImage(img, 3, 3, 1, removed, 0, null);
    // direct (2 + 4 + 6 + 8) / 6 + diagonal (1 + 3 + 7 + 9) / 12 = 20/6 + 20/12 = 5
    expect(out[4]).toBeCloseTo(5, 6);
    // A corner pixel sees 3 neighbours: (2/6 + 4/6 + 5/12) / (1/6 + 1/6 + 1/12).
    const removedCorner = Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 0, 0]);
    const corner = imputeImage(Float32Array.from([0, 2, 0, 4, 5, 0, 0, 0, 0]), 3, 3, 1, removedCorner, 0, null);
    expect(corner[0]).toBeCloseTo((2 / 6 + 4 / 6 + 5 / 12) / (5 / 12), 6);
  });

  it('solves coupled removed regions exactly (vs dense elimination) and leaves kept pixels alone', () => {
    const rng = rngFor(1, 'nli');
    // Narrow images take the banded factor, the 70-wide ones (half-bandwidth 71) conjugate gradients.
    for (let t = 0; t < 8; t++) {
      const h = t < 6 ? 5 + rng.int(4) : 3;
      const w = t < 6 ? 5 + rng.int(4) : 70;
      const img = Array.from({ length: h * w }, () => rng.next());
      const removed = new Uint8Array(h * w);
      for (let p = 0; p < h * w; p++) removed[p] = rng.bernoulli(0.6) ? 1 : 0;
      removed[0] = 0;
      const list = Array.from(removed.keys()).filter((p) => removed[p]);
      const want = denseImpute(img, h, w, list);
      const got = imputeImage(Float32Array.from(img), h, w, 1, removed, 0, null);
      for (let p = 0; p < h * w; p++) expect(got[p]).toBeCloseTo(removed[p] ? want[p] : Math.fround(img[p]), 5);
    }
  });

  it('treats channels separately, adds seeded noise to imputed values only, and refuses to remove everything', () => {
    // Two channels: channel 1 is channel 0 times -2, so its imputed value is too.
    const img = Float32Array.from([1, -2, 2, -4, 3, -6, 4, -8]);
    const removed = Uint8Array.from([0, 1, 0, 0]);
    const clean = imputeImage(img, 2, 2, 2, removed, 0, null);
    expect(clean[3]).toBeCloseTo(-2 * clean[2], 6);
    const a = imputeImage(img, 2, 2, 2, removed, 0.01, rngFor(1, 'n'));
    const b = imputeImage(img, 2, 2, 2, removed, 0.01, rngFor(1, 'n'));
    expect(a).toEqual(b);
    expect(Math.abs(a[2] - clean[2])).toBeGreaterThan(0);
    expect(Math.abs(a[2] - clean[2])).toBeLessThan(0.05);
    for (const k of [0, 1, 4, 5, 6, 7]) expect(a[k]).toBe(img[k]);
    expect(() => imputeImage(img, 2, 2, 2, Uint8Array.from([1, 1, 1, 1]), 0, null)).toThrow(/kept pixel/);
  });
});

describe('Gaussian conditional-mean imputation (tabular)', () => {
  it('imputes E[x_R | x_K] of the fitted Gaussian', () => {
    // x1 = 2 x0 + 1 exactly (plus a tiny ridge): knowing x0 = 3 gives x1 = 7; x2 independent, mean 5.
    const rows: number[] = [];
    const rng = rngFor(2, 'gauss');
    for (let i = 0; i < 500; i++) {
      const x0 = rng.normal();
      rows.push(x0, 2 * x0 + 1, 5 + rng.normal());
    }
    const g = fitGaussian(Float32Array.from(rows), 3);
    const out = imputeGaussian([3, 0, 0], Uint8Array.from([0, 1, 1]), g, 0, null);
    expect(out[0]).toBe(3);
    expect(out[1]).toBeCloseTo(7, 2);
    expect(out[2]).toBeCloseTo(g.mean[2] + (g.cov[2 * 3] / g.cov[0]) * (3 - g.mean[0]), 2);
    // Nothing kept: the mean.
    const none = imputeGaussian([3, 0, 0], Uint8Array.from([1, 1, 1]), g, 0, null);
    expect(Array.from(none)).toEqual(Array.from(g.mean, Math.fround));
  });

  it('gives the same conditional mean through the covariance (few removed) and the precision (many removed)', () => {
    const d = 10;
    const rng = rngFor(3, 'gauss10');
    // Correlated rows: x = A z for a random 10 x 4 A, plus independent noise.
    const a = Array.from({ length: d * 4 }, () => rng.normal());
    const rows = new Float32Array(400 * d);
    for (let i = 0; i < 400; i++) {
      const z = Array.from({ length: 4 }, () => rng.normal());
      for (let j = 0; j < d; j++) rows[i * d + j] = a.slice(j * 4, j * 4 + 4).reduce((s, v, t) => s + v * z[t], 0) + 0.3 * rng.normal();
    }
    const g = fitGaussian(rows, d);
    const x = Array.from({ length: d }, () => rng.normal());
    // Reference: mu_R + S_RK S_KK^-1 (x_K - mu_K) by dense Gaussian elimination.
    const reference = (removed: Uint8Array) => {
      const kept = Array.from({ length: d }, (_, j) => j).filter((j) => !removed[j]);
      const m = kept.map((s) => [...kept.map((t) => g.cov[s * d + t]), x[s] - g.mean[s]]);
      for (let c = 0; c < m.length; c++) for (let r = 0; r < m.length; r++) if (r !== c) {
        const f = m[r][c] / m[c][c];
        for (let k = c; k <= m.length; k++) m[r][k] -= f * m[c][k];
      }
      const z = m.map((row, i) => row[m.length] / row[i]);
      const conditional = (r: number) => g.mean[r] + kept.reduce((s, k, i) => s + g.cov[r * d + k] * z[i], 0);
      return Array.from({ length: d }, (_, r) => (removed[r] ? conditional(r) : x[r]));
    };
    for (const removedCount of [2, 5, 8]) {
      const removed = new Uint8Array(d);
      for (let j = 0; j < removedCount; j++) removed[(j * 3) % d] = 1;
      const got = imputeGaussian(x, removed, g, 0, null);
      reference(removed).forEach((v, j) => expect(got[j]).toBeCloseTo(v, 5));
    }
  });
});

