/**
 * Holm's (1979) step-down adjustment: sort p ascending, p̃(k) = max over j <= k of min(1, (m − j + 1) p(j)),
 * returned in the input order. Controls the family-wise error rate under any dependence.
 */
export function holm(p: readonly number[]): number[] {
  const m = p.length;
  for (const x of p) if (!(x >= 0 && x <= 1)) throw new RangeError(`holm: p-value ${x} is not in [0, 1]`);
  const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b] || a - b);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach((idx, k) => {
    running = Math.max(running, Math.min(1, (m - k) * p[idx]));
    out[idx] = running;
  });
  return out;
}
