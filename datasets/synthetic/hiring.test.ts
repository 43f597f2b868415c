import { describe, expect, it } from 'vitest';
import { invertScale } from '../standardise.js';
import { GENDER, generateHiring, HIRING_FEATURES, hiringLogit } from './hiring.js';

function hireRateByGender(variant: 'hiring-fair' | 'hiring-biased') {
  const d = generateHiring(variant);
  const nf = HIRING_FEATURES.length;
  const raw = invertScale(d.train.x.data, d.scale!);
  const hired = [0, 0];
  const total = [0, 0];
  for (let i = 0; i < d.train.x.n; i++) {
    const g = Math.round(raw[i * nf + GENDER]);
    total[g]++;
    hired[g] += d.train.y[i];
  }
  return { d, raw, men: hired[0] / total[0], women: hired[1] / total[1] };
}

describe('hiring generators', () => {
  it('are deterministic and record the protected attribute and its true effect', () => {
    const a = generateHiring('hiring-biased');
    expect(generateHiring('hiring-biased').train.x.data).toEqual(a.train.x.data);
    expect(generateHiring('hiring-biased', 7).info.hash).not.toBe(a.info.hash);
    expect(a.protectedAttribute).toEqual({ feature: GENDER, name: 'gender', trueEffect: -2, levels: ['man', 'woman'], favourableClass: 'hired' });
    expect(a.immutable).toEqual(['gender']);
    expect(a.features?.[GENDER]).toEqual({ kind: 'categorical', name: 'gender', levels: ['man', 'woman'], encoding: 'binary', columns: [GENDER] });
    expect(generateHiring('hiring-fair').protectedAttribute?.trueEffect).toBe(0);
    expect(a.groundTruth).toMatchObject({ kind: 'features', relevant: [0, 1, 2, 3, GENDER] });
    expect(a.groundTruth?.kind === 'features' && a.groundTruth.coefficients?.[GENDER]).toBe(-2);
    expect(generateHiring('hiring-fair').groundTruth).toMatchObject({ kind: 'features', relevant: [0, 1, 2, 3] });
    const fair = generateHiring('hiring-fair').groundTruth;
    expect(fair?.kind === 'features' && fair.coefficients?.[GENDER]).toBe(0);
    expect(a.featureNames[GENDER]).toBe('gender');
    expect(a.units).toEqual(['years', 'years', 'points', 'points', 'years', '', 'km']);
  });

  it('keeps original units recoverable through the recorded scale', () => {
    const { raw } = hireRateByGender('hiring-fair');
    const nf = HIRING_FEATURES.length;
    for (let i = 0; i < 50; i++) {
      const g = raw[i * nf + GENDER];
      expect(Math.abs(g - Math.round(g))).toBeLessThan(1e-4);
      expect(raw[i * nf + 1]).toBeGreaterThanOrEqual(9.999);
      expect(raw[i * nf + 1]).toBeLessThanOrEqual(22.001);
    }
  });

  it('gender changes hiring odds only in the biased variant', () => {
    const fair = hireRateByGender('hiring-fair');
    const biased = hireRateByGender('hiring-biased');
    expect(Math.abs(fair.men - fair.women)).toBeLessThan(0.05);
    expect(biased.men - biased.women).toBeGreaterThan(0.25);
  });

  it('labels follow the documented logistic model (calibration by decile of the logit)', () => {
    const { d, raw } = hireRateByGender('hiring-biased');
    const nf = HIRING_FEATURES.length;
    const rows = Array.from({ length: d.train.x.n }, (_, i) => ({ z: hiringLogit(raw.subarray(i * nf, (i + 1) * nf), 'hiring-biased'), y: d.train.y[i] }));
    rows.sort((a, b) => a.z - b.z);
    const k = Math.floor(rows.length / 10);
    for (let q = 0; q < 10; q++) {
      const part = rows.slice(q * k, (q + 1) * k);
      const expected = part.reduce((a, r) => a + 1 / (1 + Math.exp(-r.z)), 0) / part.length;
      const observed = part.reduce((a, r) => a + r.y, 0) / part.length;
      expect(Math.abs(observed - expected)).toBeLessThan(0.08);
    }
  });
});
