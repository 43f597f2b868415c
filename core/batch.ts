/**
 * A batch of inputs as one flat Float32Array plus the per-sample shape. Explainers and metrics work on
 * typed arrays; only the engine turns them into tensors.
 */
export interface Batch {
  /** Number of samples. */
  readonly n: number;
  /** Shape of one sample, without the batch axis (e.g. [28, 28, 1] or [13]). */
  readonly sampleShape: readonly number[];
  /** n * size(sampleShape) values, sample-major. */
  readonly data: Float32Array;
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function makeBatch(data: Float32Array, sampleShape: readonly number[]): Batch {
  const d = sizeOf(sampleShape);
  if (d === 0 || data.length % d !== 0) {
    throw new RangeError(`batch data of length ${data.length} does not fit sample shape [${sampleShape.join(', ')}]`);
  }
  return { n: data.length / d, sampleShape, data };
}

/** Sample i as a view (no copy). */
export function sampleOf(batch: Batch, i: number): Float32Array {
  const d = sizeOf(batch.sampleShape);
  return batch.data.subarray(i * d, (i + 1) * d);
}

/** A new batch of the samples at `indices` (copied). */
export function selectSamples(batch: Batch, indices: readonly number[]): Batch {
  const d = sizeOf(batch.sampleShape);
  const out = new Float32Array(indices.length * d);
  indices.forEach((idx, k) => out.set(batch.data.subarray(idx * d, (idx + 1) * d), k * d));
  return { n: indices.length, sampleShape: batch.sampleShape, data: out };
}

/** Nested arrays shaped like `shape` from a flat array (for JSON output shaped like the input). */
export function toNested(flat: ArrayLike<number>, shape: readonly number[]): unknown {
  if (shape.length === 0) return flat[0];
  const [head, ...rest] = shape;
  const step = sizeOf(rest);
  const out: unknown[] = [];
  for (let i = 0; i < head; i++) {
    const slice = Array.prototype.slice.call(flat, i * step, (i + 1) * step) as number[];
    out.push(rest.length === 0 ? slice[0] : toNested(slice, rest));
  }
  return out;
}

/**
 * Flattens nested arrays, checking that they have exactly `shape`; returns null and a path to the
 * first mismatch otherwise (the caller turns that into a user error naming its file).
 */
export function fromNested(value: unknown, shape: readonly number[]): { data: Float32Array } | { error: string } {
  const out = new Float32Array(sizeOf(shape));
  let k = 0;
  const walk = (v: unknown, depth: number, path: string): string | null => {
    if (depth === shape.length) {
      if (typeof v !== 'number') return `${path || 'value'} is ${v === null ? 'null' : typeof v}, expected a number`;
      if (!Number.isFinite(v)) return `${path || 'value'} is not finite`;
      out[k++] = v;
      return null;
    }
    if (!Array.isArray(v)) return `${path || 'value'} is not an array (expected length ${shape[depth]})`;
    if (v.length !== shape[depth]) return `${path || 'value'} has length ${v.length}, expected ${shape[depth]}`;
    for (let i = 0; i < v.length; i++) {
      const err = walk(v[i], depth + 1, `${path}[${i}]`);
      if (err) return err;
    }
    return null;
  };
  const err = walk(value, 0, '');
  return err ? { error: err } : { data: out };
}
