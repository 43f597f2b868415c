import { describe, expect, it } from 'vitest';
import { batchFromFile, fileShape, toChannelsFirst, toChannelsLast } from './layout.js';

describe('image layouts', () => {
  it('moves channels last and back, sample by sample', () => {
    // Two samples of [C=2, H=1, W=3]: channel 0 then channel 1.
    const chw = Float32Array.from([1, 2, 3, 10, 20, 30, 4, 5, 6, 40, 50, 60]);
    const hwc = toChannelsLast(chw, 2, [2, 1, 3]);
    expect(Array.from(hwc)).toEqual([1, 10, 2, 20, 3, 30, 4, 40, 5, 50, 6, 60]);
    expect(Array.from(toChannelsFirst(hwc, 2, [1, 3, 2]))).toEqual(Array.from(chw));
    expect(fileShape([1, 3, 2], 'channels-first')).toEqual([2, 1, 3]);
    expect(fileShape([1, 3, 2], 'channels-last')).toEqual([1, 3, 2]);
    const b = batchFromFile({ n: 2, sampleShape: [2, 1, 3], data: chw }, 'channels-first');
    expect(b.sampleShape).toEqual([1, 3, 2]);
    expect(Array.from(b.data)).toEqual(Array.from(hwc));
  });
});
