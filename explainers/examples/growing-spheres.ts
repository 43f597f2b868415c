/**
 * The counterfactual search: Growing Spheres (Laugel et al. 2018), which needs only predictions.
 * Points are drawn in spherical shells of growing radius around x until one is classified other than
 * the target class; the closest such "enemy" is then made sparse by putting back the original values
 * of the features it moved least. Laugel et al. put features back one at a time, each checked with the
 * model; here the candidates "the m least-moved features put back", m = 0..d-1 (in blocks for large
 * inputs), are checked in one batch and the largest m that still flips is kept (the same path, one
 * engine call).
 */
import { makeBatch, sizeOf } from '../../core/batch.js';
import type { Engine } from '../../core/engine.js';
import type { Rng } from '../../core/rng.js';
import type { CfConstraints } from './cf-constraints.js';
import { argmaxRows } from './class-words.js';

export interface SphereBudget {
  /** Points drawn per shell. */
  readonly samples: number;
  /** Shells tried at most after the first. */
  readonly layers: number;
  /** Radius growth per shell, in root-mean-square change per input element. */
  readonly step: number;
  readonly sparsify: boolean;
}

export interface Counterfactual {
  readonly input: Float32Array;
  readonly predicted: number;
  /** Shell where the enemy was found (0 = inside the first, possibly halved, ball). */
  readonly layer: number;
}

const HALVINGS = 6;
const MAX_CANDIDATES = 64;

/**
 * n points in the shell lo..hi around x. With constraints, frozen columns get no share of the
 * direction (the same draws are made, so an unconstrained search is unchanged) and each point is
 * snapped to valid categorical levels.
 */
function shell(x: Float32Array, lo: number, hi: number, n: number, rng: Rng, cons: CfConstraints | null): Float32Array {
  const d = x.length;
  const out = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    const dir = new Float64Array(d);
    for (let k = 0; k < d; k++) {
      dir[k] = rng.normal();
      if (cons?.frozen.has(k)) dir[k] = 0;
      norm += dir[k] * dir[k];
    }
    const r = norm > 0 ? rng.uniform(lo, hi) / Math.sqrt(norm) : 0;
    for (let k = 0; k < d; k++) out[i * d + k] = x[k] + dir[k] * r;
    cons?.snap(out, i * d);
  }
  return out;
}

function l2(a: Float32Array, off: number, x: Float32Array): number {
  let s = 0;
  for (let k = 0; k < x.length; k++) s += (a[off + k] - x[k]) ** 2;
  return Math.sqrt(s);
}

/** The counterfactual of one input for class `target`, or null when the budget found none. */
export function growingSpheres(
  engine: Engine,
  x: Float32Array,
  shape: readonly number[],
  target: number,
  budget: SphereBudget,
  rng: Rng,
  cons: CfConstraints | null = null,
): Counterfactual | null {
  const d = sizeOf(shape);
  const c = engine.numClasses;
  const unit = budget.step * Math.sqrt(d);
  const enemiesIn = (points: Float32Array) => {
    const pred = argmaxRows(engine.outputs(makeBatch(points, shape), 'logit'), c);
    return Array.from(pred.keys()).filter((i) => pred[i] !== target).map((i) => ({ i, pred: pred[i] }));
  };
  // First ball: halve it while it already holds enemies, so the search starts below the boundary.
  let radius = unit;
  let found: { points: Float32Array; enemies: { i: number; pred: number }[]; layer: number } | null = null;
  for (let h = 0; h <= HALVINGS; h++) {
    const points = shell(x, 0, radius, budget.samples, rng, cons);
    const enemies = enemiesIn(points);
    if (enemies.length === 0) break;
    found = { points, enemies, layer: 0 };
    radius /= 2;
  }
  for (let layer = 1; found === null && layer <= budget.layers; layer++) {
    const points = shell(x, radius + (layer - 1) * unit, radius + layer * unit, budget.samples, rng, cons);
    const enemies = enemiesIn(points);
    if (enemies.length > 0) found = { points, enemies, layer };
  }
  if (found === null) return null;
  const { points, enemies } = found;
  const best = enemies.reduce((a, b) => (l2(points, b.i * d, x) < l2(points, a.i * d, x) ? b : a));
  const enemy = points.slice(best.i * d, (best.i + 1) * d);
  if (!budget.sparsify || d === 1) return { input: enemy, predicted: best.pred, layer: found.layer };
  return sparsify(engine, x, shape, target, enemy, best.pred, found.layer, cons);
}

/** Puts back the least-moved features (whole features where the task has typed ones) while the answer stays flipped. */
function sparsify(
  engine: Engine,
  x: Float32Array,
  shape: readonly number[],
  target: number,
  enemy: Float32Array,
  predicted: number,
  layer: number,
  cons: CfConstraints | null,
): Counterfactual {
  const d = x.length;
  const c = engine.numClasses;
  if (cons) return sparsifyGroups(engine, x, shape, target, enemy, { predicted, layer }, cons.groups);
  const order = Array.from({ length: d }, (_, k) => k).sort((a, b) => Math.abs(enemy[a] - x[a]) - Math.abs(enemy[b] - x[b]) || a - b);
  // Candidate m puts back the m least-moved features. Large inputs (images) step m in blocks so that at
  // most MAX_CANDIDATES are checked; small (tabular) ones check every m.
  const stride = Math.ceil(d / MAX_CANDIDATES);
  const ms = Array.from({ length: Math.ceil(d / stride) }, (_, k) => k * stride);
  const candidates = new Float32Array(ms.length * d);
  const current = Float32Array.from(enemy);
  let put = 0;
  ms.forEach((m, k) => {
    for (; put < m; put++) current[order[put]] = x[order[put]];
    candidates.set(current, k * d);
  });
  const pred = argmaxRows(engine.outputs(makeBatch(candidates, shape), 'logit'), c);
  let kept = 0;
  for (let k = ms.length - 1; k >= 0; k--) {
    if (pred[k] !== target) {
      kept = k;
      break;
    }
  }
  return { input: candidates.slice(kept * d, (kept + 1) * d), predicted: pred[kept], layer };
}

/** sparsify over feature groups: candidate m puts back the m least-moved groups, all in one batch. */
function sparsifyGroups(
  engine: Engine,
  x: Float32Array,
  shape: readonly number[],
  target: number,
  enemy: Float32Array,
  found: { predicted: number; layer: number },
  groups: readonly (readonly number[])[],
): Counterfactual {
  const d = x.length;
  const moved = (g: readonly number[]) => Math.sqrt(g.reduce((s, k) => s + (enemy[k] - x[k]) ** 2, 0));
  const order = groups.map((g, j) => ({ g, j, m: moved(g) })).sort((a, b) => a.m - b.m || a.j - b.j);
  const candidates = new Float32Array(order.length * d);
  const current = Float32Array.from(enemy);
  order.forEach(({ g }, m) => {
    candidates.set(current, m * d);
    for (const k of g) current[k] = x[k];
  });
  const pred = argmaxRows(engine.outputs(makeBatch(candidates, shape), 'logit'), engine.numClasses);
  let kept = 0;
  for (let m = order.length - 1; m >= 0; m--) {
    if (pred[m] !== target) {
      kept = m;
      break;
    }
  }
  return pred[kept] !== target
    ? { input: candidates.slice(kept * d, (kept + 1) * d), predicted: pred[kept], layer: found.layer }
    : { input: enemy, predicted: found.predicted, layer: found.layer };
}
