/** ONNX Unsqueeze: inserts size-1 axes at `axes` (an input from opset 13, an attribute before). */
import { input, intsOf } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const unsqueezeOp: OnnxOpRule = {
  opType: 'Unsqueeze',
  run(inputs, node) {
    const x = input(inputs, 0, node);
    const axes = node.opset >= 13 ? intsOf(input(inputs, 1, node)) : (node.ints('axes') ?? []);
    const rank = x.rank + axes.length;
    const at = new Set(axes.map((a) => (a < 0 ? a + rank : a)));
    if ([...at].some((a) => a < 0 || a >= rank) || at.size !== axes.length) {
      throw new RangeError(`${node.label}: axes [${axes.join(', ')}] do not fit an output of rank ${rank}`);
    }
    const shape: number[] = [];
    let k = 0;
    for (let i = 0; i < rank; i++) shape.push(at.has(i) ? 1 : x.shape[k++]);
    return [x.reshape(shape)];
  },
};
