/**
 * Engine throughput per backend: forward passes and input gradients per second on the MNIST CNN and
 * a tabular MLP, wasm vs cpu, measured in one process with tinybench. Part of `npm run bench:perf`.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { Bench } from 'tinybench';
import { makeBatch } from '../../core/batch.js';
import { Engine } from '../../core/engine.js';
import { loadModel } from '../../core/model.js';
import { modelJsonPath } from '../../datasets/zoo.js';
import { rngFor } from '../../core/rng.js';
import type { EnginePerf } from '../../site/builder/performance.js';

/** The row the site's provenance page reads (site/builder/performance.ts). */
export type EngineBenchRow = EnginePerf & { readonly op: 'forward' | 'gradient' };

/** `chunk`: rows per engine chunk, and per measured call; the engine's own choice per model when omitted. */
export async function benchEngine(backends: readonly string[] = ['wasm', 'cpu'], chunk?: number): Promise<EngineBenchRow[]> {
  tf.enableProdMode();
  const out: EngineBenchRow[] = [];
  for (const backend of backends) {
    if (!(await tf.setBackend(backend))) continue;
    await tf.ready();
    for (const id of ['mnist-cnn', 'breast-cancer-mlp']) {
      const model = await loadModel(modelJsonPath(id));
      const engine = chunk === undefined ? new Engine(model) : new Engine(model, chunk);
      const rows = engine.batchSize;
      const d = model.inputShape.reduce((a, b) => a * b, 1);
      const rng = rngFor(0, 'bench', id);
      const data = Float32Array.from({ length: rows * d }, () => rng.next());
      const batch = makeBatch(data, model.inputShape);
      const targets = new Int32Array(rows);
      const bench = new Bench({ time: 1500, iterations: 3, warmupTime: 100, warmupIterations: 1 });
      bench.add('forward', () => void engine.outputs(batch, 'probability'));
      bench.add('gradient', () => void engine.gradients(batch, targets, 'logit'));
      process.stderr.write(`benchmarking the engine: ${backend}, ${id}\n`);
      await bench.run();
      for (const task of bench.tasks) {
        const r = task.result as { latency?: { mean: number }; period?: number } | undefined;
        const ms = r?.latency?.mean ?? r?.period ?? NaN;
        out.push({ backend, model: id, op: task.name as 'forward' | 'gradient', rows, rowsPerSecond: (rows / ms) * 1000 });
      }
      model.dispose();
    }
  }
  return out;
}
