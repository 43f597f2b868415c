/**
 * The slow oracle for the LRP rules (explainers/attribution/lrp/rules/; docs/principles.md (principle 5)):
 * every linear layer written out as an explicit list of (input j, output k, weight w) links for one
 * sample, and each rule computed by a direct loop over its formula (Montavon et al. 2019, "Layer-wise
 * relevance propagation: an overview"), in double precision. Conv2D links are enumerated position by
 * position with TensorFlow's padding convention, independently of tfjs's convolution. Used by tests only.
 */
import type { Rule, RuleSettings } from '../../explainers/attribution/lrp/rule-registry.js';

export interface Links {
  readonly nIn: number;
  readonly nOut: number;
  readonly links: readonly { j: number; k: number; w: number }[];
  readonly bias: readonly number[] | null;
}

/** Dense with kernel w[in][out]. */
export function denseLinks(w: number[][], bias: number[] | null): Links {
  const links: { j: number; k: number; w: number }[] = [];
  w.forEach((row, j) => row.forEach((v, k) => links.push({ j, k, w: v })));
  return { nIn: w.length, nOut: w[0].length, links, bias };
}

/** Conv2D, channels last; kernel flat in [kh, kw, cin, cout] order. */
export function convLinks(o: {
  kernel: ArrayLike<number>;
  kh: number;
  kw: number;
  cin: number;
  cout: number;
  height: number;
  width: number;
  strides: [number, number];
  padding: 'valid' | 'same';
  bias: number[] | null;
}): Links {
  const outSize = (n: number, k: number, s: number) => (o.padding === 'valid' ? Math.floor((n - k) / s) + 1 : Math.ceil(n / s));
  const before = (n: number, k: number, s: number, out: number) => (o.padding === 'valid' ? 0 : Math.floor(Math.max((out - 1) * s + k - n, 0) / 2));
  const oh = outSize(o.height, o.kh, o.strides[0]);
  const ow = outSize(o.width, o.kw, o.strides[1]);
  const pt = before(o.height, o.kh, o.strides[0], oh);
  const pl = before(o.width, o.kw, o.strides[1], ow);
  const links: { j: number; k: number; w: number }[] = [];
  for (let y = 0; y < oh; y++)
    for (let x = 0; x < ow; x++)
      for (let co = 0; co < o.cout; co++)
        for (let dy = 0; dy < o.kh; dy++)
          for (let dx = 0; dx < o.kw; dx++) {
            const iy = y * o.strides[0] + dy - pt;
            const ix = x * o.strides[1] + dx - pl;
            if (iy < 0 || ix < 0 || iy >= o.height || ix >= o.width) continue; // zero padding: no link
            for (let ci = 0; ci < o.cin; ci++) {
              const w = Number(o.kernel[((dy * o.kw + dx) * o.cin + ci) * o.cout + co]);
              links.push({ j: (iy * o.width + ix) * o.cin + ci, k: (y * ow + x) * o.cout + co, w });
            }
          }
  const bias = o.bias ? Array.from({ length: oh * ow * o.cout }, (_, k) => o.bias![k % o.cout]) : null;
  return { nIn: o.height * o.width * o.cin, nOut: oh * ow * o.cout, links, bias };
}

const plus = (v: number) => Math.max(v, 0);
const minus = (v: number) => Math.min(v, 0);
const ratio = (num: number, den: number) => (den === 0 ? 0 : num / den);

/**
 * R_j = Σ_k (contribution_jk / Σ_j' contribution_j'k [+ bias share]) R_k, for a rule given as a
 * contribution function and a bias term in the denominator.
 */
function share(
  l: Links, r: readonly number[], contrib: (j: number, w: number) => number, biasTerm: (k: number) => number, e = 0,
): number[] {
  const z = new Array<number>(l.nOut).fill(0);
  for (const { j, k, w } of l.links) z[k] += contrib(j, w);
  for (let k = 0; k < l.nOut; k++) {
    z[k] += biasTerm(k);
    z[k] += z[k] >= 0 ? e : -e;
  }
  const out = new Array<number>(l.nIn).fill(0);
  for (const { j, k, w } of l.links) out[j] += ratio(contrib(j, w), z[k]) * r[k];
  return out;
}

export function referenceRelevance(
  rule: Rule,
  l: Links,
  a: readonly number[],
  r: readonly number[],
  s: RuleSettings,
  low: readonly number[] = [],
  high: readonly number[] = [],
): number[] {
  const b = (k: number) => (l.bias ? l.bias[k] : 0);
  const alphaBeta = (alpha: number, beta: number, useBias: boolean) => {
    const p = share(l, r, (j, w) => plus(a[j] * w), (k) => (useBias ? plus(b(k)) : 0));
    const n = share(l, r, (j, w) => minus(a[j] * w), (k) => (useBias ? minus(b(k)) : 0));
    return p.map((v, j) => alpha * v - beta * n[j]);
  };
  switch (rule) {
    case 'zero':
      return share(l, r, (j, w) => a[j] * w, b);
    case 'epsilon':
      return share(l, r, (j, w) => a[j] * w, b, s.epsilon);
    case 'gamma':
      return share(l, r, (j, w) => a[j] * (w + s.gamma * plus(w)), (k) => b(k) + s.gamma * plus(b(k)));
    case 'alpha1beta0':
      return alphaBeta(1, 0, true);
    case 'alpha2beta1':
      return alphaBeta(2, 1, true);
    case 'alphabeta':
      return alphaBeta(s.alpha, s.beta, true);
    case 'zplus':
      return alphaBeta(1, 0, s.plusBias);
    case 'wsquare':
      return share(l, r, (_j, w) => w * w, (k) => (s.plusBias ? b(k) * b(k) : 0));
    case 'flat':
      return share(l, r, () => 1, () => 0);
    case 'zbox':
      return share(l, r, (j, w) => a[j] * w - low[j] * plus(w) - high[j] * minus(w), () => 0);
    default:
      throw new Error(`the loop reference has no formula for rule '${rule}'`);
  }
}
