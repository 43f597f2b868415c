/**
 * mnist10k-zero: mnist10k as DeepRED's binary MNIST task, "0 vs rest" (Zilke et al. 2016; DNN-RE's
 * configuration), with each image flattened to 784 pixel features in [0, 1] so that it is a tabular
 * task: rule extraction reads rules over pixel values ("pixel(14,13) > 0.5"), and the rules explainers
 * (Dense networks on feature vectors) apply. Same splits and samples as mnist10k; not standardised.
 */
import { createHash } from 'node:crypto';
import { makeBatch } from '../core/batch.js';
import type { Dataset } from './dataset.js';
import { loadMnist10k } from './mnist10k.js';

export function loadMnist10kZero(base: Dataset = loadMnist10k()): Dataset {
  const flat = (x: Float32Array) => makeBatch(x, [784]);
  const zero = (y: Int32Array) => Int32Array.from(y, (d) => (d === 0 ? 1 : 0));
  return {
    info: {
      id: 'mnist10k-zero',
      name: 'MNIST 10k, digit 0 vs the rest, flattened',
      source: base.info.source,
      hash: createHash('sha256').update(`${base.info.hash}:zero-vs-rest:flat`).digest('hex'),
      synthetic: false,
    },
    description: 'mnist10k as "0 vs rest" over 784 pixel features in [0, 1] (DeepRED setup)',
    kind: 'tabular',
    sampleShape: [784],
    classes: ['rest', '0'],
    featureNames: base.featureNames,
    units: base.featureNames.map(() => ''),
    train: { x: flat(base.train.x.data), y: zero(base.train.y) },
    test: { x: flat(base.test.x.data), y: zero(base.test.y) },
  };
}
