import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../../core/backend.js';
import { rngFor } from '../../../core/rng.js';
import { type PoolGeometry, avgPoolRelevance, maxPoolRelevance } from './pooling.js';

beforeAll(async () => {
  await useBackend('wasm');
});

/** One row of a 1-channel image: [1, 1, w, 1]. */
const row = (v: number[]) => tf.tensor4d(v, [1, 1, v.length, 1]);
const pool2: PoolGeometry = { pool: [1, 2], strides: [1, 2], padding: 'valid' };

function run(f: typeof maxPoolRelevance, a: number[], r: number[], g: PoolGeometry = pool2): number[] {
  return tf.tidy(() => Array.from(f(row(a), row(r), g).dataSync()));
}

/** Loop oracle for any geometry on one channel: windows enumerated explicitly. */
function loopRelevance(mode: 'max' | 'avg', a: number[][], r: number[][], g: PoolGeometry): number[][] {
  const [h, w] = [a.length, a[0].length];
  const [oh, ow] = [r.length, r[0].length];
  const pad = (
    n: number,
    k: number,
    s: number,
    out: number,
  ) => (g.padding === 'valid' ? 0 : Math.floor(Math.max((out - 1) * s + k - n, 0) / 2));
  const pt = pad(h, g.pool[0], g.strides[0], oh);
  const pl = pad(w, g.pool[1], g.strides[1], ow);
  const out = a.map((rw) => rw.map(() => 0));
  for (let y = 0; y < oh; y++)
    for (let x = 0; x < ow; x++) {
      const cells: [number, number][] = [];
      for (let dy = 0; dy < g.pool[0]; dy++)
        for (let dx = 0; dx < g.pool[1]; dx++) {
          const [iy, ix] = [y * g.strides[0] + dy - pt, x * g.strides[1] + dx - pl];
          if (iy >= 0 && ix >= 0 && iy < h && ix < w) cells.push([iy, ix]);
        }
      if (mode === 'max') {
        const m = Math.max(...cells.map(([i, j]) => a[i][j]));
        const winners = cells.filter(([i, j]) => a[i][j] === m);
        for (const [i, j] of winners) out[i][j] += r[y][x] / winners.length;
      } else {
        const s = cells.reduce((acc, [i, j]) => acc + a[i][j], 0);
        for (const [i, j] of cells) out[i][j] += s === 0 ? 0 : (a[i][j] / s) * r[y][x];
      }
    }
  return out;
}

describe('pooling relevance', () => {
  it('max pooling is winner-take-all ([1,3,2,0], R=[4,6] -> [0,4,6,0])', () => {
    expect(run(maxPoolRelevance, [1, 3, 2, 0], [4, 6])).toEqual([0, 4, 6, 0]);
  });

  it('max pooling splits ties equally', () => {
    expect(run(maxPoolRelevance, [2, 2, 1, 5], [4, 6])).toEqual([2, 2, 0, 6]);
    expect(run(maxPoolRelevance, [0, 0, 7, 7], [3, -1])).toEqual([1.5, 1.5, -0.5, -0.5]);
  });

  it("max pooling with ties: 'first' gives the whole share to the first maximum in row-major order (autograd's pick)", () => {
    const first = (a: number[], r: number[]) => tf.tidy(() => Array.from(maxPoolRelevance(row(a), row(r), pool2, 'first').dataSync()));
    expect(first([2, 2, 1, 5], [4, 6])).toEqual([4, 0, 0, 6]);
    expect(first([0, 0, 7, 7], [3, -1])).toEqual([3, 0, -1, 0]);
    // 2x2 window, three tied maxima: (0,1) comes first in row-major order, not (1,0).
    const square = tf.tidy(() => Array.from(maxPoolRelevance(
      tf.tensor4d([1, 2, 2, 2], [1, 2, 2, 1]),
      tf.tensor4d([6], [1, 1, 1, 1]),
      { pool: [2, 2], strides: [2, 2], padding: 'valid' },
      'first',
    ).dataSync()));
    expect(square).toEqual([0, 6, 0, 0]);
  });

  it('average pooling is proportional (-> [1,3,6,0])', () => {
    expect(run(avgPoolRelevance, [1, 3, 2, 0], [4, 6])).toEqual([1, 3, 6, 0]);
  });

  const geometries: PoolGeometry[] = [
    { pool: [2, 2], strides: [2, 2], padding: 'valid' },
    { pool: [3, 3], strides: [2, 2], padding: 'valid' }, // overlapping windows
    { pool: [3, 2], strides: [2, 1], padding: 'same' },
    { pool: [2, 2], strides: [3, 3], padding: 'valid' }, // gaps between windows
  ];
  for (const g of geometries) {
    for (const mode of ['max', 'avg'] as const) {
      it(`${mode} pooling matches a loop over windows (pool ${g.pool}, stride ${g.strides}, ${g.padding})`, () => {
        const rng = rngFor(3, 'pool', mode, g.pool.join('x'), g.padding);
        // Small integers make ties common.
        const a = Array.from({ length: 7 }, () => Array.from({ length: 6 }, () => rng.int(4)));
        const outShape = tf.tidy(() => (mode === 'max' ? tf.maxPool : tf.avgPool)(
          tf.zeros([1, 7, 6, 1]) as tf.Tensor4D,
          g.pool,
          g.strides,
          g.padding,
        ).shape);
        const r = Array.from({ length: outShape[1] }, () => Array.from({ length: outShape[2] }, () => rng.uniform(-1, 2)));
        const got = tf.tidy(() =>
          (mode === 'max' ? maxPoolRelevance : avgPoolRelevance)(
            tf.tensor4d(a.flat(), [1, 7, 6, 1]),
            tf.tensor4d(r.flat(), outShape),
            g,
          ).arraySync(),
        );
        const want = loopRelevance(mode, a, r, g);
        got[0].forEach((rw, i) => rw.forEach((v, j) => expect(v[0]).toBeCloseTo(want[i][j], 5)));
      });
    }
  }

  it('works per channel and per sample, and leaves no tensors', () => {
    const before = tf.memory().numTensors;
    const got = tf.tidy(() => {
      const a = tf.tensor4d([1, 9, 3, 2, 5, 5, 0, 1], [2, 1, 2, 2]); // samples x 1 x 2 x channels
      const r = tf.tensor4d([10, 20, 30, 40], [2, 1, 1, 2]);
      return Array.from(maxPoolRelevance(a, r, { pool: [1, 2], strides: [1, 2], padding: 'valid' }).dataSync());
    });
    expect(got).toEqual([0, 20, 10, 0, 30, 40, 0, 0]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
