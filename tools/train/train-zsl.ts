/**
 * `npm run train:zsl [-- --only zsl-u89,...]`: trains each zero-shot split's seen-class network with
 * the zoo's conventions (seeded initialisers from train-architectures.ts, our own epoch loop with a
 * seeded shuffle, trainOnBatch, wasm backend) on that split's seen digits only, and saves it to
 * data/zero-shot-models/<id>/ (model.json, weights.bin, training.json).
 */
import * as tf from '@tensorflow/tfjs';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBackend } from '../../core/backend.js';
import { selectSamples } from '../../core/batch.js';
import { Engine } from '../../core/engine.js';
import { UserError } from '../../core/errors.js';
import { loadModel } from '../../core/model.js';
import { saveLayersModel } from '../../core/model-io.js';
import { rngFor } from '../../core/rng.js';
import { accuracy } from '../../datasets/accuracy.js';
import { loadMnist10k } from '../../datasets/mnist10k.js';
import { buildNetwork } from './train-architectures.js';
import { seenOnlyDataset } from '../../datasets/zero-shot/seen-data.js';
import { ZERO_SHOT_SPLITS, ZSL_ARCHITECTURE, ZSL_SEED, ZSL_TRAINING, type ZeroShotSplit } from '../../datasets/zero-shot/splits.js';
import { zslModelDir, type ZslTrainingRecord } from '../../datasets/zero-shot/zsl-models.js';

async function trainSplit(split: ZeroShotSplit): Promise<ZslTrainingRecord> {
  const full = loadMnist10k();
  const data = seenOnlyDataset(full, split);
  const { x, y } = data.train;
  const net = buildNetwork(ZSL_ARCHITECTURE, x.sampleShape, 10, ZSL_SEED, split.id);
  const optimizer = tf.train.adam(ZSL_TRAINING.learningRate);
  net.compile({ optimizer, loss: 'categoricalCrossentropy' });
  const t0 = performance.now();
  for (let epoch = 0; epoch < ZSL_TRAINING.epochs; epoch++) {
    const order = rngFor(ZSL_SEED, split.id, 'shuffle', epoch).permutation(x.n);
    let lossSum = 0;
    let batches = 0;
    for (let start = 0; start < x.n; start += ZSL_TRAINING.batchSize) {
      const idx = order.slice(start, start + ZSL_TRAINING.batchSize);
      const xb = selectSamples(x, idx).data;
      const xs = tf.tensor(xb, [idx.length, ...x.sampleShape]);
      const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from(idx, (r) => y[r]), 'int32'), 10));
      const loss = await net.trainOnBatch(xs, ys);
      lossSum += Array.isArray(loss) ? loss[0] : loss;
      batches++;
      tf.dispose([xs, ys]);
    }
    process.stdout.write(`  ${split.id} epoch ${epoch + 1}/${ZSL_TRAINING.epochs} loss ${(lossSum / batches).toFixed(4)}\n`);
  }
  const trainSeconds = (performance.now() - t0) / 1000;
  const dir = zslModelDir(split.id);
  await saveLayersModel(net, dir);
  const parameters = net.countParams();
  net.dispose();
  const model = await loadModel(join(dir, 'model.json'));
  const engine = new Engine(model, 256);
  // Seen-class accuracy on the test rows of seen digits (the network cannot name unseen digits).
  const seenRows: number[] = [];
  for (let i = 0; i < full.test.y.length; i++) if (split.seen.includes(full.test.y[i])) seenRows.push(i);
  const record: ZslTrainingRecord = {
    id: split.id,
    seen: [...split.seen],
    unseen: [...split.unseen],
    architecture: ZSL_ARCHITECTURE,
    training: ZSL_TRAINING,
    seed: ZSL_SEED,
    parameters,
    backend: tf.getBackend(),
    trainSeconds: Math.round(trainSeconds * 10) / 10,
    trainAccuracy: accuracy(engine, x, y),
    seenTestAccuracy: accuracy(engine, selectSamples(full.test.x, seenRows), Int32Array.from(seenRows, (r) => full.test.y[r])),
    modelHash: model.hash,
    sizeBytes: statSync(join(dir, 'weights.bin')).size + statSync(join(dir, 'model.json')).size,
  };
  model.dispose();
  writeFileSync(join(dir, 'training.json'), `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? new Set((args[onlyAt + 1] ?? '').split(',').filter(Boolean)) : null;
  for (const id of only ?? []) if (!ZERO_SHOT_SPLITS.some((s) => s.id === id)) throw new UserError(`--only: unknown zero-shot split '${id}'`);
  await useBackend('wasm');
  for (const split of ZERO_SHOT_SPLITS) {
    if (only && !only.has(split.id)) continue;
    const r = await trainSplit(split);
    console.log(`${r.id}: seen-class test accuracy ${(100 * r.seenTestAccuracy).toFixed(2)}% in ${r.trainSeconds}s`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(e instanceof UserError ? 2 : 70);
});
