/** Classification accuracy through the Engine (argmax of the probabilities). */
import type { Batch } from '../core/batch.js';
import type { Engine } from '../core/engine.js';

function predictedClasses(engine: Engine, x: Batch): Int32Array {
  const p = engine.outputs(x, 'probability');
  const c = engine.numClasses;
  const out = new Int32Array(x.n);
  for (let i = 0; i < x.n; i++) {
    let best = 0;
    for (let k = 1; k < c; k++) if (p[i * c + k] > p[i * c + best]) best = k;
    out[i] = best;
  }
  return out;
}

export function accuracy(engine: Engine, x: Batch, y: ArrayLike<number>): number {
  const pred = predictedClasses(engine, x);
  let hits = 0;
  for (let i = 0; i < x.n; i++) if (pred[i] === y[i]) hits++;
  return hits / x.n;
}

/** Accuracy of always answering the most frequent class: the chance level the check compares with. */
export function majorityRate(y: ArrayLike<number>): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < y.length; i++) counts.set(y[i], (counts.get(y[i]) ?? 0) + 1);
  return Math.max(...counts.values()) / y.length;
}
