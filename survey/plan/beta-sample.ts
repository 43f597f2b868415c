/**
 * Gamma and beta draws from a seeded stream: gamma by Marsaglia & Tsang (2000), "A simple method
 * for generating gamma variables" (shape < 1 by the boost U^(1/shape)); beta as X / (X + Y) of two
 * gammas.
 */
import type { Rng } from '../../core/rng.js';

function gammaDraw(rng: Rng, shape: number): number {
  if (shape < 1) return gammaDraw(rng, shape + 1) * Math.pow(rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = rng.normal();
    const v = Math.pow(1 + c * x, 3);
    if (v <= 0) continue;
    const u = rng.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * A probability with mean `mean` whose Bernoulli draws correlate `icc` within one item (the beta-
 * binomial's intraclass correlation is 1 / (a + b + 1)); icc 0 gives `mean` itself.
 */
export function itemRate(rng: Rng, mean: number, icc: number): number {
  if (icc <= 0 || mean <= 0 || mean >= 1) return mean;
  // Complete agreement: every rater of the item votes alike.
  if (icc >= 1) return rng.next() < mean ? 1 : 0;
  const total = (1 - icc) / icc;
  const x = gammaDraw(rng, mean * total);
  const y = gammaDraw(rng, (1 - mean) * total);
  return x / (x + y);
}
