import { describe, expect, it } from 'vitest';
import { sizeOf } from '../core/batch.js';
import { loadCsvSet, loadDigits8x8 } from './csv-sets.js';
import { loadMnist10k } from './mnist10k.js';

describe('committed UCI tables', () => {
  it('iris: 105/45 stratified split, cm units, training data standardised', () => {
    const d = loadCsvSet('iris');
    expect([d.train.x.n, d.test.x.n]).toEqual([105, 45]);
    expect(d.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(d.units).toEqual(['cm', 'cm', 'cm', 'cm']);
    expect(d.info.hash).toMatch(/^[0-9a-f]{64}$/);
    const col0 = Array.from({ length: 105 }, (_, i) => d.train.x.data[i * 4]);
    expect(col0.reduce((a, b) => a + b, 0) / 105).toBeCloseTo(0, 5);
    expect(d.scale!.mean[0]).toBeGreaterThan(5);
    expect(d.scale!.mean[0]).toBeLessThan(6.5);
  });

  it('wine and breast cancer load with unitless features', () => {
    const w = loadCsvSet('wine');
    expect([w.train.x.n + w.test.x.n, w.sampleShape[0], w.classes.length]).toEqual([178, 13, 3]);
    const b = loadCsvSet('breast-cancer');
    expect([b.train.x.n + b.test.x.n, b.sampleShape[0]]).toEqual([569, 30]);
    expect(b.classes).toEqual(['malignant', 'benign']);
    expect(b.units!.every((u) => u === '')).toBe(true);
  });

  it('digits8x8: images in [0, 1] (pixel counts / 16), no scale', () => {
    const d = loadDigits8x8();
    expect(d.kind).toBe('image');
    expect(d.sampleShape).toEqual([8, 8, 1]);
    expect(d.scale).toBeUndefined();
    expect(d.featureNames[9]).toBe('pixel(1,1)');
    expect(d.train.x.data.every((v) => v >= 0 && v <= 1 && Number.isInteger(v * 16))).toBe(true);
    expect(d.train.x.n + d.test.x.n).toBe(1797);
  });
});

describe('mnist10k', () => {
  it('per digit the first 80% train, the rest test, 28x28x1 in [0, 1]', () => {
    const d = loadMnist10k();
    expect([d.train.x.n, d.test.x.n]).toEqual([8000, 2000]);
    expect(sizeOf(d.sampleShape)).toBe(784);
    const perDigit = new Array(10).fill(0);
    for (const y of d.test.y) perDigit[y]++;
    // Package counts 1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978; test = count - round(0.8 count).
    expect(perDigit).toEqual([200, 225, 198, 206, 196, 173, 203, 214, 189, 196]);
    expect(d.test.x.data.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(d.info.name).toMatch(/10k/);
  });
});
