/** The built-in ONNX operator rules, registered once: what torch.onnx.export emits for image and tabular classifiers. */
import { addOp } from './add.js';
import { averagePoolOp } from './average-pool.js';
import { batchNormalizationOp } from './batch-normalization.js';
import { concatOp } from './concat.js';
import { constantOfShapeOp } from './constant-of-shape.js';
import { constantOp } from './constant.js';
import { convOp } from './conv.js';
import { divOp } from './div.js';
import { dropoutOp } from './dropout.js';
import { flattenOp } from './flatten.js';
import { gatherOp } from './gather.js';
import { gemmOp } from './gemm.js';
import { globalAveragePoolOp } from './global-average-pool.js';
import { identityOp } from './identity.js';
import { leakyReluOp } from './leaky-relu.js';
import { logSoftmaxOp } from './log-softmax.js';
import { matMulOp } from './matmul.js';
import { maxPoolOp } from './max-pool.js';
import { mulOp } from './mul.js';
import { padOp } from './pad.js';
import { reluOp } from './relu.js';
import { reshapeOp } from './reshape.js';
import { shapeOp } from './shape.js';
import { sigmoidOp } from './sigmoid.js';
import { softmaxOp } from './softmax.js';
import { subOp } from './sub.js';
import { tanhOp } from './tanh.js';
import { transposeOp } from './transpose.js';
import { unsqueezeOp } from './unsqueeze.js';
import { type OnnxOpRule, registerOnnxOp } from './registry.js';

const BUILT_IN: readonly OnnxOpRule[] = [
  addOp,
  averagePoolOp,
  batchNormalizationOp,
  concatOp,
  constantOfShapeOp,
  constantOp,
  convOp,
  divOp,
  dropoutOp,
  flattenOp,
  gatherOp,
  gemmOp,
  globalAveragePoolOp,
  identityOp,
  leakyReluOp,
  logSoftmaxOp,
  matMulOp,
  maxPoolOp,
  mulOp,
  padOp,
  reluOp,
  reshapeOp,
  shapeOp,
  sigmoidOp,
  softmaxOp,
  subOp,
  tanhOp,
  transposeOp,
  unsqueezeOp,
];

for (const rule of BUILT_IN) registerOnnxOp(rule);

export { onnxOp, onnxOpTypes, registerOnnxOp, type OnnxOpRule } from './registry.js';
