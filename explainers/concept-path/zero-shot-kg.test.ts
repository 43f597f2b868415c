import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { selectSamples } from '../../core/batch.js';
import { Engine } from '../../core/engine.js';
import { resolveParams } from '../../core/params.js';
import { rngFor } from '../../core/rng.js';
import { loadTask } from '../../datasets/index.js';
import type { Task } from '../../datasets/task.js';
import { pathValidity } from '../../metrics/concept-path/path-validity.js';
import { pathFaithfulness } from '../../metrics/concept-path/path-faithfulness.js';
import type { MetricContext, StructuredInput } from '../../metrics/types.js';
import { zeroShotKgExplainer as kg } from './zero-shot-kg.js';
import type { ZeroShotSystem } from './zero-shot-system.js';

let task: Task;
beforeAll(async () => {
  await useBackend('wasm');
  task = await loadTask('zsl-u89');
}, 60_000);

const params = () => resolveParams(kg.params, { iterations: 40 }, 'zero-shot-kg');

async function fitAndExplain(rows: number[]) {
  const engine = new Engine(task.model);
  const data = { train: task.train, test: task.test };
  const sys = (await kg.fit!({ engine, task, rng: (p) => rngFor(0, p), data }, params())) as ZeroShotSystem;
  const batch = selectSamples(task.test.x, rows);
  const targets = new Int32Array(rows.length);
  const ids = rows.map((r) => `test-${String(r).padStart(4, '0')}`);
  const res = await kg.explain({
    ctx: { engine, task, rng: (s, p) => rngFor(0, s, p) },
    batch,
    targets,
    sampleIds: ids,
    params: params(),
    state: sys,
  });
  return { sys, res, batch, ids, engine, data };
}

describe('zero-shot-kg', () => {
  // test rows of digit 9 (unseen in zsl-u89) and of seen digits
  const rows = () => {
    const out: number[] = [];
    for (const d of [9, 8, 0, 1]) out.push(...Array.from(task.test.y).flatMap((y, i) => (y === d ? [i] : [])).slice(0, 2));
    return out;
  };

  it('explains with graph-valid paths, text naming the concepts on them, deterministically and without leaks', async () => {
    const before = tf.memory().numTensors;
    const a = await fitAndExplain(rows());
    expect(tf.memory().numTensors).toBe(before);
    const b = await fitAndExplain(rows());
    expect(JSON.stringify(b.res)).toBe(JSON.stringify(a.res));
    const g = a.sys.setup.graph;
    for (const e of a.res.explanations) {
      expect(e.seen).toBe(a.sys.setup.seen.includes(e.class));
      expect(Number.isFinite(e.novelty)).toBe(true);
      for (const p of e.paths) expect(g.pathValid(p), p.join(' ')).toBe(true);
      // every concept on an attribute path is named in both languages
      for (const p of e.paths.filter((q) => q.includes('grounded_in'))) {
        for (const node of p.filter((_, k) => k % 2 === 0).slice(1)) {
          expect(e.text.en).toContain(g.node(node).label.en);
          expect(e.text.ko).toContain(g.node(node).label.ko);
        }
      }
      expect(e.text.en).toContain(`Recognised as ${e.class}`);
      for (const s of e.similarClasses) expect(a.sys.setup.seen).toContain(s.class);
    }
    const ctx = { engine: a.engine, task, rng: (s: string, p: string) => rngFor(0, s, p), data: a.data } as MetricContext;
    const input: StructuredInput = {
      family: 'concept-path',
      batch: a.batch,
      targets: new Int32Array(a.ids.length),
      sampleIds: a.ids,
      output: 'probability',
      explanations: a.res.explanations,
      global: a.res.global,
      state: a.sys,
    };
    const validity = (await pathValidity.evaluate(ctx, input, {})) as number[];
    expect(validity.every((v) => v === 1 || typeof v === 'object')).toBe(true);
    const drops = (await pathFaithfulness.evaluate(ctx, input, {})) as number[];
    const numeric = drops.filter((v): v is number => typeof v === 'number');
    expect(numeric.reduce((s, v) => s + v, 0) / numeric.length).toBeGreaterThan(0);
  }, 120_000);

  it('recognises unseen digits above chance on the whole test split', async () => {
    const { sys } = await fitAndExplain([0]);
    const ev = sys.evaluation!;
    const unseenRows = ev.labels.flatMap((y, i) => (sys.setup.unseen.includes(y) ? [i] : []));
    const acc = unseenRows.filter((i) => ev.zsl[i] === ev.labels[i]).length / unseenRows.length;
    expect(acc).toBeGreaterThan(0.65); // chance 0.5 (two unseen digits); measured 0.80
  }, 120_000);

  it('refuses a task without a knowledge graph', async () => {
    const mnist = await loadTask('mnist-mlp');
    expect(() => kg.fit!(
      { engine: new Engine(mnist.model), task: mnist, rng: (p) => rngFor(0, p), data: { train: mnist.train, test: mnist.test } },
      params(),
    )).toThrow(/no knowledge graph/);
  });
});
