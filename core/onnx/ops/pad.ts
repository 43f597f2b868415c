/**
 * ONNX Pad, constant mode (what torch.onnx emits in front of AvgPool2d): pads [x1_begin, x2_begin, ...,
 * x1_end, x2_end, ...] from the second input (the attribute before opset 11), value from the third.
 * Negative pads (cropping) are refused.
 */
import * as tf from '@tensorflow/tfjs';
import { input, intsOf } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const padOp: OnnxOpRule = {
  opType: 'Pad',
  check: (node) => (node.string('mode', 'constant') === 'constant' ? null : `mode=${node.string('mode', '')} is not supported (constant is)`),
  run(inputs, node) {
    const x = input(inputs, 0, node);
    const pads = node.opset >= 11 ? intsOf(input(inputs, 1, node)) : (node.ints('pads') ?? []);
    if (pads.length !== 2 * x.rank) throw new RangeError(`${node.label}: ${pads.length} pads for rank ${x.rank}`);
    if (pads.some((p) => p < 0)) throw new RangeError(`${node.label}: negative pads (cropping) are not supported`);
    const value = node.opset >= 11 ? (inputs[2] ? inputs[2].dataSync()[0] : 0) : node.float('value', 0);
    const paddings = x.shape.map((_, i) => [pads[i], pads[i + x.rank]] as [number, number]);
    return [paddings.every(([a, b]) => a === 0 && b === 0) ? tf.clone(x) : tf.pad(x, paddings, value)];
  },
};
