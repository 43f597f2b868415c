/** mnist10k restricted for one zero-shot split: training rows of seen digits only; the test split whole. */
import { makeBatch, sizeOf } from '../../core/batch.js';
import type { Dataset } from '../dataset.js';
import type { ZeroShotSplit } from './splits.js';

export function seenOnlyDataset(data: Dataset, split: ZeroShotSplit): Dataset {
  const d = sizeOf(data.sampleShape);
  const rows: number[] = [];
  for (let i = 0; i < data.train.y.length; i++) if (split.seen.includes(data.train.y[i])) rows.push(i);
  const x = new Float32Array(rows.length * d);
  rows.forEach((r, k) => x.set(data.train.x.data.subarray(r * d, (r + 1) * d), k * d));
  return {
    ...data,
    description: `${data.description}; training rows of the seen digits ${split.seen.join(',')} only (unseen: ${split.unseen.join(',')})`,
    train: { x: makeBatch(x, data.sampleShape), y: Int32Array.from(rows, (r) => data.train.y[r]) },
  };
}
