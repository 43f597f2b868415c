/**
 * The attribute predictors of DAP: one L2-regularised logistic regression per attribute on
 * standardised features, fitted jointly by full-batch gradient descent from zero (no randomness, so
 * the fit is deterministic). Runs in tfjs inside tf.tidy; only plain arrays come out.
 */
import * as tf from '@tensorflow/tfjs';

export interface LogisticHeads {
  /** d x M weights, row-major. */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
  readonly inputs: number;
  readonly outputs: number;
}

export function fitLogisticHeads(
  x: Float32Array,
  n: number,
  d: number,
  targets: Float32Array,
  m: number,
  o: { iterations: number; learningRate: number; l2: number },
): LogisticHeads {
  let w = tf.zeros([d, m]);
  let b = tf.zeros([m]);
  const xs = tf.tensor2d(x, [n, d]);
  const ys = tf.tensor2d(targets, [n, m]);
  const xt = xs.transpose();
  // Adam-free gradient descent with momentum: cheap, deterministic, converges on this convex problem.
  let vw = tf.zerosLike(w);
  let vb = tf.zerosLike(b);
  for (let it = 0; it < o.iterations; it++) {
    const next = tf.tidy(() => {
      const p = tf.sigmoid(xs.matMul(w).add(b));
      const err = p.sub(ys);
      const gw = xt.matMul(err).div(n).add(w.mul(o.l2));
      const gb = err.mean(0);
      const nvw = vw.mul(0.9).add(gw);
      const nvb = vb.mul(0.9).add(gb);
      return [w.sub(nvw.mul(o.learningRate)), b.sub(nvb.mul(o.learningRate)), nvw, nvb];
    });
    tf.dispose([w, b, vw, vb]);
    [w, b, vw, vb] = next;
  }
  const heads = { weights: w.dataSync() as Float32Array, bias: b.dataSync() as Float32Array, inputs: d, outputs: m };
  tf.dispose([w, b, vw, vb, xs, ys, xt]);
  return { ...heads, weights: Float32Array.from(heads.weights), bias: Float32Array.from(heads.bias) };
}

/** p(a_m = 1 | x) for n rows: n x M. */
export function predictLogistic(h: LogisticHeads, x: Float32Array, n: number): Float32Array {
  const out = new Float32Array(n * h.outputs);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < h.outputs; k++) {
      let z = h.bias[k];
      for (let j = 0; j < h.inputs; j++) z += x[i * h.inputs + j] * h.weights[j * h.outputs + k];
      out[i * h.outputs + k] = 1 / (1 + Math.exp(-z));
    }
  }
  return out;
}
