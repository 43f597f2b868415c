import { describe, expect, it } from 'vitest';
import { deletionAuc } from '../metrics/fidelity/deletion-auc.js';
import { UserError } from '../core/errors.js';
import { defaultRecords, resolveVariants, variantKey, variantLabel } from './metric-variants.js';
import { PROFILES } from './profiles.js';
import { makeRecord } from '../test/helpers/result-records.js';

describe('metric setting variants', () => {
  it('resolve against the run setting, dropping the ones equal to it and duplicates', () => {
    const v = resolveVariants('deletion-auc', deletionAuc.params, { steps: 10 }, [{ baseline: 'zero' }, { baseline: 'task' }, { baseline: 'zero' }, { baseline: 'blur' }], 'profile smoke');
    expect(v.map((x) => x.overrides)).toEqual([{ baseline: 'zero' }, { baseline: 'blur' }]);
    // The rest of the run's setting is kept: only the baseline differs.
    expect(v[0].params).toMatchObject({ steps: 10, baseline: 'zero', order: 'signed', output: 'probability' });
    // A user who already set baseline=zero gets the task baseline back as nothing new, zero dropped.
    expect(resolveVariants('deletion-auc', deletionAuc.params, { baseline: 'zero' }, [{ baseline: 'zero' }], 'p').length).toBe(0);
  });

  it('refuse a bad name or value like a bad --set, naming the profile', () => {
    expect(() => resolveVariants('deletion-auc', deletionAuc.params, {}, [{ basline: 'zero' }], 'profile quick')).toThrow(UserError);
    expect(() => resolveVariants('deletion-auc', deletionAuc.params, {}, [{ basline: 'zero' }], 'profile quick')).toThrow(/^profile quick: metricVariants of deletion-auc: .*unknown parameter/);
    expect(() => resolveVariants('deletion-auc', deletionAuc.params, {}, [{ baseline: 'grey' }], 'profile quick')).toThrow(/baseline/);
  });

  it('every declared variant of the built-in profiles resolves', () => {
    for (const p of Object.values(PROFILES)) {
      for (const [id, declared] of Object.entries(p.metricVariants ?? {})) {
        expect(id, p.id).toMatch(/^(deletion|insertion)-auc$/);
        expect(resolveVariants(id, deletionAuc.params, p.sets[id] ?? {}, declared, `profile ${p.id}`).length, `${p.id} ${id}`).toBe(declared.length);
      }
    }
    expect(Object.keys(PROFILES.smoke.metricVariants ?? {})).toEqual(['deletion-auc', 'insertion-auc']);
  });

  it('name variants by key order and leave only the metrics\' own settings in defaultRecords', () => {
    expect(variantKey({ b: 1, a: 'x' })).toBe(variantKey({ a: 'x', b: 1 }));
    expect(variantKey(undefined)).toBe('');
    expect(variantLabel({ steps: 5, baseline: 'zero' })).toBe('baseline=zero,steps=5');
    const own = makeRecord({ explainer: 'a', metric: 'm', values: [1] });
    expect(defaultRecords([own, { ...own, variant: { baseline: 'zero' } }])).toEqual([own]);
  });
});
