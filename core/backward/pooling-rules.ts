/**
 * MaxPooling2D and AveragePooling2D (channels-last): their gradients are tfjs's own kernels, MaxPoolGrad
 * (on wasm core/wasm-max-pool-grad.ts where windows do not overlap) and AvgPoolGrad, called with the
 * attributes tfjs's tape would give them (tfjs-core gradients/MaxPool_grad.ts, AvgPool_grad.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { configOf, registerBackwardRule, type BackwardRule } from './rules.js';

interface PoolAttrs {
  filterSize: [number, number];
  strides: [number, number];
  pad: 'valid' | 'same';
}

function poolAttrs(layer: tf.layers.Layer): PoolAttrs {
  const cfg = configOf(layer);
  const size = cfg.poolSize as [number, number];
  const strides = (cfg.strides ?? size) as [number, number];
  return { filterSize: size, strides, pad: cfg.padding as 'valid' | 'same' };
}

function refuses(layer: tf.layers.Layer): string | null {
  const cfg = configOf(layer);
  if (cfg.dataFormat !== undefined && cfg.dataFormat !== 'channelsLast') return `data format ${String(cfg.dataFormat)}`;
  if (cfg.padding !== 'valid' && cfg.padding !== 'same') return `padding ${String(cfg.padding)}`;
  return null;
}

const maxPool: BackwardRule = {
  refuses,
  backward: (layer, pass, dy) =>
    tf.engine().runKernel('MaxPoolGrad', { dy, input: pass.x, output: pass.y }, { ...poolAttrs(layer) } as unknown as tf.NamedAttrMap) as tf.Tensor,
};

const avgPool: BackwardRule = {
  refuses,
  backward: (layer, pass, dy) =>
    tf.engine().runKernel('AvgPoolGrad', { dy, input: pass.x }, { ...poolAttrs(layer) } as unknown as tf.NamedAttrMap) as tf.Tensor,
};

registerBackwardRule('MaxPooling2D', maxPool);
registerBackwardRule('AveragePooling2D', avgPool);
