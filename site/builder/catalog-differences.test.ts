/** The by-design differences from the peers reach catalog.json, bilingual and well formed. */
import { describe, expect, it } from 'vitest';
import { buildCatalog } from './catalog.js';

const hangul = /[\uac00-\ud7a3]/;

describe('catalog: differences from the reference implementations', () => {
  const catalog = buildCatalog();
  const all = [...catalog.explainers, ...catalog.metrics];

  it("copies each declaration's differences, [] where none is declared", () => {
    for (const id of ['lrp', 'lime', 'kernel-shap', 'occlusion']) {
      expect(catalog.explainers.find((e) => e.id === id)?.differences.length, id).toBeGreaterThan(0);
    }
    for (const id of ['rank-correlation', 'pairwise-rank-agreement']) {
      expect(catalog.metrics.find((m) => m.id === id)?.differences.length, id).toBeGreaterThan(0);
    }
    expect(catalog.explainers.find((e) => e.id === 'gradient')?.differences).toEqual([]);
  });

  it('states every difference in English and Korean, with a size in both or null (not measured)', () => {
    for (const entry of all) {
      for (const d of entry.differences) {
        expect(d.reference.trim(), entry.id).not.toBe('');
        expect(d.what.en.trim(), entry.id).not.toBe('');
        expect(d.what.ko, `${entry.id}: ${d.reference}`).toMatch(hangul);
        if (d.size !== null) {
          expect(d.size.en.trim()).not.toBe('');
          expect(d.size.ko, `${entry.id}: ${d.reference}`).toMatch(hangul);
        }
        expect([undefined, 'differs', 'matched']).toContain(d.status);
      }
    }
  });

  it('the LRP bias difference is marked matched, and the max-pool tie split still differs with a measured size', () => {
    const lrp = catalog.explainers.find((e) => e.id === 'lrp')!.differences;
    expect(lrp.find((d) => d.reference.includes('ZPlus'))?.status).toBe('matched');
    const ties = lrp.find((d) => d.what.en.includes('max-pooling'));
    expect(ties?.status ?? 'differs').toBe('differs');
    expect(ties?.size).not.toBeNull();
  });
});
