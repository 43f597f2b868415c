import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../core/backend.js';
import { makeBatch } from '../core/batch.js';
import { loadPlugin } from '../runner/plugins.js';
import { contextFor, runExplainer, tabularTask } from '../test/helpers/explainer-fixtures.js';
import { linearSoftmax } from '../test/helpers/tiny-models.js';
import { gradientXInputExplainer } from './attribution/gradient-x-input.js';
import { type LegacyAttributionExplainer, isLegacyExplainer, toCurrentApi } from './plugin-api.js';
import type { AttributionExplainer } from './types.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const W = [[1, -2, 0.5], [0.25, 3, -1], [-1.5, 0, 2], [2, 1, 1]];
const x = makeBatch(Float32Array.from([1, 2, 3, 4, -1, 0, 0.5, 2]), [4]);
const targets = Int32Array.from([1, 2]);

/** Gradient x input as a plugin file, in the first (positional) contract or the current one. */
function pluginFile(dir: string, style: 'legacy' | 'current'): string {
  const head = style === 'current' ? '  api: 2,\n' : '';
  const signature = style === 'current' ?
    'explain({ ctx, batch, targets, sampleIds, params, state })' : 'explain(ctx, batch, targets, sampleIds, params, state)';
  const path = join(dir, `gxi-${style}.ts`);
  writeFileSync(
    path,
    `export default {
${head}  id: 'gxi-${style}',
  family: 'attribution',
  description: 'gradient x input (${style} plugin)',
  needs: ['gradients'],
  output: 'logit',
  deterministic: true,
  params: {},
  fit() { return { fitted: true }; },
  ${signature} {
    if (sampleIds.length !== batch.n || !state.fitted || typeof params !== 'object') throw new Error('bad input');
    const g = ctx.engine.gradients(batch, targets, 'logit');
    for (let k = 0; k < g.length; k++) g[k] *= batch.data[k];
    return { attributions: g };
  },
};
`,
  );
  return path;
}

describe('the explainer plugin API', () => {
  it('loads a plugin of the first, positional contract and one of api 2, and both give the built-in answer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xai-plugin-api-'));
    const ctx = contextFor(await linearSoftmax(W, [0.1, 0, -0.1]), tabularTask({ features: 4, classes: ['a', 'b', 'c'] }));
    const expected = Array.from((await runExplainer(gradientXInputExplainer, ctx, x, targets)).attributions);
    for (const style of ['legacy', 'current'] as const) {
      const loaded = await loadPlugin(pluginFile(dir, style));
      expect(loaded.api).toBe(2);
      expect(loaded.family).toBe('attribution');
      const got = await runExplainer(loaded as AttributionExplainer, ctx, x, targets);
      expect(Array.from(got.attributions), style).toEqual(expected);
    }
  });

  it('wraps only explainers without api 2, and the wrapper keeps the plugin as `this`', async () => {
    expect(toCurrentApi(gradientXInputExplainer)).toBe(gradientXInputExplainer);
    const legacy: LegacyAttributionExplainer<Record<string, never>, number> & { readonly scale: number } = {
      id: 'scaled',
      family: 'attribution',
      description: 'reads a field of its own through this',
      needs: [],
      output: 'logit',
      deterministic: true,
      params: {},
      scale: 3,
      fit() {
        return this.scale;
      },
      explain(_ctx, batch, _targets, _ids, _p, state) {
        return { attributions: batch.data.map((v) => v * state * this.scale) };
      },
    };
    expect(isLegacyExplainer(legacy)).toBe(true);
    const current = toCurrentApi(legacy) as AttributionExplainer<Record<string, never>, number>;
    expect(current.api).toBe(2);
    const ctx = contextFor(await linearSoftmax(W, [0, 0, 0]), tabularTask({ features: 4, classes: ['a', 'b', 'c'] }));
    const result = await runExplainer(current, ctx, x, targets);
    expect(Array.from(result.attributions)).toEqual(Array.from(x.data, (v) => v * 9));
  });

  it('refuses an api version it does not know, naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xai-plugin-api-'));
    const path = join(dir, 'future.ts');
    writeFileSync(
      path,
      `export default { api: 3, id: 'future', family: 'attribution', description: 'd', needs: [], output: 'logit', deterministic: ` +
      `true, params: {}, explain() {} };\n`,
    );
    await expect(loadPlugin(path)).rejects.toThrow(/"api" must be 2/);
  });
});
