/**
 * `npx tsx tools/data/prepare-fashion-mnist.ts`: copies Fashion-MNIST (Xiao, Rasul & Vollgraf 2017, MIT)
 * from Debian's dataset-fashion-mnist into data/datasets/fashion-mnist/: the whole standard test set
 * (10,000 images, as shipped) and a fixed training subset, the first 10,000 of the standard 60,000
 * training images (IDX files, gzip). Run once by hand; the committed files are what the loader reads.
 */
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

const SRC = '/usr/share/datasets/fashion-mnist';
const OUT = 'data/datasets/fashion-mnist';
const TRAIN_SUBSET = 10_000;

mkdirSync(OUT, { recursive: true });
for (const f of ['t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz']) copyFileSync(join(SRC, f), join(OUT, f));

/** An IDX file cut to its first n items: the header's count rewritten, the item bytes truncated. */
function firstItems(file: string, n: number, itemBytes: number, headerBytes: number): Buffer {
  const raw = gunzipSync(readFileSync(join(SRC, file)));
  const head = Buffer.from(raw.subarray(0, headerBytes));
  head.writeUInt32BE(n, 4);
  return gzipSync(Buffer.concat([head, raw.subarray(headerBytes, headerBytes + n * itemBytes)]), { level: 9 });
}
writeFileSync(join(OUT, 'train10k-images-idx3-ubyte.gz'), firstItems('train-images-idx3-ubyte.gz', TRAIN_SUBSET, 28 * 28, 16));
writeFileSync(join(OUT, 'train10k-labels-idx1-ubyte.gz'), firstItems('train-labels-idx1-ubyte.gz', TRAIN_SUBSET, 1, 8));
console.log(`wrote ${OUT}: test 10000, training subset ${TRAIN_SUBSET}`);
