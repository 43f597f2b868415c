/**
 * SP-LIME (Ribeiro et al. 2016, section 4; lime/submodular_pick.py): a global view from local
 * explanations. W[i, j] sums explanation i's weights for feature j, features keyed by name; the global
 * importance of feature j is I_j = sqrt(sum_i |W_ij|); B instances are picked greedily to maximise the
 * coverage c(V) = sum_j I_j [exists v in V: |W_vj| > 0]. As in the reference, each round keeps the last
 * maximiser in ascending index order (>=), and the budget is capped at the number of explanations.
 */

export interface PickedSet {
  /** Indices of the picked explanations, in pick order. */
  readonly indices: readonly number[];
  /** c(V) of the picked set. */
  readonly coverage: number;
  /** c of all explanations together: the most any pick can cover. */
  readonly totalCoverage: number;
  /** Every feature seen, in order of first appearance, with its global importance. */
  readonly features: readonly { readonly name: string; readonly importance: number; readonly covered: boolean }[];
}

export function submodularPick(
  explanations: readonly (readonly { readonly name: string; readonly weight: number }[])[],
  budget: number,
): PickedSet {
  const index = new Map<string, number>();
  for (const exp of explanations) for (const { name } of exp) if (!index.has(name)) index.set(name, index.size);
  const n = explanations.length;
  const m = index.size;
  const w = new Float64Array(n * m);
  explanations.forEach((exp, i) => {
    for (const { name, weight } of exp) w[i * m + index.get(name)!] += weight;
  });
  const importance = new Float64Array(m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) importance[j] += Math.abs(w[i * m + j]);
  for (let j = 0; j < m; j++) importance[j] = Math.sqrt(importance[j]);

  const covered = new Uint8Array(m);
  const coverageWith = (i: number): number => {
    let c = 0;
    for (let j = 0; j < m; j++) if (covered[j] || Math.abs(w[i * m + j]) > 0) c += importance[j];
    return c;
  };
  const picked: number[] = [];
  const remaining = new Set(Array.from({ length: n }, (_, i) => i));
  let coverage = 0;
  for (let round = 0; round < Math.min(budget, n); round++) {
    let best = 0;
    let bestIndex = -1;
    for (const i of remaining) {
      const c = coverageWith(i);
      if (c >= best) {
        best = c;
        bestIndex = i;
      }
    }
    picked.push(bestIndex);
    remaining.delete(bestIndex);
    for (let j = 0; j < m; j++) if (Math.abs(w[bestIndex * m + j]) > 0) covered[j] = 1;
    coverage = best;
  }
  let totalCoverage = 0;
  for (let j = 0; j < m; j++) {
    let any = false;
    for (let i = 0; i < n && !any; i++) any = Math.abs(w[i * m + j]) > 0;
    if (any) totalCoverage += importance[j];
  }
  const features = [...index.keys()].map((name, j) => ({ name, importance: importance[j], covered: covered[j] === 1 }));
  return { indices: picked, coverage, totalCoverage, features };
}
