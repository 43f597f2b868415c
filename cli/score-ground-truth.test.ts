import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.js';
import { readGroundTruth } from './score-command.js';

const dir = mkdtempSync(join(tmpdir(), 'xai-gt-'));
let count = 0;
function file(json: unknown): string {
  const p = join(dir, `gt-${count++}.json`);
  writeFileSync(p, JSON.stringify(json));
  return p;
}

describe('score --ground-truth', () => {
  it('reads masks shaped like the inputs, bare or under "masks"', () => {
    const masks = [[[0, 1], [1, 0]], [[0, 0], [0, 1]]];
    expect(Array.from(readGroundTruth(file(masks), 2, [2, 2]))).toEqual([0, 1, 1, 0, 0, 0, 0, 1]);
    expect(Array.from(readGroundTruth(file({ masks }), 2, [2, 2]))).toEqual([0, 1, 1, 0, 0, 0, 0, 1]);
  });

  it('reads one list of relevant indices for all inputs, or one per input', () => {
    expect(Array.from(readGroundTruth(file({ relevant: [0, 3] }), 2, [4]))).toEqual([1, 0, 0, 1, 1, 0, 0, 1]);
    expect(Array.from(readGroundTruth(file({ relevant: [[0, 3], [1]] }), 2, [4]))).toEqual([1, 0, 0, 1, 0, 1, 0, 0]);
    // Flat element indices also address image inputs.
    expect(Array.from(readGroundTruth(file({ relevant: [3] }), 1, [2, 2, 1]))).toEqual([0, 0, 0, 1]);
  });

  it('names out-of-range and malformed indices and wrong counts', () => {
    const bad: [unknown, RegExp][] = [
      [{ relevant: [0, 4] }, /relevant\[1\] = 4 is out of range: inputs have 4 elements \(indices 0\.\.3\)/],
      [{ relevant: [[0], [-1]] }, /relevant\[1\]\[0\] = -1 is out of range/],
      [{ relevant: [[0], [1], [2]] }, /"relevant" has 3 lists, expected 2/],
      [{ relevant: [1.5] }, /relevant\[0\] is 1.5, expected an integer element index/],
      [{ relevant: 2 }, /"relevant" must be a list/],
      [[[0, 1, 0, 0]], /expected 2 masks/],
      [[[0, 2, 0, 0], [0, 0, 0, 0]], /masks\[0\] has value 2/],
    ];
    for (const [json, message] of bad) {
      const path = file(json);
      expect(() => readGroundTruth(path, 2, [4])).toThrow(UserError);
      expect(() => readGroundTruth(path, 2, [4])).toThrow(message);
    }
  });
});
