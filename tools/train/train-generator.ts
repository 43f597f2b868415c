/**
 * `npx tsx tools/train/train-generator.ts`: trains the generators of datasets/generator-spec.ts (a VAE
 * per entry) with the zoo's conventions: seeded Glorot initialisers, our own epoch loop with a seeded
 * shuffle, reparameterisation noise from a seeded stream, wasm backend. Saves decoder/ and encoder/
 * under data/models/generators/<id>/ with training.json, a 10 x 10 grid of prior samples
 * (samples.png) and the table data/models/generators/README.md.
 *
 * Sample quality, measured honestly with the zoo classifier (the spec's classifierId): its mean
 * top-class probability on prior samples z ~ N(0, I) (and the share above 0.9, and how many classes
 * it sees), next to the same figure on real test images; plus the test-split reconstruction
 * (mean binary cross-entropy per image, and the classifier's label agreement with the true label).
 */
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, writeFileSync, statSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { useBackend } from '../../core/backend.js';
import { makeBatch, selectSamples, sizeOf } from '../../core/batch.js';
import { Engine } from '../../core/engine.js';
import { loadModel, type Model } from '../../core/model.js';
import { saveLayersModel } from '../../core/model-io.js';
import { rngFor, seedFor } from '../../core/rng.js';
import { renderSampleGridPng } from '../../render/sample-grid-png.js';
import { registerWasmConvFilterGrad } from '../../core/wasm-conv-filter-grad.js';
import { loadDataset } from '../../datasets/dataset-registry.js';
import { decoderJsonPath, encoderJsonPath, GENERATOR_SPECS, GENERATORS_DIR, generatorTrainingJson, type GeneratorSpec } from '../../datasets/generator-spec.js';
import { modelJsonPath } from '../../datasets/zoo.js';
import { boxMullerNormals } from '../../numeric/box-muller.js';

export interface GeneratorQuality {
  /** Mean top-class probability of the classifier on prior samples. */
  readonly priorConfidence: number;
  /** Share of prior samples the classifier gives a top-class probability of at least 0.9. */
  readonly priorConfident90: number;
  /** Prior samples per predicted class. */
  readonly priorClassCounts: readonly number[];
  readonly priorSamples: number;
  /** The classifier's mean top-class probability on the real test images (the reference level). */
  readonly testConfidence: number;
  /** Mean binary cross-entropy per test image of decode(encoder mean). */
  readonly reconstructionBce: number;
  /** Share of test reconstructions the classifier labels with the true label. */
  readonly reconstructionAgreement: number;
}

export interface GeneratorRecord {
  readonly id: string;
  readonly spec: GeneratorSpec;
  readonly parameters: { readonly encoder: number; readonly decoder: number };
  readonly backend: string;
  readonly trainSeconds: number;
  readonly finalLoss: number;
  readonly decoderHash: string;
  readonly sizeBytes: number;
  readonly quality: GeneratorQuality;
}

function dense(spec: GeneratorSpec, name: string, units: number, activation: 'relu' | 'sigmoid' | 'linear', inputShape?: number[]) {
  return tf.layers.dense({
    name,
    units,
    activation,
    ...(inputShape ? { inputShape } : {}),
    kernelInitializer: tf.initializers.glorotUniform({ seed: seedFor(spec.seed, spec.id, name) }),
    biasInitializer: 'zeros',
  });
}

export function buildVae(spec: GeneratorSpec, sampleShape: readonly number[]): { encoder: tf.Sequential; decoder: tf.Sequential } {
  const d = sizeOf(sampleShape);
  const encoder = tf.sequential({ name: 'encoder' });
  encoder.add(tf.layers.flatten({ name: 'flatten', inputShape: [...sampleShape] }));
  spec.encoderHidden.forEach((w, i) => encoder.add(dense(spec, `enc_${i + 1}`, w, 'relu')));
  // Posterior mean in the first latentSize outputs, log-variance in the rest.
  encoder.add(dense(spec, 'enc_out', 2 * spec.latentSize, 'linear'));
  const decoder = tf.sequential({ name: 'decoder' });
  spec.decoderHidden.forEach((w, i) => decoder.add(dense(spec, `gen_${i + 1}`, w, 'relu', i === 0 ? [spec.latentSize] : undefined)));
  decoder.add(dense(spec, 'output', d, 'sigmoid'));
  return { encoder, decoder };
}

async function train(spec: GeneratorSpec): Promise<GeneratorRecord> {
  const data = loadDataset(spec.datasetId);
  const x = data.train.x;
  const d = sizeOf(x.sampleShape);
  const k = spec.latentSize;
  const { encoder, decoder } = buildVae(spec, x.sampleShape);
  const vars = [...encoder.trainableWeights, ...decoder.trainableWeights].map((w) => w.read() as tf.Variable);
  const optimizer = tf.train.adam(spec.learningRate);
  const t0 = performance.now();
  let finalLoss = NaN;
  for (let epoch = 0; epoch < spec.epochs; epoch++) {
    const order = rngFor(spec.seed, spec.id, 'shuffle', epoch).permutation(x.n);
    const noiseNormal = boxMullerNormals(rngFor(spec.seed, spec.id, 'reparameterisation', epoch));
    let lossSum = 0;
    let batches = 0;
    for (let start = 0; start < x.n; start += spec.batchSize) {
      const idx = order.slice(start, start + spec.batchSize);
      const xb = selectSamples(x, idx).data;
      const eps = Float32Array.from({ length: idx.length * k }, noiseNormal);
      const loss = tf.tidy(() => {
        const xs = tf.tensor2d(xb, [idx.length, d]);
        const e = tf.tensor2d(eps, [idx.length, k]);
        return optimizer.minimize(
          () => {
            const h = encoder.apply(xs.reshape([idx.length, ...x.sampleShape]), { training: true }) as tf.Tensor2D;
            const mu = h.slice([0, 0], [-1, k]);
            const logvar = h.slice([0, k], [-1, k]).clipByValue(-10, 10);
            const z = mu.add(logvar.mul(0.5).exp().mul(e));
            const p = (decoder.apply(z, { training: true }) as tf.Tensor2D).clipByValue(1e-6, 1 - 1e-6);
            const bce = xs.mul(p.log()).add(tf.scalar(1).sub(xs).mul(tf.scalar(1).sub(p).log())).sum(1).neg();
            const kl = mu.square().add(logvar.exp()).sub(logvar).sub(1).sum(1).mul(0.5);
            return bce.add(kl.mul(spec.beta)).mean() as tf.Scalar;
          },
          true,
          vars,
        ) as tf.Scalar;
      });
      lossSum += (await loss.data())[0];
      loss.dispose();
      batches++;
    }
    finalLoss = lossSum / batches;
    process.stdout.write(`  ${spec.id} epoch ${epoch + 1}/${spec.epochs} loss ${finalLoss.toFixed(2)}\n`);
  }
  const trainSeconds = (performance.now() - t0) / 1000;
  const dir = join(GENERATORS_DIR, spec.id);
  await saveLayersModel(decoder, join(dir, 'decoder'));
  await saveLayersModel(encoder, join(dir, 'encoder'));
  const parameters = { encoder: encoder.countParams(), decoder: decoder.countParams() };
  encoder.dispose();
  decoder.dispose();
  optimizer.dispose();

  // Everything below is measured on the saved-and-reloaded models.
  const dec = await loadModel(decoderJsonPath(spec.id));
  const enc = await loadModel(encoderJsonPath(spec.id));
  const classifier = await loadModel(modelJsonPath(spec.classifierId));
  const quality = measureQuality(spec, dec, enc, classifier, data.test.x, data.test.y);
  writeFileSync(join(dir, 'samples.png'), renderSampleGridPng({ images: priorSamples(spec, dec, 100), n: 100, shape: [28, 28], cols: 10, scale: 2 }));
  const sizeBytes = ['decoder', 'encoder'].reduce((a, s) => a + statSync(join(dir, s, 'weights.bin')).size + statSync(join(dir, s, 'model.json')).size, 0);
  const rec: GeneratorRecord = {
    id: spec.id, spec, parameters, backend: tf.getBackend(), trainSeconds: Math.round(trainSeconds * 10) / 10,
    finalLoss, decoderHash: dec.hash, sizeBytes, quality,
  };
  for (const m of [dec, enc, classifier]) m.dispose();
  writeFileSync(generatorTrainingJson(spec.id), `${JSON.stringify(rec, null, 2)}\n`);
  return rec;
}

/** n decoded prior samples z ~ N(0, I) from a stream seeded by the generator's id (n * d values). */
export function priorSamples(spec: GeneratorSpec, decoder: Model, n: number): Float32Array {
  const normal = boxMullerNormals(rngFor(spec.seed, spec.id, 'prior-samples'));
  const z = Float32Array.from({ length: n * spec.latentSize }, normal);
  return new Engine(decoder).outputs(makeBatch(z, [spec.latentSize]), 'probability');
}

function topProbabilities(classifier: Model, images: Float32Array, shape: readonly number[]): { p: Float32Array; label: Int32Array } {
  const engine = new Engine(classifier);
  const probs = engine.outputs(makeBatch(images, shape), 'probability');
  const c = engine.numClasses;
  const n = probs.length / c;
  const p = new Float32Array(n);
  const label = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < c; j++) {
      if (probs[i * c + j] > p[i]) {
        p[i] = probs[i * c + j];
        label[i] = j;
      }
    }
  }
  return { p, label };
}

export function measureQuality(
  spec: GeneratorSpec, dec: Model, enc: Model, classifier: Model, testX: ReturnType<typeof makeBatch>, testY: Int32Array,
): GeneratorQuality {
  const n = 1000;
  const prior = topProbabilities(classifier, priorSamples(spec, dec, n), testX.sampleShape);
  const counts = new Array<number>(classifier.numClasses).fill(0);
  prior.label.forEach((l) => counts[l]++);
  const real = topProbabilities(classifier, testX.data, testX.sampleShape);
  const k = spec.latentSize;
  const codes = new Engine(enc).outputs(testX, 'logit');
  const mu = new Float32Array(testX.n * k);
  for (let i = 0; i < testX.n; i++) mu.set(codes.subarray(i * 2 * k, i * 2 * k + k), i * k);
  const recon = new Engine(dec).outputs(makeBatch(mu, [k]), 'probability');
  const d = sizeOf(testX.sampleShape);
  let bce = 0;
  for (let i = 0; i < recon.length; i++) {
    const p = Math.min(1 - 1e-6, Math.max(1e-6, recon[i]));
    const t = testX.data[i];
    bce -= t * Math.log(p) + (1 - t) * Math.log(1 - p);
  }
  const rl = topProbabilities(classifier, recon, testX.sampleShape).label;
  const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / a.length;
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return {
    priorConfidence: round(mean(prior.p)),
    priorConfident90: round(prior.p.filter((v) => v >= 0.9).length / n),
    priorClassCounts: counts,
    priorSamples: n,
    testConfidence: round(mean(real.p)),
    reconstructionBce: Math.round((bce / (recon.length / d)) * 100) / 100,
    reconstructionAgreement: round(rl.filter((l, i) => l === testY[i]).length / testY.length),
  };
}

function renderTable(recs: readonly GeneratorRecord[]): string {
  const rows = recs.map((r) => {
    const q = r.quality;
    return `| ${r.id} | ${r.spec.datasetId} | ${r.spec.latentSize} | ${r.spec.decoderHidden.join('-')} | ${r.parameters.decoder} | ${r.spec.seed} | ${r.trainSeconds} | ${q.priorConfidence.toFixed(3)} (${(100 * q.priorConfident90).toFixed(1)}% >= 0.9) | ${q.testConfidence.toFixed(3)} | ${q.reconstructionBce} | ${(100 * q.reconstructionAgreement).toFixed(1)}% |`;
  });
  return [
    '# Generators (written by `npx tsx tools/train/train-generator.ts`; do not edit)',
    '',
    'VAEs trained with fixed seeds on the wasm backend (seeded Glorot initialisers, seeded shuffle and',
    'reparameterisation noise). Sample quality is measured with the zoo classifier `mnist-cnn`: its mean',
    'top-class probability on 1000 prior samples z ~ N(0, I), next to the same figure on the real test images;',
    'reconstruction is decode(encoder mean) on the test split. `samples.png` in each folder shows 100 prior samples.',
    '',
    '| id | data | latent | decoder hidden | decoder params | seed | train s | classifier confidence on samples | on real test images | recon. BCE / image | recon. label agreement |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  registerWasmConvFilterGrad();
  await useBackend('wasm');
  mkdirSync(GENERATORS_DIR, { recursive: true });
  for (const spec of GENERATOR_SPECS) {
    const r = await train(spec);
    console.log(`${spec.id}: ${r.trainSeconds}s, quality ${JSON.stringify(r.quality)}`);
  }
  const recs = GENERATOR_SPECS.filter((s) => existsSync(generatorTrainingJson(s.id))).map((s) => JSON.parse(readFileSync(generatorTrainingJson(s.id), 'utf8')) as GeneratorRecord);
  writeFileSync(join(GENERATORS_DIR, 'README.md'), renderTable(recs));
}

if (process.argv[1]?.endsWith('train-generator.ts')) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(70);
  });
}
