/**
 * Packs the perturbations of a whole batch into as few engine calls as memory allows: every sample
 * contributes a stack of rows (occluded copies, path points, noisy copies, coalitions), the stacks are
 * concatenated into one batch per call, and the results are split back per stack. The engine then
 * chunks each call by its batch size.
 */
import { sizeOf } from '../harness/batch.js';
import type { Engine } from '../harness/engine.js';
import type { OutputKind } from '../harness/model.js';

export interface Stack {
  /** Number of rows this stack contributes. */
  readonly rows: number;
  /** The class whose output is read for every row of this stack. */
  readonly target: number;
  /** Writes the rows into `out` (rows * sample size values, zero-filled on entry). */
  fill(out: Float32Array): void;
}

/** Values (float32) per engine call: 2^24, i.e. 64 MB of inputs, so big batches never build giant arrays. */
export const MAX_VALUES_PER_CALL = 1 << 24;

function packs(stacks: readonly Stack[], d: number, maxValues: number): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  let values = 0;
  stacks.forEach((s, i) => {
    const v = s.rows * d;
    if (current.length > 0 && values + v > maxValues) {
      out.push(current);
      current = [];
      values = 0;
    }
    current.push(i);
    values += v;
  });
  if (current.length > 0) out.push(current);
  return out;
}

function run(
  sampleShape: readonly number[],
  stacks: readonly Stack[],
  maxValues: number,
  per: number,
  call: (data: Float32Array, targets: Int32Array) => Float32Array,
): Float32Array[] {
  const d = sizeOf(sampleShape);
  const results: Float32Array[] = new Array(stacks.length);
  for (const pack of packs(stacks, d, maxValues)) {
    const rows = pack.reduce((s, i) => s + stacks[i].rows, 0);
    if (rows === 0) {
      for (const i of pack) results[i] = new Float32Array(0);
      continue;
    }
    const data = new Float32Array(rows * d);
    const targets = new Int32Array(rows);
    let at = 0;
    for (const i of pack) {
      const s = stacks[i];
      s.fill(data.subarray(at * d, (at + s.rows) * d));
      targets.fill(s.target, at, at + s.rows);
      at += s.rows;
    }
    const out = call(data, targets);
    at = 0;
    for (const i of pack) {
      results[i] = out.subarray(at * per, (at + stacks[i].rows) * per); // views: one buffer for the pack
      at += stacks[i].rows;
    }
  }
  return results;
}

/** The target output of every row of every stack: one Float32Array of `rows` values per stack. */
export function stackedTargetOutputs(
  engine: Engine,
  sampleShape: readonly number[],
  stacks: readonly Stack[],
  output: OutputKind,
  maxValues = MAX_VALUES_PER_CALL,
): Float32Array[] {
  return run(sampleShape, stacks, maxValues, 1, (data, targets) =>
    engine.targetOutputs({ n: targets.length, sampleShape, data }, targets, output),
  );
}

/** d target / d input for every row of every stack: one Float32Array of rows * sample size per stack. */
export function stackedGradients(
  engine: Engine,
  sampleShape: readonly number[],
  stacks: readonly Stack[],
  output: OutputKind,
  maxValues = MAX_VALUES_PER_CALL,
): Float32Array[] {
  return run(sampleShape, stacks, maxValues, sizeOf(sampleShape), (data, targets) =>
    engine.gradients({ n: targets.length, sampleShape, data }, targets, output),
  );
}
