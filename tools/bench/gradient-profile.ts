/**
 * `tsx tools/bench/gradient-profile.ts`: where an input gradient's time goes, per kernel (tf.profile), on
 * the wasm backend for mnist-cnn, mnist-cnn-deep and breast-cancer-mlp, with tfjs's stock kernels and
 * the plain tape, then with the engine's hand-derived backward pass (core/backward/,
 * tools/bench/stock-kernels.ts); 256 rows per call for the
 * CNNs, 4,096 for the MLP, as the peer table. Kernel counts show what the tape computes that an
 * input gradient does not need. Writes tools/bench/results/gradient-profile.md.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { makeBatch } from '../../core/batch.js';
import { Engine } from '../../core/engine.js';
import { loadModel } from '../../core/model.js';
import { modelJsonPath } from '../../datasets/zoo.js';
import { PEER_MODELS } from './peer.js';
import { runMain } from './run-main.js';
import { stockForward, tapeGradient, wasmWithStockAside } from './stock-kernels.js';

async function kernelTable(title: string, f: () => void): Promise<string[]> {
  f(); // warm
  const info = await tf.profile(f);
  const agg = new Map<string, { n: number; ms: number }>();
  let total = 0;
  for (const k of info.kernels) {
    const ms = Number(await k.kernelTimeMs);
    const a = agg.get(k.name) ?? { n: 0, ms: 0 };
    agg.set(k.name, { n: a.n + 1, ms: a.ms + ms });
    total += ms;
  }
  const rows = [...agg].sort((x, y) => y[1].ms - x[1].ms).map(([k, a]) => `| ${k} | ${a.n} | ${a.ms.toFixed(1)} | ${((100 * a.ms) / total).toFixed(0)}% |`);
  return [`#### ${title}: ${total.toFixed(0)} ms in kernels`, '', '| kernel | calls | ms | share |', '|---|---:|---:|---:|', ...rows, ''];
}

async function main(): Promise<void> {
  const paths = await wasmWithStockAside();
  const lines = [
    `Measured ${new Date().toISOString()} under load (load average ${loadavg().map((v) => v.toFixed(1)).join(', ')} on ${cpus().length} cores), wasm backend, one profiled call each: shares are more telling than milliseconds.`,
    '',
  ];
  for (const { id, rows } of PEER_MODELS) {
    const model = await loadModel(modelJsonPath(id));
    const engine = new Engine(model, rows);
    const d = model.inputShape.reduce((a, b) => a * b, 1);
    const batch = makeBatch(Float32Array.from({ length: rows * d }, (_, i) => ((i * 7919) % 1000) / 1000), model.inputShape);
    lines.push(`### ${id}, ${rows} rows`, '');
    lines.push(...(await kernelTable('forward, the network as loaded', () => void paths.withStock(() => stockForward(model, batch)))));
    lines.push(...(await kernelTable('forward, the engine (batch norms folded)', () => void engine.outputs(batch, 'probability'))));
    lines.push(...(await kernelTable('input gradient, tfjs stock kernels and tape', () => void paths.withStock(() => tapeGradient(model, batch)))));
    lines.push(...(await kernelTable('input gradient, the engine (core/backward/)', () => void engine.gradients(batch, new Int32Array(rows), 'logit'))));
    model.dispose();
  }
  writeFileSync(join(import.meta.dirname, 'results', 'gradient-profile.md'), lines.join('\n'));
  process.stdout.write(lines.join('\n'));
}

runMain('gradient-profile', main);
