/**
 * fashion-mnist: Fashion-MNIST (Xiao, Rasul & Vollgraf 2017, "Fashion-MNIST: a Novel Image Dataset for
 * Benchmarking Machine Learning Algorithms", MIT licence), 28x28 greyscale clothing images in 10
 * classes, from Debian's dataset-fashion-mnist: the whole standard test split (10,000) and the first
 * 10,000 of the standard 60,000 training images (tools/data/prepare-fashion-mnist.ts). Pixels / 255.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { makeBatch } from '../core/batch.js';
import { type Dataset, pixelNames } from './dataset.js';
import { DATA_DIR } from './paths.js';

const DIR = join(DATA_DIR, 'fashion-mnist');
const FILES = {
  trainImages: 'train10k-images-idx3-ubyte.gz',
  trainLabels: 'train10k-labels-idx1-ubyte.gz',
  testImages: 't10k-images-idx3-ubyte.gz',
  testLabels: 't10k-labels-idx1-ubyte.gz',
} as const;

const FASHION_CLASSES = ['T-shirt/top', 'trouser', 'pullover', 'dress', 'coat', 'sandal', 'shirt', 'sneaker', 'bag', 'ankle boot'];

/** An IDX file (LeCun's format): magic 0x0801 labels or 0x0803 images, big-endian counts. */
function readIdx(bytes: Buffer, file: string): { count: number; data: Uint8Array } {
  const raw = gunzipSync(bytes);
  const magic = raw.readUInt32BE(0);
  const count = raw.readUInt32BE(4);
  const header = magic === 0x803 ? 16 : magic === 0x801 ? 8 : -1;
  if (header < 0) throw new Error(`${file}: not an IDX label or image file (magic ${magic.toString(16)})`);
  const per = magic === 0x803 ? raw.readUInt32BE(8) * raw.readUInt32BE(12) : 1;
  if (raw.length !== header + count * per) throw new Error(`${file}: ${raw.length} bytes, expected ${header + count * per}`);
  return { count, data: raw.subarray(header) };
}

export function loadFashionMnist(): Dataset {
  const hash = createHash('sha256');
  const read = (f: string) => {
    const bytes = readFileSync(join(DIR, f));
    hash.update(bytes);
    return readIdx(bytes, f);
  };
  const split = (images: string, labels: string) => {
    const x = read(images);
    const y = read(labels);
    if (x.count !== y.count) throw new Error(`${images}: ${x.count} images but ${y.count} labels`);
    return { x: makeBatch(Float32Array.from(x.data, (v) => v / 255), [28, 28, 1]), y: Int32Array.from(y.data) };
  };
  const train = split(FILES.trainImages, FILES.trainLabels);
  const test = split(FILES.testImages, FILES.testLabels);
  return {
    info: {
      id: 'fashion-mnist',
      name: 'Fashion-MNIST (standard test split, first 10,000 training images)',
      source: 'Xiao, Rasul & Vollgraf 2017 (MIT), Debian dataset-fashion-mnist; data/datasets/fashion-mnist/',
      hash: hash.digest('hex'),
      synthetic: false,
    },
    description: 'Fashion-MNIST: 28x28 clothing images, 10 classes; standard 10k test split, first 10k of the 60k training images',
    kind: 'image',
    sampleShape: [28, 28, 1],
    classes: FASHION_CLASSES,
    featureNames: pixelNames(28, 28),
    train,
    test,
  };
}
