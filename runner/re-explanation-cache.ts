/**
 * Re-explanations already computed in one (task, explainer) unit, addressed by what determines them:
 * the random stream (salt and row id), the class explained and the row's exact values. Metrics that
 * share a perturbation scheme (max- and avg-sensitivity; RIS and ROS) ask for identical rows, and a
 * re-explanation costs up to thousands of forward passes, so each is computed once. Keys hold the
 * row's content hash, so a metric with other noise settings simply misses.
 */
export class ReExplanationCache {
  private readonly entries = new Map<string, Float32Array>();

  key(salt: string, sampleId: string, target: number, row: Float32Array): string {
    return `${salt}\u0000${sampleId}\u0000${target}\u0000${row.length}\u0000${contentHash(row)}`;
  }

  get(key: string): Float32Array | undefined {
    return this.entries.get(key);
  }

  set(key: string, attribution: Float32Array): void {
    this.entries.set(key, attribution.slice());
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Two independent 32-bit FNV-1a hashes of the float bits (64 bits: collisions are negligible here). */
export function contentHash(row: Float32Array): string {
  const bits = new Uint32Array(row.buffer, row.byteOffset, row.length);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ row.length;
  for (let i = 0; i < bits.length; i++) {
    const v = bits[i];
    a = Math.imul(a ^ v, 0x01000193) >>> 0;
    b = Math.imul(b ^ ((v >>> 16) | (v << 16)), 0x85ebca6b) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
