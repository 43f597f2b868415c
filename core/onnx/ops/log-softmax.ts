/** ONNX LogSoftmax (the output of many PyTorch classifiers trained with NLL loss), along `axis` as Softmax reads it. */
import * as tf from '@tensorflow/tfjs';
import { softmaxOp } from './softmax.js';
import type { OnnxOpRule } from './registry.js';

export const logSoftmaxOp: OnnxOpRule = {
  opType: 'LogSoftmax',
  // log(softmax) with Softmax's axis rules; the model's logits are this node's input (onnx-head.ts).
  run: (inputs, node) => [tf.log(softmaxOp.run(inputs, node)[0])],
};
