/**
 * Builds the zoo's networks from their Architecture with seeded initialisers only (every kernel gets
 * glorotUniform with a seed derived from the training seed and the layer name), and only layers an
 * LRP implementation supports: InputLayer, Dense, Conv2D, MaxPooling2D, AveragePooling2D, Flatten,
 * BatchNormalization, Activation(relu). No dropout.
 */
import * as tf from '@tensorflow/tfjs';
import { seedFor } from '../../core/rng.js';
import type { Architecture } from '../../datasets/zoo-spec.js';

export function buildNetwork(
  arch: Architecture, inputShape: readonly number[], numClasses: number, seed: number, modelId: string,
): tf.LayersModel {
  const init = (layer: string) => tf.initializers.glorotUniform({ seed: seedFor(seed, modelId, layer) });
  const dense = (name: string, units: number, activation: 'relu' | 'softmax') =>
    tf.layers.dense({ name, units, activation, kernelInitializer: init(name), biasInitializer: 'zeros' });
  const conv = (name: string, filters: number, kernelSize: number, padding: 'valid' | 'same', activation: 'relu' | 'linear') =>
    tf.layers.conv2d({ name, filters, kernelSize, padding, activation, kernelInitializer: init(name), biasInitializer: 'zeros' });
  const layers: tf.layers.Layer[] = [tf.layers.inputLayer({ inputShape: [...inputShape], name: 'input' })];
  switch (arch.kind) {
    case 'mlp':
      if (inputShape.length > 1) layers.push(tf.layers.flatten({ name: 'flatten' }));
      arch.hidden.forEach((w, i) => layers.push(dense(`dense_${i + 1}`, w, 'relu')));
      break;
    case 'cnn-small':
      layers.push(
        conv('conv_1', 8, 5, 'valid', 'relu'),
        tf.layers.maxPooling2d({ name: 'pool_1', poolSize: 2 }),
        conv('conv_2', 16, 5, 'valid', 'relu'),
        tf.layers.maxPooling2d({ name: 'pool_2', poolSize: 2 }),
        tf.layers.flatten({ name: 'flatten' }),
      );
      if (arch.dense) layers.push(dense('dense_1', arch.dense, 'relu'));
      break;
    case 'cnn-deep':
      arch.filters.forEach((f, i) => {
        const b = i + 1;
        layers.push(
          conv(`conv_${b}`, f, 3, 'same', 'linear'),
          tf.layers.batchNormalization({ name: `bn_${b}` }),
          tf.layers.activation({ name: `relu_${b}`, activation: 'relu' }),
          i === arch.filters.length - 1
            ? tf.layers.averagePooling2d({ name: `pool_${b}`, poolSize: 2 })
            : tf.layers.maxPooling2d({ name: `pool_${b}`, poolSize: 2 }),
        );
      });
      layers.push(tf.layers.flatten({ name: 'flatten' }));
      break;
  }
  layers.push(dense('output', numClasses, 'softmax'));
  return tf.sequential({ name: modelId.replace(/[^A-Za-z0-9_]/g, '_'), layers });
}
