/**
 * The .npy reader on files NumPy wrote (test/fixtures/numpy/make-fixtures.py): both byte orders,
 * Fortran order, format 2.0, integer dtypes, and the files it must refuse.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError } from './errors.js';
import { fortranToC, parseNpy } from './npy.js';

const DIR = join(import.meta.dirname, '..', 'test', 'fixtures', 'numpy');
const read = (name: string) => parseNpy(new Uint8Array(readFileSync(join(DIR, name))), name);
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, { shape: number[]; values: number[] }>;

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(isUserError(e), String(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('parseNpy on NumPy-written files', () => {
  it.each([
    ['cube-f4.npy', 'float32'],
    ['cube-f8-big.npy', 'float64'],
    ['cube-f4-fortran.npy', 'float32'],
    ['cube-f8-big-fortran.npy', 'float64'],
    ['cube-f4-v2.npy', 'float32'],
  ])('%s reads as the C-order values NumPy lists', (name, dtype) => {
    const a = read(name);
    expect(a.dtype).toBe(dtype);
    expect(a.shape).toEqual(expected.cube.shape);
    expect(Array.from(a.data)).toEqual(expected.cube.values);
  });

  it('reads integer dtypes as their values', () => {
    expect(Array.from(read('cube-u1.npy').data)).toEqual(expected['cube-u1'].values);
    const i8 = read('cube-i8.npy');
    expect(i8.dtype).toBe('int8');
    expect(Array.from(i8.data)).toEqual(expected['cube-i8'].values);
  });

  it('refuses a pickled object array without loading it, and complex arrays', () => {
    expect(refusal(() => read('iris-attr-pickled.npy'))).toMatch(/^iris-attr-pickled\.npy: holds an array of Python objects \(dtype \|O, stored as a pickle\)/);
    expect(refusal(() => read('iris-attr-c8.npy'))).toMatch(/^iris-attr-c8\.npy: holds a complex array \(dtype <c8\)/);
  });

  it('refuses truncated files, also when the cut falls on a whole element', () => {
    expect(refusal(() => read('iris-attr-truncated.npy'))).toMatch(/truncated \.npy file: its header promises 24 float32 values \(96 bytes\) of shape \(6, 4\), the file holds 93 bytes/);
    expect(refusal(() => read('iris-attr-truncated-whole.npy'))).toMatch(/holds 92 bytes/);
    const whole = readFileSync(join(DIR, 'iris-attr.npy'));
    expect(refusal(() => parseNpy(new Uint8Array(whole.subarray(0, 40)), 'cut.npy'))).toMatch(/^cut\.npy: truncated \.npy file \(it ends inside the header\)/);
    expect(refusal(() => parseNpy(new Uint8Array(Buffer.concat([whole, Buffer.from([0, 0])])), 'long.npy'))).toMatch(/^long\.npy: 2 bytes follow/);
  });

  it('refuses what is not a .npy file', () => {
    expect(refusal(() => parseNpy(new TextEncoder().encode('[[1, 2]]'), 'x.json'))).toMatch(/^x\.json: not a \.npy file/);
  });
});

describe('fortranToC', () => {
  it('matches index arithmetic on a random shape', () => {
    const shape = [3, 2, 5, 4];
    const n = shape.reduce((a, b) => a * b, 1);
    const stored = Float32Array.from({ length: n }, (_, i) => i);
    const c = fortranToC(stored, shape);
    // Element (i, j, k, l) sits at i + 3 (j + 2 (k + 5 l)) in Fortran order and ((i 2 + j) 5 + k) 4 + l in C order.
    for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) for (let k = 0; k < 5; k++) for (let l = 0; l < 4; l++) {
      expect(c[((i * 2 + j) * 5 + k) * 4 + l]).toBe(i + 3 * (j + 2 * (k + 5 * l)));
    }
  });
});
