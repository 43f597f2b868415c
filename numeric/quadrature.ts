/**
 * Quadrature rules on [0, 1] for path integrals. The midpoint Riemann rule is exact for linear
 * integrands; Gauss-Legendre with n nodes is exact for polynomials up to degree 2n - 1 (Captum's default
 * for integrated gradients is this family).
 */

export interface Quadrature {
  /** Points in (0, 1). */
  readonly nodes: Float64Array;
  /** Weights summing to 1. */
  readonly weights: Float64Array;
}

/** Midpoint rule: nodes (k + 1/2) / n, equal weights 1/n. */
export function riemannMidpoint(n: number): Quadrature {
  checkCount(n);
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n).fill(1 / n);
  for (let k = 0; k < n; k++) nodes[k] = (k + 0.5) / n;
  return { nodes, weights };
}

/**
 * Gauss-Legendre nodes and weights: the roots x_i of the Legendre polynomial P_n found by Newton's
 * method from Tricomi's initial guesses, w_i = 2 / ((1 - x_i^2) P_n'(x_i)^2), then mapped from [-1, 1] to [0, 1].
 */
export function gaussLegendre(n: number): Quadrature {
  checkCount(n);
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      // Three-term recurrence: (k + 1) P_{k+1} = (2k + 1) x P_k - k P_{k-1}.
      let p0 = 1;
      let p1 = x;
      for (let k = 1; k < n; k++) {
        const p2 = ((2 * k + 1) * x * p1 - k * p0) / (k + 1);
        p0 = p1;
        p1 = p2;
      }
      const pn = n === 1 ? x : p1;
      const pnm1 = n === 1 ? 1 : p0;
      dp = (n * (x * pn - pnm1)) / (x * x - 1);
      const dx = pn / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-15) break;
    }
    const w = 2 / ((1 - x * x) * dp * dp);
    // Roots come in pairs +-x; node i on [-1, 1] is -x (ascending), node n-1-i is +x.
    nodes[i] = (1 - x) / 2;
    nodes[n - 1 - i] = (1 + x) / 2;
    weights[i] = w / 2;
    weights[n - 1 - i] = w / 2;
  }
  return { nodes, weights };
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`a quadrature needs a positive integer number of nodes, got ${n}`);
}
