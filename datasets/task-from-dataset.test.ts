import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.js';
import { sampleIdScheme } from './task-from-dataset.js';

describe('sample ids', () => {
  const ids = sampleIdScheme('task t', 'iris', 45);

  it('are a fixed permutation of the test rows, seeded by the data set only, and prefixes grow', () => {
    const all = ids.sampleIds(45);
    expect(new Set(all).size).toBe(45);
    expect(all.every((id) => /^test-00[0-4]\d$/.test(id))).toBe(true);
    expect(ids.sampleIds(10)).toEqual(all.slice(0, 10));
    expect(ids.sampleIds(3)).toEqual(ids.sampleIds(10).slice(0, 3));
    expect(sampleIdScheme('task other-model', 'iris', 45).sampleIds(45)).toEqual(all);
    expect(sampleIdScheme('task t', 'wine', 45).sampleIds(45)).not.toEqual(all);
    expect(all).not.toEqual([...all].sort());
    expect(ids.sampleIds(1000)).toEqual(all);
    expect(ids.sampleIds(Infinity)).toEqual(all);
    expect(() => ids.sampleIds(-1)).toThrow(RangeError);
  });

  it('sampleIndex inverts them and rejects unknown ids with a UserError', () => {
    for (const id of ids.sampleIds(45)) expect(`test-${String(ids.sampleIndex(id)).padStart(4, '0')}`).toBe(id);
    expect(ids.sampleIndex('test-0044')).toBe(44);
    for (const bad of ['test-0045', 'test-44', 'test-00044', 'x', 'test-abcd']) {
      expect(() => ids.sampleIndex(bad)).toThrow(UserError);
    }
    expect(() => ids.sampleIndex('test-0045')).toThrow("task t: unknown sample id 'test-0045' (expected test-0000 .. test-0044)");
  });
});
