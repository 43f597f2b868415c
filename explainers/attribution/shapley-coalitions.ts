/**
 * Coalitions for KernelSHAP, chosen as shap's KernelExplainer chooses them (Lundberg & Lee 2017, and
 * shap/explainers/_kernel.py): subset sizes are visited from the outside in (1 and M-1, then 2 and M-2,
 * ...); a size whose whole share of the Shapley kernel can be covered by the remaining budget is
 * enumerated completely (with complements), and the rest of the budget is drawn at random from the
 * remaining sizes in proportion to the kernel, each draw paired with its complement; repeated draws add
 * weight to the coalition instead of a new row. With 2^M - 2 <= budget every coalition is enumerated
 * and the weighted fit gives exact Shapley values.
 */
import type { Rng } from '../../core/rng.js';

export interface Coalitions {
  readonly players: number;
  readonly count: number;
  /** count * players entries, 1 = player present. */
  readonly masks: Uint8Array;
  /** Regression weight per coalition. */
  readonly weights: Float64Array;
  /** True when every proper non-empty coalition was enumerated. */
  readonly exhaustive: boolean;
  /**
   * The first enumerated.count coalitions are these enumerated sizes, one object shared by every call
   * with the same players and budget. When nothing is drawn, masks and weights are its arrays: read only.
   */
  readonly enumerated: EnumeratedPart;
}

export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) r = (r * (n - i + 1)) / i;
  return Math.round(r);
}

/** Calls `visit` with every k-subset of 0..n-1 (as a sorted index array, reused between calls). */
function forEachCombination(n: number, k: number, visit: (idx: readonly number[]) => void): void {
  const idx = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    visit(idx);
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i]++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
  }
}

/**
 * rng.sample(n, k) without its allocations: leaves a uniformly random permutation of 0..n-1 in
 * `scratch` (length n), of which the first k entries are rng.sample(n, k). It is Rng.shuffle's
 * Fisher-Yates on the identity, with the same draws, so the stream and the picks are the same
 * (shapley-coalitions.test.ts checks it against rng.sample).
 */
export function sampleInto(rng: Rng, n: number, scratch: Int32Array): Int32Array {
  for (let i = 0; i < n; i++) scratch[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1)); // rng.int(i + 1) without its argument check
    const t = scratch[i];
    scratch[i] = scratch[j];
    scratch[j] = t;
  }
  return scratch;
}

/** The largest useful budget: 2^M - 2 proper non-empty coalitions. */
function maxCoalitions(players: number): number {
  return players >= 31 ? Number.MAX_SAFE_INTEGER : 2 ** players - 2;
}

/**
 * The coalitions found so far, in order of discovery, with their weights: masks in one growing byte
 * array, looked up by key (the bit pattern as an exact number up to 52 players, else a string).
 */
class CoalitionSet {
  masks: Uint8Array;
  weights: Float64Array;
  count = 0;
  private readonly index = new Map<number | string, number>();

  constructor(
    private readonly m: number,
    expected: number,
  ) {
    this.masks = new Uint8Array(Math.max(1, expected) * m);
    this.weights = new Float64Array(Math.max(1, expected));
  }

  private keyOf(mask: Uint8Array): number | string {
    if (this.m > 52) return mask.join('');
    let key = 0;
    for (let i = this.m - 1; i >= 0; i--) key = key * 2 + mask[i];
    return key;
  }

  /** Adds the coalition (or weight to it if seen): true when it is new. */
  add(mask: Uint8Array, w: number): boolean {
    const key = this.keyOf(mask);
    const at = this.index.get(key);
    if (at !== undefined) {
      this.weights[at] += w;
      return false;
    }
    if (this.count === this.weights.length) this.grow();
    this.index.set(key, this.count);
    this.masks.set(mask, this.count * this.m);
    this.weights[this.count++] = w;
    return true;
  }

  private grow(): void {
    const masks = new Uint8Array(this.masks.length * 2);
    masks.set(this.masks);
    this.masks = masks;
    const weights = new Float64Array(this.weights.length * 2);
    weights.set(this.weights);
    this.weights = weights;
  }
}

/**
 * The enumerated sizes, the same for every input with as many players and the same budget: their masks
 * and weights, how many sizes were enumerated, and the kernel weight per size. Built once and shared,
 * so only the random part is drawn per input (the breast-cancer MLP's 30 features at the default
 * budget: 60 of 2,108 coalitions; small widths are enumerated whole, and then nothing is drawn).
 */
export interface EnumeratedPart {
  readonly count: number;
  readonly masks: Uint8Array;
  readonly weights: Float64Array;
  /** Sizes 1..numFull (and their complements) are enumerated. */
  readonly numFull: number;
  readonly numSizes: number;
  readonly numPaired: number;
  /** Kernel mass per size 1..numSizes (paired sizes include their complements), summing to 1. */
  readonly weightVector: readonly number[];
}

function enumerate(m: number, nsamples: number): EnumeratedPart {
  const set = new CoalitionSet(m, nsamples);
  const mask = new Uint8Array(m);
  const complement = new Uint8Array(m);
  const numSizes = Math.ceil((m - 1) / 2);
  const numPaired = Math.floor((m - 1) / 2);
  const weightVector = Array.from({ length: numSizes }, (_, i) => (m - 1) / ((i + 1) * (m - i - 1)));
  for (let i = 0; i < numPaired; i++) weightVector[i] *= 2;
  const wsum = weightVector.reduce((a, b) => a + b, 0);
  for (let i = 0; i < numSizes; i++) weightVector[i] /= wsum;

  let numFull = 0;
  let left = nsamples;
  const remaining = [...weightVector];
  for (let size = 1; size <= numSizes; size++) {
    let nsubsets = binomial(m, size);
    const paired = size <= numPaired;
    if (paired) nsubsets *= 2;
    if ((left * remaining[size - 1]) / nsubsets < 1 - 1e-8) break;
    numFull++;
    left -= nsubsets;
    if (remaining[size - 1] < 1) {
      const scale = 1 - remaining[size - 1];
      for (let i = 0; i < numSizes; i++) remaining[i] /= scale;
    }
    let w = weightVector[size - 1] / binomial(m, size);
    if (paired) w /= 2;
    forEachCombination(m, size, (idx) => {
      mask.fill(0);
      for (const i of idx) mask[i] = 1;
      set.add(mask, w);
      if (!paired) return;
      for (let i = 0; i < m; i++) complement[i] = 1 - mask[i];
      set.add(complement, w);
    });
  }
  const count = set.count;
  return { count, masks: set.masks.slice(0, count * m), weights: set.weights.slice(0, count), numFull, numSizes, numPaired, weightVector };
}

/** Enumerated parts by players and budget: a few per process (one per tabular width and budget in use). */
const enumerated = new Map<string, EnumeratedPart>();

function enumeratedPart(m: number, nsamples: number): EnumeratedPart {
  const key = `${m} ${nsamples}`;
  let part = enumerated.get(key);
  if (!part) {
    part = enumerate(m, nsamples);
    if (enumerated.size >= 16) enumerated.clear();
    enumerated.set(key, part);
  }
  return part;
}

export function shapleyCoalitions(players: number, budget: number, rng: Rng): Coalitions {
  const m = players;
  if (!Number.isInteger(m) || m < 2) throw new RangeError(`KernelSHAP needs at least 2 players, got ${m}`);
  const nsamples = Math.min(budget, maxCoalitions(m));
  if (!Number.isInteger(nsamples) || nsamples < 1) throw new RangeError(`coalition budget must be a positive integer, got ${budget}`);
  const fixed = enumeratedPart(m, nsamples);
  const { numFull, numSizes, numPaired, weightVector } = fixed;
  const exhaustive = numFull === numSizes;
  let samplesLeft = nsamples - fixed.count;
  if (exhaustive || samplesLeft <= 0) {
    return { players: m, count: fixed.count, masks: fixed.masks, weights: fixed.weights, exhaustive, enumerated: fixed };
  }

  // The drawn sizes lie strictly between the enumerated ones and their complements, so a drawn
  // coalition can only repeat another drawn one: the set of drawn coalitions starts empty.
  const drawn = new CoalitionSet(m, samplesLeft);
  const mask = new Uint8Array(m);
  const complement = new Uint8Array(m);
  const probs = weightVector.slice(numFull).map((v, i) => (numFull + i < numPaired ? v / 2 : v));
  const psum = probs.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  probs.reduce((acc, v) => (cumulative.push((acc + v) / psum), acc + v), 0);
  const draws = 4 * samplesLeft;
  const scratch = new Int32Array(m);
  for (let d = 0; d < draws && samplesLeft > 0; d++) {
    const u = rng.next();
    let s = 0;
    while (s < cumulative.length - 1 && !(u < cumulative[s])) s++;
    const size = s + numFull + 1;
    mask.fill(0);
    const picked = sampleInto(rng, m, scratch);
    for (let k = 0; k < size; k++) mask[picked[k]] = 1;
    if (drawn.add(mask, 1)) samplesLeft--;
    if (samplesLeft > 0 && size <= numPaired) {
      for (let i = 0; i < m; i++) complement[i] = 1 - mask[i];
      if (drawn.add(complement, 1)) samplesLeft--;
    }
  }
  // The drawn coalitions share the kernel mass of the sizes that were not enumerated.
  const weightLeft = weightVector.slice(numFull).reduce((a, b) => a + b, 0);
  let drawnWeight = 0;
  for (let i = 0; i < drawn.count; i++) drawnWeight += drawn.weights[i];

  const count = fixed.count + drawn.count;
  const masks = new Uint8Array(count * m);
  masks.set(fixed.masks);
  masks.set(drawn.masks.subarray(0, drawn.count * m), fixed.count * m);
  const weights = new Float64Array(count);
  weights.set(fixed.weights);
  for (let i = 0; i < drawn.count; i++) weights[fixed.count + i] = drawn.weights[i] * (weightLeft / drawnWeight);
  return { players: m, count, masks, weights, exhaustive, enumerated: fixed };
}
