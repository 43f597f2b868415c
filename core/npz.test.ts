/** The .npz reader on archives NumPy wrote (np.savez, np.savez_compressed). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError } from './errors.js';
import { parseNpz } from './npz.js';

const DIR = join(import.meta.dirname, '..', 'test', 'fixtures', 'numpy');
const bytes = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
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

describe('parseNpz', () => {
  it('reads the only array of a compressed archive without a key', () => {
    const a = parseNpz(bytes('iris-attr.npz'), 'a.npz', undefined, '--key');
    expect(a.key).toBe('attributions');
    expect(a.shape).toEqual(expected['iris-attr'].shape);
    expect(Array.from(a.data)).toEqual(expected['iris-attr'].values);
  });

  it('picks an entry of several by key, and refuses to guess', () => {
    const grad = parseNpz(bytes('iris-attr-two.npz'), 'two.npz', 'grad', '--key');
    expect(Array.from(grad.data)).toEqual(expected['iris-attr'].values.map((v) => Math.fround(v * 2)));
    expect(refusal(() => parseNpz(bytes('iris-attr-two.npz'), 'two.npz', undefined, '--key'))).toBe(
      "two.npz: the .npz archive holds 2 arrays ('ig', 'grad'); pick one with --key",
    );
    expect(refusal(() => parseNpz(bytes('iris-attr-two.npz'), 'two.npz', 'shap', '--key'))).toBe(
      "--key shap: two.npz has no array 'shap' (it holds 'ig', 'grad')",
    );
  });

  it('refuses a file that is not a zip archive', () => {
    expect(refusal(() => parseNpz(bytes('iris-attr.npy'), 'x.npz', undefined, '--key'))).toMatch(/^x\.npz: not a readable \.npz \(zip\) archive/);
  });
});
