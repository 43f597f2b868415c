/**
 * Bradley-Terry strengths from pairwise preferences: P(i preferred to j) = π_i / (π_i + π_j),
 * β = log π. Fitted by the MM (Zermelo) iteration of Hunter (2004), which converges monotonically;
 * standard errors from the Fisher information with a reference method fixed at β = 0 (as R's
 * BradleyTerry2 reports them). Ties count as half a win each way (recorded by the caller, never
 * dropped). The MLE exists only when the win graph is strongly connected (Ford 1957): check with
 * comparisonGraph() first; `pseudoCount` adds that many wins each way to every compared pair.
 */

export interface BradleyTerryOptions {
  /** Index of the method whose β is fixed at 0 (default 0). */
  readonly reference?: number;
  /** Wins added each way to every pair that was compared at least once (default 0). */
  readonly pseudoCount?: number;
  readonly maxIterations?: number;
  readonly tolerance?: number;
}

export interface BradleyTerryResult {
  /** Log-strengths relative to the reference (β_ref = 0). */
  readonly beta: readonly number[];
  /** Standard errors of beta (0 for the reference). */
  readonly se: readonly number[];
  /** Covariance of beta (reference row and column are 0). */
  readonly covariance: readonly (readonly number[])[];
  readonly reference: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export interface GraphCheck {
  /** Every method is linked to every other by comparisons (ignoring who won). */
  readonly connected: boolean;
  /** Every method can be reached from every other by "beat" edges: the MLE exists. */
  readonly stronglyConnected: boolean;
  readonly neverWins: readonly number[];
  readonly neverLoses: readonly number[];
}

function reach(k: number, edge: (i: number, j: number) => boolean, from: number): boolean[] {
  const seen = new Array<boolean>(k).fill(false);
  const stack = [from];
  seen[from] = true;
  while (stack.length) {
    const i = stack.pop()!;
    for (let j = 0; j < k; j++) {
      if (!seen[j] && edge(i, j)) {
        seen[j] = true;
        stack.push(j);
      }
    }
  }
  return seen;
}

/** wins[i][j] = times i beat j (ties already added as 0.5 each way). */
export function comparisonGraph(wins: readonly (readonly number[])[]): GraphCheck {
  const k = wins.length;
  const compared = (i: number, j: number) => wins[i][j] + wins[j][i] > 0;
  const connected = k === 0 || reach(k, compared, 0).every(Boolean);
  const beats = (i: number, j: number) => wins[i][j] > 0;
  const beatenBy = (i: number, j: number) => wins[j][i] > 0;
  const stronglyConnected = k === 0 || (reach(k, beats, 0).every(Boolean) && reach(k, beatenBy, 0).every(Boolean));
  const neverWins: number[] = [];
  const neverLoses: number[] = [];
  for (let i = 0; i < k; i++) {
    let w = 0;
    let l = 0;
    for (let j = 0; j < k; j++) {
      w += wins[i][j];
      l += wins[j][i];
    }
    if (w === 0) neverWins.push(i);
    if (l === 0) neverLoses.push(i);
  }
  return { connected, stronglyConnected, neverWins, neverLoses };
}

/** Inverse of a symmetric positive-definite matrix by Gauss-Jordan elimination with pivoting. */
function invert(m: number[][]): number[][] {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
    if (Math.abs(a[piv][c]) < 1e-300) throw new RangeError('bradleyTerry: the information matrix is singular');
    [a[c], a[piv]] = [a[piv], a[c]];
    const d = a[c][c];
    for (let j = 0; j < 2 * n; j++) a[c][j] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r][c];
      if (f !== 0) for (let j = 0; j < 2 * n; j++) a[r][j] -= f * a[c][j];
    }
  }
  return a.map((row) => row.slice(n));
}

export function bradleyTerry(winsIn: readonly (readonly number[])[], opts: BradleyTerryOptions = {}): BradleyTerryResult {
  const k = winsIn.length;
  if (k < 2) throw new RangeError('bradleyTerry: needs at least two methods');
  const ref = opts.reference ?? 0;
  const pc = opts.pseudoCount ?? 0;
  const wins = winsIn.map((row, i) => row.map((w, j) => (i !== j && (w > 0 || winsIn[j][i] > 0) ? w + pc : i === j ? 0 : w)));
  const check = comparisonGraph(wins);
  if (!check.connected) {
    throw new RangeError('bradleyTerry: the comparison graph is not connected, so strengths of its parts are not comparable');
  }
  if (!check.stronglyConnected) {
    throw new RangeError(
      'bradleyTerry: some methods never win or never lose against the rest, so the MLE does not exist (use a pseudo-count)',
    );
  }
  const nij = (i: number, j: number) => wins[i][j] + wins[j][i];
  const W = wins.map((row) => row.reduce((s, x) => s + x, 0));
  let pi = new Array<number>(k).fill(1);
  const maxIt = opts.maxIterations ?? 100000;
  const tol = opts.tolerance ?? 1e-12;
  let it = 0;
  let converged = false;
  while (it < maxIt) {
    it++;
    const next = pi.map((p, i) => {
      let den = 0;
      for (let j = 0; j < k; j++) if (j !== i && nij(i, j) > 0) den += nij(i, j) / (p + pi[j]);
      return W[i] / den;
    });
    // Normalise to geometric mean 1 (the scale is not identified).
    const g = Math.exp(next.reduce((s, x) => s + Math.log(x), 0) / k);
    const scaled = next.map((x) => x / g);
    const change = Math.max(...scaled.map((x, i) => Math.abs(Math.log(x) - Math.log(pi[i]))));
    pi = scaled;
    if (change < tol) {
      converged = true;
      break;
    }
  }
  const beta = pi.map((p) => Math.log(p) - Math.log(pi[ref]));
  const info = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      if (i === j || nij(i, j) === 0) continue;
      const p = pi[i] / (pi[i] + pi[j]);
      const v = nij(i, j) * p * (1 - p);
      info[i][i] += v;
      info[i][j] -= v;
    }
  }
  const keep = [...Array(k).keys()].filter((i) => i !== ref);
  const inv = invert(keep.map((i) => keep.map((j) => info[i][j])));
  const covariance = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  keep.forEach((i, a) => keep.forEach((j, b) => (covariance[i][j] = inv[a][b])));
  return { beta, se: covariance.map((row, i) => Math.sqrt(row[i])), covariance, reference: ref, iterations: it, converged };
}

/** β centred to mean 0 and its covariance C V Cᵀ with C = I − 11ᵀ/k (no method singled out). */
export function centred(r: BradleyTerryResult): { beta: number[]; se: number[]; covariance: number[][] } {
  const k = r.beta.length;
  const m = r.beta.reduce((s, x) => s + x, 0) / k;
  const V = r.covariance;
  const rowMean = V.map((row) => row.reduce((s, x) => s + x, 0) / k);
  const all = rowMean.reduce((s, x) => s + x, 0) / k;
  const cov = V.map((row, i) => row.map((v, j) => v - rowMean[i] - rowMean[j] + all));
  return { beta: r.beta.map((b) => b - m), se: cov.map((row, i) => Math.sqrt(Math.max(0, row[i]))), covariance: cov };
}
