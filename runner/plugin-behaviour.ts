/**
 * What a plugin must do when run: leave no tensors behind and, under one seed, give the same
 * explanation twice (its declared determinism across seeds is its own claim; the run-to-run metric
 * measures it). Shape and finiteness are checked on every chunk by explainSamples.
 */
import * as tf from '@tensorflow/tfjs';

export async function checkPluginBehaviour(id: string, explainOnce: () => Promise<unknown>): Promise<void> {
  const before = tf.memory().numTensors;
  const a = JSON.stringify(await explainOnce());
  const leaked = tf.memory().numTensors - before;
  if (leaked > 0) throw new Error(`plugin ${id} leaked ${leaked} tensors in one explanation`);
  const b = JSON.stringify(await explainOnce());
  if (a !== b) throw new Error(`plugin ${id} gave different explanations of the same input under the same seed (unseeded randomness?)`);
}
