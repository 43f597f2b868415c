/** The machine a benchmark ran on, recorded beside its numbers (they mean little without it). */
import { cpus, totalmem } from 'node:os';
import { rngFor } from '../../core/rng.js';
import { normalQuantile } from '../../numeric/normal-distribution.js';

export interface MachineFacts {
  readonly cores: number;
  readonly cpu: string;
  readonly memoryGiB: number;
  readonly node: string;
  /**
   * Nanoseconds per step of a fixed single-threaded workload (a seeded uniform through the normal
   * quantile), the best of 7 rounds, taken when the row was measured. The same 2-core VM ran the same
   * quick profile in 27 s one day and 54 s another: rows measured on different days compare only
   * through this.
   */
  readonly speedIndexNs?: number;
}

/** See MachineFacts.speedIndexNs: about 0.1 s. */
function speedIndexNs(): number {
  const rng = rngFor(0, 'speed-index');
  const steps = 200_000;
  let best = Infinity;
  let sink = 0;
  for (let round = 0; round < 7; round++) {
    const t0 = performance.now();
    for (let i = 0; i < steps; i++) sink += normalQuantile(1e-9 + rng.next() * (1 - 2e-9));
    best = Math.min(best, (performance.now() - t0) / steps);
  }
  if (!Number.isFinite(sink)) throw new Error('speed index workload went non-finite');
  return Math.round(best * 1e6 * 10) / 10;
}

export function machineFacts(): MachineFacts {
  return { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.versions.node, speedIndexNs: speedIndexNs() };
}
