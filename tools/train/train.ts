/**
 * `npm run train [-- --only id,id] [-- --assemble]`: trains the model zoo of datasets/zoo-spec.ts with
 * fixed seeds, saves each model to data/models/<id>/ (model.json + weights.bin + training.json),
 * then assembles zoo.json and the table in data/models/README.md from every training.json.
 *
 * Reproducibility: seeded initialisers (train-architectures.ts), our own epoch loop with a seeded
 * shuffle (tfjs fit(shuffle) is unseeded) and trainOnBatch, no dropout. Backend: wasm, with the
 * one missing gradient kernel supplied by core/wasm-conv-filter-grad.ts (the cpu backend's conv gradients
 * were ~50x slower than its forward pass). Accuracy is measured on the saved-and-reloaded model.
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { useBackend } from '../../core/backend.js';
import { selectSamples } from '../../core/batch.js';
import { Engine } from '../../core/engine.js';
import { UserError } from '../../core/errors.js';
import { loadModel } from '../../core/model.js';
import { saveLayersModel } from '../../core/model-io.js';
import { rngFor } from '../../core/rng.js';
import { accuracy } from '../../datasets/accuracy.js';
import { loadDataset } from '../../datasets/dataset-registry.js';
import type { Dataset } from '../../datasets/dataset.js';
import { checkGroundTruth } from '../../datasets/ground-truth-check.js';
import { MODELS_DIR, ZOO_JSON } from '../../datasets/paths.js';
import { modelJsonPath, ZOO_SCHEMA, type ZooEntry } from '../../datasets/zoo.js';
import { MODEL_SPECS, type ModelSpec } from '../../datasets/zoo-spec.js';
import { buildNetwork } from './train-architectures.js';
import { registerWasmConvFilterGrad } from '../../core/wasm-conv-filter-grad.js';
import { renderZooTable } from './train-table.js';

async function trainOne(spec: ModelSpec, data: Dataset): Promise<ZooEntry> {
  const { x, y } = data.train;
  const numClasses = data.classes.length;
  const net = buildNetwork(spec.architecture, x.sampleShape, numClasses, spec.seed, spec.id);
  const optimizer = tf.train.adam(spec.training.learningRate);
  net.compile({ optimizer, loss: 'categoricalCrossentropy' });
  const { epochs, batchSize, learningRate, decayEvery, decayFactor } = spec.training;
  const t0 = performance.now();
  for (let epoch = 0; epoch < epochs; epoch++) {
    // Adam reads its (protected) learningRate at every step, so a step decay is a plain assignment.
    if (decayEvery && decayFactor) {
      (optimizer as unknown as { learningRate: number }).learningRate = learningRate * decayFactor ** Math.floor(epoch / decayEvery);
    }
    const order = rngFor(spec.seed, spec.id, 'shuffle', epoch).permutation(x.n);
    let lossSum = 0;
    let batches = 0;
    for (let start = 0; start < x.n; start += batchSize) {
      const idx = order.slice(start, start + batchSize);
      const xb = selectSamples(x, idx).data;
      const xs = tf.tensor(xb, [idx.length, ...x.sampleShape]);
      const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from(idx, (r) => y[r]), 'int32'), numClasses));
      const loss = await net.trainOnBatch(xs, ys);
      lossSum += Array.isArray(loss) ? loss[0] : loss;
      batches++;
      tf.dispose([xs, ys]);
    }
    process.stdout.write(`  ${spec.id} epoch ${epoch + 1}/${epochs} loss ${(lossSum / batches).toFixed(4)}\n`);
  }
  const trainSeconds = (performance.now() - t0) / 1000;
  const dir = join(MODELS_DIR, spec.id);
  await saveLayersModel(net, dir);
  const parameters = net.countParams();
  net.dispose();
  const model = await loadModel(modelJsonPath(spec.id));
  const engine = new Engine(model, 256);
  const entry: ZooEntry = {
    id: spec.id,
    datasetId: spec.datasetId,
    architecture: spec.architecture,
    training: spec.training,
    seed: spec.seed,
    parameters,
    backend: tf.getBackend(),
    trainSeconds: Math.round(trainSeconds * 10) / 10,
    trainAccuracy: accuracy(engine, x, y),
    testAccuracy: accuracy(engine, data.test.x, data.test.y),
    testSize: data.test.x.n,
    modelHash: model.hash,
    sizeBytes: statSync(join(dir, 'weights.bin')).size + statSync(join(dir, 'model.json')).size,
    groundTruthCheck: data.probe ? checkGroundTruth(engine, data) : undefined,
  };
  model.dispose();
  writeFileSync(join(dir, 'training.json'), `${JSON.stringify(entry, null, 2)}\n`);
  return entry;
}

/** zoo.json and README.md from every model's training.json, in zoo-spec order. */
export function assembleZoo(): ZooEntry[] {
  const entries = MODEL_SPECS.flatMap((s) => {
    const p = join(MODELS_DIR, s.id, 'training.json');
    return existsSync(p) ? [JSON.parse(readFileSync(p, 'utf8')) as ZooEntry] : [];
  });
  writeFileSync(ZOO_JSON, `${JSON.stringify({ schema: ZOO_SCHEMA, models: entries }, null, 2)}\n`);
  writeFileSync(join(MODELS_DIR, 'README.md'), renderZooTable(entries));
  return entries;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? new Set((args[onlyAt + 1] ?? '').split(',').filter(Boolean)) : null;
  if (only) {
    for (const id of only) if (!MODEL_SPECS.some((s) => s.id === id)) throw new UserError(`--only: unknown model '${id}'`);
  }
  if (!args.includes('--assemble')) {
    registerWasmConvFilterGrad();
    await useBackend('wasm');
    for (const spec of MODEL_SPECS) {
      if (only && !only.has(spec.id)) continue;
      const e = await trainOne(spec, loadDataset(spec.datasetId));
      const check = e.groundTruthCheck ? ` check ${e.groundTruthCheck.passed ? 'passed' : 'FAILED'}: ${e.groundTruthCheck.detail}` : '';
      console.log(`${spec.id}: test accuracy ${(100 * e.testAccuracy).toFixed(2)}% in ${e.trainSeconds}s${check}`);
    }
  }
  const entries = assembleZoo();
  console.log(`zoo.json: ${entries.length} of ${MODEL_SPECS.length} models`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(e instanceof UserError ? 2 : 70);
});
