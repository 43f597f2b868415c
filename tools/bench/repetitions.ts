/**
 * Timing in alternation, shared by the explainer and metric benchmarks: the code under test and its
 * bound (the same passes as plain batched streams) run one after the other, at least minReps times and
 * until minSeconds have been spent (at most maxReps), so on a shared machine both sides of each pair
 * see about the same load. The speed comes from the fastest run of the code (the least disturbed); the
 * efficiency is the median over the pairs of bound / code.
 *
 * Pairs are first run untimed for warmSeconds (at least one pair): a call of a small model takes well
 * under a millisecond, and V8 keeps re-optimising the code around it for thousands of calls (occlusion
 * on the breast-cancer MLP: 0.054 ms per explanation over its first 2,000 calls, 0.035 ms after 20,000),
 * so without it the ratio measured the JIT's warm-up, which a real run, explaining thousands of inputs,
 * is past.
 */
export interface RepetitionOptions {
  readonly minReps: number;
  readonly maxReps: number;
  readonly minSeconds: number;
  /** Untimed pairs first, for this long. */
  readonly warmSeconds: number;
}

function seconds(f: () => void): number {
  const t0 = performance.now();
  f();
  return (performance.now() - t0) / 1000;
}

async function secondsAsync(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return (performance.now() - t0) / 1000;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The fastest time of `run` and the median ratio bound / run (0 when there is no bound). */
export async function measurePairs(
  run: () => Promise<unknown>, bound: (() => void) | null, o: RepetitionOptions,
): Promise<{ fastest: number; efficiency: number }> {
  let fastest = Infinity;
  let spent = 0;
  const ratios: number[] = [];
  for (let warm = 0; warm < o.warmSeconds; ) warm += (await secondsAsync(run)) + (bound ? seconds(bound) : 0);
  for (let rep = 0; rep < o.maxReps && (rep < o.minReps || spent < o.minSeconds); rep++) {
    const te = await secondsAsync(run);
    const tb = bound ? seconds(bound) : 0;
    fastest = Math.min(fastest, te);
    ratios.push(tb / te);
    spent += te + tb;
  }
  return { fastest, efficiency: median(ratios) };
}
