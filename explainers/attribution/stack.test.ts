import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { Engine } from '../../core/engine.js';
import { reluMlp } from '../../test/helpers/tiny-models.js';
import { repeatRow, type Stack, stackedTargetOutputs } from './stack.js';

beforeAll(async () => {
  await useBackend('wasm');
});

describe('stacks of rows', () => {
  it('repeatRow writes count copies and nothing past them', () => {
    for (const d of [1, 3, 30]) {
      for (const count of [0, 1, 2, 3, 7, 31, 64]) {
        const row = Float32Array.from({ length: d }, (_, k) => k + 1);
        const out = new Float32Array(count * d + 5).fill(-1);
        repeatRow(out, row, count);
        const want = [...Array.from({ length: count }, () => Array.from(row)).flat(), -1, -1, -1, -1, -1];
        expect(Array.from(out)).toEqual(want);
      }
    }
  });

  it('gives the same outputs however the stacks are packed into calls, with a reused input buffer in between', async () => {
    const w1 = Array.from({ length: 4 }, (_, i) => Array.from({ length: 6 }, (_, j) => Math.cos(i * 6 + j)));
    const w2 = Array.from({ length: 6 }, (_, i) => Array.from({ length: 3 }, (_, j) => Math.sin(i * 3 + j)));
    const model = await reluMlp(w1, [0.1, -0.2, 0.3, 0, 0.05, -0.1], w2, [0, 0.1, -0.1]);
    const engine = new Engine(model);
    const stacks: Stack[] = Array.from({ length: 5 }, (_, i) => ({
      rows: 3 + i,
      target: i % 3,
      fill(out: Float32Array) {
        for (let j = 0; j < out.length; j++) out[j] = Math.sin(i * 100 + j);
      },
    }));
    const one = stackedTargetOutputs(engine, [4], stacks, 'logit');
    // Packs of at most 2 stacks' worth of values: several calls, the buffer filled again for each.
    const many = stackedTargetOutputs(engine, [4], stacks, 'logit', 8 * 4);
    expect(many.map((f) => Array.from(f))).toEqual(one.map((f) => Array.from(f)));
    // Each stack's rows are its own, in order: compare with the engine on that stack alone.
    stacks.forEach((s, i) => {
      const data = new Float32Array(s.rows * 4);
      s.fill(data);
      const alone = engine.targetOutputs({ n: s.rows, sampleShape: [4], data }, s.target, 'logit');
      expect(Array.from(one[i])).toEqual(Array.from(alone));
    });
    // A stack that writes nothing sees zeros, also after the buffer held other rows.
    const zero = stackedTargetOutputs(engine, [4], [{ rows: 2, target: 0, fill: () => {} }], 'logit');
    const zeros = engine.targetOutputs({ n: 2, sampleShape: [4], data: new Float32Array(8) }, 0, 'logit');
    expect(Array.from(zero[0])).toEqual(Array.from(zeros));
  });
});
