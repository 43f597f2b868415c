import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { rngFor } from '../../core/rng.js';
import { chooseStackingConstant, stackedArgmax } from './calibrated-stacking.js';
import { dapScore, dapTerms } from './dap.js';
import { addDiagonal, type Matrix, matrix, matmul, transpose } from '../../numeric/linalg.js';
import { eszslFit, signedLabels } from './eszsl.js';
import { fitLogisticHeads, predictLogistic } from './logistic.js';
import { fitClassGaussians, noveltyScore, quantile } from './novelty.js';

beforeAll(async () => {
  await useBackend('wasm');
});

/** Gauss-Jordan inverse with partial pivoting: the slow, obviously-correct reference. */
function inverse(a: Matrix): Matrix {
  const n = a.rows;
  const m = Array.from(
    { length: n },
    (_, i) => [...Array.from({ length: n }, (_, j) => a.data[i * n + j]), ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))],
  );
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    const piv = m[c][c];
    for (let j = 0; j < 2 * n; j++) m[c][j] /= piv;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c];
      for (let j = 0; j < 2 * n; j++) m[r][j] -= f * m[c][j];
    }
  }
  return matrix(n, n, m.flatMap((row) => row.slice(n)));
}

function randomMat(rows: number, cols: number, seed: string): Matrix {
  const rng = rngFor(1, seed);
  return matrix(rows, cols, Array.from({ length: rows * cols }, () => rng.normal()));
}

describe('ESZSL', () => {
  const d = 5;
  const m = 40;
  const a = 4;
  const z = 3;
  const x = randomMat(d, m, 'x');
  const labels = Array.from({ length: m }, (_, i) => i % z);
  const y = signedLabels(labels, [0, 1, 2]);
  const s = randomMat(a, z, 's');
  const gamma = 0.7;
  const lambda = 2.5;

  it('matches the closed form computed with explicit Gauss-Jordan inverses', () => {
    const v = eszslFit(x, y, s, gamma, lambda);
    const ref = matmul(
      matmul(matmul(matmul(inverse(addDiagonal(matmul(x, transpose(x)), gamma)), x), y), transpose(s)),
      inverse(addDiagonal(matmul(s, transpose(s)), lambda)),
    );
    ref.data.forEach((r, i) => expect(v.data[i]).toBeCloseTo(r, 9));
  });

  it('is a stationary point of the regularised objective (gradient 0)', () => {
    const v = eszslFit(x, y, s, gamma, lambda);
    // d/dV = 2 X (X^T V S - Y) S^T + 2 g V S S^T + 2 l X X^T V + 2 g l V
    const r = matmul(matmul(transpose(x), v), s);
    r.data.forEach((_, i) => (r.data[i] -= y.data[i]));
    const g1 = matmul(matmul(x, r), transpose(s));
    const g2 = matmul(matmul(v, s), transpose(s));
    const g3 = matmul(matmul(x, transpose(x)), v);
    g1.data.forEach((_, i) => expect(g1.data[i] + gamma * g2.data[i] + lambda * g3.data[i] + gamma * lambda * v.data[i]).toBeCloseTo(0, 8));
  });

  it('recognises an unseen class from its signature on synthetic attribute data', () => {
    // Features are the attributes themselves: seen classes 0-2 with signatures e1..e3 plus a shared
    // attribute; unseen class 3 has attributes 3 and 4, unseen 4 has 0 and 2. An input showing 3 and 4 is class 3.
    const sig = [
      [1, 0, 0, 0, 0],
      [0, 1, 0, 0, 1],
      [0, 0, 1, 1, 0],
      [0, 0, 0, 1, 1],
      [1, 0, 1, 0, 0],
    ];
    const xs = matrix(5, 30, Array.from({ length: 150 }, (_, k) => sig[(k % 30) % 3][Math.floor(k / 30)]));
    const v = eszslFit(
      xs,
      signedLabels(Array.from({ length: 30 }, (_, i) => i % 3), [0, 1, 2]),
      transpose(matrix(3, 5, sig.slice(0, 3).flat())),
      0.1,
      0.1,
    );
    const input = matrix(1, 5, [0, 0, 0, 1, 1]);
    // conventional ZSL: the search space is the unseen classes 3 and 4 only
    const scores = matmul(matmul(input, v), transpose(matrix(2, 5, sig.slice(3).flat())));
    expect(scores.data[0]).toBeGreaterThan(scores.data[1]);
  });
});

describe('DAP', () => {
  it('scores by hand: log(0.9/0.5) + log(0.8/0.5) for probs [0.9, 0.2], signature [1, 0], prior 0.5', () => {
    expect(dapScore([0.9, 0.2], [1, 0], [0.5, 0.5])).toBeCloseTo(Math.log(1.8) + Math.log(1.6), 10);
    expect(Array.from(dapTerms(
      [0.9, 0.2],
      [1, 0],
      [0.5, 0.5],
    ))).toEqual([Math.log(0.9 / 0.5), Math.log(0.8 / 0.5)].map((v) => expect.closeTo(v, 10)));
  });

  it('prefers the unseen signature that matches the predicted attributes; soft signatures interpolate', () => {
    const prior = [0.3, 0.6, 0.5];
    const probs = [0.95, 0.1, 0.9];
    const classes = [
      [1, 0, 1],
      [0, 1, 1],
      [1, 1, 0],
    ];
    const scores = classes.map((s) => dapScore(probs, s, prior));
    expect(scores.indexOf(Math.max(...scores))).toBe(0);
    // s = 0.5 makes the term log(0.5 / 0.5) = 0 whatever p is
    expect(dapTerms([0.99], [0.5], [0.2])[0]).toBeCloseTo(0, 12);
  });
});

describe('novelty detection and calibrated stacking', () => {
  it('Gaussian novelty: NLL under the closest class, threshold as a validation quantile', () => {
    const pts = [0, 0, 0.2, 0, 0, 0.2, 5, 5, 5.2, 5, 5, 5.2];
    const g = fitClassGaussians(pts, [0, 0, 0, 1, 1, 1], 2, [0, 1]);
    expect(Array.from(g.means[0])).toEqual([expect.closeTo(0.2 / 3, 12), expect.closeTo(0.2 / 3, 12)]);
    const atMean = noveltyScore(g, g.means[1]);
    expect(atMean).toBeCloseTo(Math.log(2 * Math.PI * g.variances[1]), 10);
    expect(noveltyScore(g, [2.5, 2.5])).toBeGreaterThan(noveltyScore(g, [0.1, 0.1]));
    const val = Array.from({ length: 101 }, (_, i) => i);
    expect(quantile(val, 0.9)).toBe(90);
    expect(val.filter((v) => v > quantile(val, 0.9)).length / val.length).toBeCloseTo(0.1, 1);
  });

  it('stacking keeps the asked share of seen validation images seen', () => {
    const rng = rngFor(3, 'stack');
    const n = 200;
    const scores = Array.from({ length: n * 3 }, () => rng.normal());
    const rows = Array.from({ length: n }, (_, i) => i);
    const gamma = chooseStackingConstant(scores, rows, 3, [0, 1], [2], 0.8);
    const keptSeen = rows.filter((r) => stackedArgmax(scores, r, 3, [0, 1, 2], [0, 1], gamma) !== 2).length / n;
    expect(keptSeen).toBeGreaterThanOrEqual(0.79);
    expect(keptSeen).toBeLessThanOrEqual(0.81);
  });
});

describe('attribute predictors (logistic heads)', () => {
  it('fits separable data, deterministically, leaving no tensors', () => {
    const n = 40;
    const x = Float32Array.from({ length: n * 2 }, (_, k) => (k % 2 === 0 ? (Math.floor(k / 2) < 20 ? 1 : -1) : ((k * 7) % 5) / 5));
    const t = Float32Array.from({ length: n }, (_, i) => (i < 20 ? 1 : 0));
    const before = tf.memory().numTensors;
    const h = fitLogisticHeads(x, n, 2, t, 1, { iterations: 200, learningRate: 0.5, l2: 1e-3 });
    expect(tf.memory().numTensors).toBe(before);
    const p = predictLogistic(h, x, n);
    for (let i = 0; i < n; i++) expect(p[i] > 0.5).toBe(i < 20);
    expect(fitLogisticHeads(x, n, 2, t, 1, { iterations: 200, learningRate: 0.5, l2: 1e-3 }).weights).toEqual(h.weights);
  });
});
