import { describe, expect, it } from 'vitest';
import { sampleOf } from '../../core/batch.js';
import { rngFor } from '../../core/rng.js';
import { generateSynthPattern, patternLayout, patternMask, renderPattern, SYNTH_PATTERN } from './synth-pattern.js';

const S = 28;

describe('synth-pattern', () => {
  const data = generateSynthPattern();

  it('is deterministic under its seed and changes with it', () => {
    expect(renderPattern(1, 17)).toEqual(renderPattern(1, 17));
    expect(renderPattern(2, 17)).not.toEqual(renderPattern(1, 17));
    expect(data.info.hash).not.toBe(generateSynthPattern(2).info.hash);
  });

  it('the mask covers exactly the planted pattern, and erasing it changes only masked pixels', () => {
    expect(data.groundTruth?.kind).toBe('mask');
    const masks = data.groundTruth!.kind === 'mask' ? data.groundTruth!.masks : () => new Uint8Array();
    for (let t = 0; t < 60; t++) {
      const img = sampleOf(data.test.x, t);
      const mask = masks(t);
      const count = mask.reduce((a, v) => a + v, 0);
      expect([9, 16]).toContain(count);
      for (let q = 0; q < S * S; q++) if (mask[q]) expect(img[q]).toBeGreaterThanOrEqual(0.6);
    }
    // The probe's 'without signal' images: pattern erased, distractors kept (its rng is unused).
    const erased = data.probe!.withoutSignal(rngFor(0, 'unused'));
    for (let t = 0; t < 60; t++) {
      const img = sampleOf(data.test.x, t);
      const noPattern = sampleOf(erased, t);
      const mask = masks(t);
      for (let q = 0; q < S * S; q++) expect(noPattern[q]).toBe(mask[q] ? 0 : img[q]);
    }
    expect(() => masks(data.test.x.n)).toThrow(RangeError);
  });

  it('distractors never touch the pattern box, and re-drawing them keeps the pattern', () => {
    for (let i = 0; i < 100; i++) {
      const layout = patternLayout(1, i);
      const img = renderPattern(1, i, { pattern: false });
      for (let r = layout.row - 1; r <= layout.row + SYNTH_PATTERN.box; r++) {
        for (let c = layout.col - 1; c <= layout.col + SYNTH_PATTERN.box; c++) {
          if (r >= 0 && r < S && c >= 0 && c < S) expect(img[r * S + c]).toBe(0);
        }
      }
      const mask = patternMask(layout);
      const a = renderPattern(1, i, { draw: 0 });
      const b = renderPattern(1, i, { draw: 5 });
      expect(b).not.toEqual(a);
      for (let q = 0; q < S * S; q++) if (mask[q]) expect(b[q]).toBe(a[q]);
      const ink = Array.from(img).filter((v) => v > 0).length;
      expect(ink).toBeGreaterThanOrEqual(SYNTH_PATTERN.distractors.min * SYNTH_PATTERN.distractors.minLength);
    }
  });

  it('classes are balanced and values lie in [0, 1]', () => {
    const counts = [0, 0, 0];
    for (const v of data.test.y) counts[v]++;
    for (const c of counts) expect(c / data.test.y.length).toBeGreaterThan(0.28);
    const v = data.train.x.data;
    expect(v.reduce((a, b) => Math.min(a, b), Infinity)).toBe(0);
    expect(v.reduce((a, b) => Math.max(a, b), -Infinity)).toBeLessThanOrEqual(1);
    expect(data.sampleShape).toEqual([28, 28, 1]);
  });
});
