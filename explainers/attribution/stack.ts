/**
 * Packs the perturbations of a whole batch into engine calls of about one engine chunk each: every
 * sample contributes one or more stacks of rows (occluded copies, path points, noisy copies,
 * coalitions), consecutive stacks are concatenated into one batch per call, and the results are split
 * back per stack.
 */
import { sizeOf } from '../../core/batch.js';
import type { Engine } from '../../core/engine.js';
import type { OutputKind } from '../../core/model.js';

export interface Stack {
  /** Number of rows this stack contributes. */
  readonly rows: number;
  /** The class whose output is read for every row of this stack. */
  readonly target: number;
  /** Writes the rows into `out` (rows * sample size values, zero-filled on entry unless writesAll). */
  fill(out: Float32Array): void;
  /**
   * True when fill writes every value of `out`: its part of the reused buffer is then not zeroed first
   * (KernelSHAP on the breast-cancer MLP fills 1.3M values per input, and zeroing them first cost a
   * tenth of its time beyond the passes).
   */
  readonly writesAll?: boolean;
}

/**
 * Writes `count` copies of `row` into `out` from its start: one copy, then doubling copyWithin calls.
 * A set() per row costs ~50 ns of call overhead, more than a forward pass of a small tabular model
 * takes per row, so stacks of small rows are filled in log2(count) native copies instead.
 */
export function repeatRow(out: Float32Array, row: ArrayLike<number>, count: number): void {
  const d = row.length;
  if (count <= 0 || d === 0) return;
  out.set(row, 0);
  let filled = d;
  const total = count * d;
  while (filled < total) {
    const n = Math.min(filled, total - filled);
    out.copyWithin(filled, 0, n);
    filled += n;
  }
}

/** At most this many values (float32) per engine call and in the reused input buffer: 16 MB of inputs. */
const MAX_VALUES_PER_CALL = 1 << 22;

/**
 * Values per pack when the caller sets none: one engine chunk of rows. A pack is filled and then run at
 * once, so one that fits in the CPU's cache is still there when the engine copies it into tensors
 * (KernelSHAP on the breast-cancer MLP: 10% faster than 16 MB packs). A stack bigger than that is a
 * pack of its own.
 */
function defaultPackValues(engine: Engine, d: number): number {
  return Math.min(MAX_VALUES_PER_CALL, engine.batchSize * d);
}

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

/**
 * Packs up to MAX_VALUES_PER_CALL values reuse one input buffer (each stack's part zeroed before its fill
 * unless the stack writes it all) instead of a fresh
 * allocation: on small models a call takes tens of microseconds, and a new buffer costs a few of them
 * to allocate and more in the engine's copy of it, which reads cold memory. Bigger packs allocate.
 * The buffer is only ever read by the engine call that follows its filling (results are views of the
 * engine's output, not of the inputs), so reuse is not observable.
 */
let reused = new Float32Array(0);

function inputBuffer(values: number): Float32Array {
  if (values > MAX_VALUES_PER_CALL) return new Float32Array(values);
  if (reused.length < values) reused = new Float32Array(Math.max(values, Math.min(MAX_VALUES_PER_CALL, 2 * reused.length)));
  return reused.subarray(0, values);
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
    const data = inputBuffer(rows * d);
    const targets = new Int32Array(rows);
    let at = 0;
    for (const i of pack) {
      const s = stacks[i];
      const out = data.subarray(at * d, (at + s.rows) * d);
      if (s.writesAll !== true) out.fill(0);
      s.fill(out);
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
  maxValues = defaultPackValues(engine, sizeOf(sampleShape)),
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
  maxValues = defaultPackValues(engine, sizeOf(sampleShape)),
): Float32Array[] {
  return run(sampleShape, stacks, maxValues, sizeOf(sampleShape), (data, targets) =>
    engine.gradients({ n: targets.length, sampleShape, data }, targets, output),
  );
}
