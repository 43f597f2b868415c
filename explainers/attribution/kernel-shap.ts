/**
 * KernelSHAP (Lundberg & Lee 2017) as shap's KernelExplainer does it on predict_proba: the value of a
 * coalition S is the mean model probability over background rows with the features outside S taken from
 * the background; Shapley values are the weighted least-squares fit over coalitions drawn with the
 * Shapley kernel (shapley-coalitions.ts), with efficiency, sum(phi) = f(x) - E[f(background)], enforced
 * exactly. Features equal to every background row get 0 and leave the game (shap's "varying" features).
 * With 2^M - 2 <= samples all coalitions are enumerated and the values are exact.
 *
 * Images are explained over groups of pixels (all channels): grid cells or SLIC superpixels. A group's
 * value is spread evenly over its elements so the attributions still sum to f(x) - E[f(background)];
 * the group values themselves are in `extras`. l1 feature selection (shap's l1_reg) is not done: see
 * `differences` below.
 */
import type { TaskView } from '../../datasets/task.js';
import { type Batch, sizeOf } from '../../core/batch.js';
import { UserError } from '../../core/errors.js';
import { int, num, oneOf, type ParamValues } from '../../core/params.js';
import { imageGeometry } from './image-geometry.js';
import { kernelShapSolve } from '../../numeric/kernel-shap-solve.js';
import { type FeatureGroup, paintGroups, type SegmentationChoice, segmentGroups, segmentImage, singleElementGroups } from './feature-groups.js';
import type { Segmentation } from './segmentation/types.js';
import { type Coalitions, shapleyCoalitions } from './shapley-coalitions.js';
import { repeatRow, type Stack, stackedTargetOutputs } from './stack.js';
import type { AttributionExplainer } from '../types.js';
import { kernelShapCard, kernelShapDifferences } from './kernel-shap.card.js';

const params = {
  samples: int({ default: 0, min: 0, max: 1_000_000, description: "coalitions per input; 0 = shap's 'auto', 2M + 2048 (M groups), always capped at 2^M - 2" }),
  background: oneOf(
    ['auto', 'baseline', 'data'] as const,
    'auto',
    "'data' = rows drawn from the training split or --background, 'baseline' = the task baseline alone, 'auto' = data for tabular tasks, baseline for images (cost)",
  ),
  backgroundRows: int({ default: 20, min: 1, max: 10000, description: 'background rows drawn when background is data (each coalition costs one forward pass per row)' }),
  grouping: oneOf(['grid', 'slic'] as const, 'grid', 'image pixel groups: square grid cells or SLIC superpixels'),
  cell: int({ default: 4, min: 1, max: 1024, description: 'grid cell side in pixels (grouping=grid)' }),
  segments: int({ default: 25, min: 2, max: 10000, description: 'approximate number of SLIC superpixels (grouping=slic)' }),
  compactness: num({ default: 0.1, min: 1e-6, max: 1e6, description: 'SLIC compactness on range-normalised intensities (grouping=slic)' }),
} as const;

type Params = typeof params;
type P = ParamValues<Params>;

export interface KernelShapState {
  /** Background rows, rows * sample size values. */
  readonly background: Float32Array;
  readonly rows: number;
}

/**
 * Writes the rows of coalitions [c0, c1) into `out` from its start: per coalition, one row per
 * background row, the background row with the coalition's present groups taken from x. Each
 * coalition's nb rows start as one block copy, of the background rows or of x repeated (`xs`),
 * whichever leaves fewer elements to patch: Shapley-kernel coalitions are mostly very small or very
 * large, so few elements are written one by one.
 */
export function fillCoalitionRows(out: Float32Array, x: Float32Array, xs: Float32Array, bg: Float32Array, nb: number, masks: Uint8Array, c0: number, c1: number, players: readonly Int32Array[]): void {
  if (players.every((g) => g.length === 1)) fillSingletonRows(out, x, xs, bg, nb, masks, c0, c1, players);
  else fillGroupRows(out, x, xs, bg, nb, masks, c0, c1, players);
}

/** fillCoalitionRows for players of any size (image pixel groups). */
export function fillGroupRows(out: Float32Array, x: Float32Array, xs: Float32Array, bg: Float32Array, nb: number, masks: Uint8Array, c0: number, c1: number, players: readonly Int32Array[]): void {
  const d = x.length;
  const m = players.length;
  const inCoalition = new Uint8Array(d);
  const patch = new Int32Array(d);
  for (let c = c0; c < c1; c++) {
    inCoalition.fill(0);
    let np = 0;
    for (let j = 0; j < m; j++) {
      if (masks[c * m + j] === 0) continue;
      const g = players[j];
      for (let e = 0; e < g.length; e++) inCoalition[g[e]] = 1;
      np += g.length;
    }
    const first = (c - c0) * nb * d;
    const fromX = np <= d - np;
    // Start from the background rows and patch x's values in, or the other way round.
    out.set(fromX ? bg : xs, first);
    let a = 0;
    for (let k = 0; k < d; k++) if ((inCoalition[k] === 1) === fromX) patch[a++] = k;
    for (let r = 0; r < nb; r++) {
      const row = first + r * d;
      const bgRow = r * d;
      if (fromX) for (let e = 0; e < a; e++) out[row + patch[e]] = x[patch[e]];
      else for (let e = 0; e < a; e++) out[row + patch[e]] = bg[bgRow + patch[e]];
    }
  }
}

/**
 * fillCoalitionRows where every player is one element (tabular inputs): the patches come straight from
 * the coalition's mask, and x's patched values are gathered once per coalition rather than per row
 * (a third faster on the breast-cancer MLP's 42,000 rows per input). Elements of no player (equal in x
 * and every background row) take the background's value, as in the general case.
 */
function fillSingletonRows(out: Float32Array, x: Float32Array, xs: Float32Array, bg: Float32Array, nb: number, masks: Uint8Array, c0: number, c1: number, players: readonly Int32Array[]): void {
  const d = x.length;
  const m = players.length;
  const element = Int32Array.from(players, (g) => g[0]);
  const inPlayer = new Uint8Array(d);
  for (let j = 0; j < m; j++) inPlayer[element[j]] = 1;
  const patch = new Int32Array(d);
  const outside = Int32Array.from({ length: d }, (_, k) => k).filter((k) => inPlayer[k] === 0);
  const values = new Float32Array(d);
  for (let c = c0; c < c1; c++) {
    const mc = c * m;
    let np = 0;
    for (let j = 0; j < m; j++) np += masks[mc + j];
    const first = (c - c0) * nb * d;
    const fromX = np <= d - np;
    out.set(fromX ? bg : xs, first);
    let a = 0;
    if (fromX) {
      for (let j = 0; j < m; j++) if (masks[mc + j] === 1) patch[a++] = element[j];
      for (let e = 0; e < a; e++) values[e] = x[patch[e]];
      for (let r = 0, row = first; r < nb; r++, row += d) for (let e = 0; e < a; e++) out[row + patch[e]] = values[e];
    } else {
      for (let j = 0; j < m; j++) if (masks[mc + j] === 0) patch[a++] = element[j];
      for (let e = 0; e < outside.length; e++) patch[a++] = outside[e];
      for (let r = 0, row = first, bgRow = 0; r < nb; r++, row += d, bgRow += d) for (let e = 0; e < a; e++) out[row + patch[e]] = bg[bgRow + patch[e]];
    }
  }
}

/**
 * How many coalitions go in each stack: stacks of at most one engine chunk of rows, so they pack into
 * cache-sized calls (stack.ts); the first also holds x and the nb background rows.
 */
function coalitionPieces(count: number, nb: number, chunk: number): [number, number][] {
  const first = Math.max(1, Math.floor((chunk - 1 - nb) / nb));
  const rest = Math.max(1, Math.floor(chunk / nb));
  const pieces: [number, number][] = [[0, Math.min(count, first)]];
  for (let c0 = first; c0 < count; c0 += rest) pieces.push([c0, Math.min(count, c0 + rest)]);
  return pieces;
}

/** The element indices of each group, and the image segmentation that made them (if any). */
function groupsOf(task: TaskView, batch: Batch, i: number, p: P): { groups: FeatureGroup[]; segmentation?: Segmentation } {
  const d = sizeOf(batch.sampleShape);
  if (task.kind === 'tabular') return { groups: singleElementGroups(d) };
  const x = batch.data.subarray(i * d, (i + 1) * d);
  const choice: SegmentationChoice =
    p.grouping === 'grid' ? { method: 'grid', cell: p.cell } : { method: 'slic', segments: p.segments, compactness: p.compactness };
  const segmentation = segmentImage(x, batch.sampleShape, choice);
  return { groups: segmentGroups(segmentation, imageGeometry(batch.sampleShape).channels), segmentation };
}

export const kernelShapExplainer: AttributionExplainer<Params, KernelShapState> = {
  api: 2,
  id: 'kernel-shap',
  family: 'attribution',
  description:
    'KernelSHAP: Shapley values of the target probability by Shapley-kernel weighted regression over feature coalitions. ' +
    "Unlike shap's default l1_reg='auto', no features are selected first (matters from 14 players up; not measured).",
  needs: ['predict', 'training-data'],
  output: 'probability',
  deterministic: false,
  card: kernelShapCard,
  differences: kernelShapDifferences,
  params,
  fit(ctx, p) {
    const d = sizeOf(ctx.task.sampleShape);
    const source = p.background === 'auto' ? (ctx.task.kind === 'tabular' && ctx.task.background ? 'data' : 'baseline') : p.background;
    if (source === 'baseline') return { background: Float32Array.from(ctx.task.baseline), rows: 1 };
    const data = ctx.task.background;
    if (!data || data.n === 0) {
      throw new UserError(`kernel-shap.background=data: task ${ctx.task.id} has no background data (give --background FILE or use background=baseline)`);
    }
    const rows = Math.min(p.backgroundRows, data.n);
    const picks = ctx.rng('kernel-shap-background').sample(data.n, rows);
    const background = new Float32Array(rows * d);
    picks.forEach((r, k) => background.set(data.data.subarray(r * d, (r + 1) * d), k * d));
    return { background, rows };
  },
  explain({ ctx, batch, targets, sampleIds, params: p, state }) {
    if (!state) throw new Error('kernel-shap: fit() must run before explain()');
    const d = sizeOf(batch.sampleShape);
    const { background: bg, rows: nb } = state;
    if (bg.length !== nb * d) throw new RangeError(`kernel-shap: background rows have ${bg.length / nb} values, inputs have ${d}`);

    interface Plan {
      groups: Int32Array[];
      segmentation?: Segmentation;
      varying: number[];
      coalitions?: Coalitions;
      /** How many stacks its rows are in. */
      stacks: number;
    }
    const plans: Plan[] = [];
    const stacks: Stack[] = [];
    for (let i = 0; i < batch.n; i++) {
      const x = batch.data.subarray(i * d, (i + 1) * d);
      const { groups, segmentation } = groupsOf(ctx.task, batch, i, p);
      const varying = groups.flatMap((g, j) => {
        for (let r = 0; r < nb; r++) for (const k of g) if (x[k] !== bg[r * d + k]) return [j];
        return [];
      });
      const m = varying.length;
      const coalitions = m >= 2 ? shapleyCoalitions(m, p.samples === 0 ? 2 * m + 2048 : p.samples, ctx.rng(sampleIds[i], 'kernel-shap')) : undefined;
      // Rows: x, the background rows, then for each coalition one row per background row, in stacks of
      // about one engine chunk.
      const count = coalitions?.count ?? 0;
      const pieces = coalitionPieces(count, nb, ctx.engine.batchSize);
      plans.push({ groups, segmentation, varying, coalitions, stacks: pieces.length });
      const players = varying.map((j) => groups[j]);
      const xs = new Float32Array(nb * d);
      repeatRow(xs, x, nb);
      pieces.forEach(([c0, c1], piece) => {
        const head = piece === 0 ? 1 + nb : 0;
        stacks.push({
          rows: head + (c1 - c0) * nb,
          target: targets[i],
          writesAll: true,
          fill(out) {
            if (head > 0) {
              out.set(x, 0);
              out.set(bg, d);
            }
            if (coalitions) fillCoalitionRows(out.subarray(head * d), x, xs, bg, nb, coalitions.masks, c0, c1, players);
          },
        });
      });
    }
    const parts = stackedTargetOutputs(ctx.engine, batch.sampleShape, stacks, 'probability');
    // Each input's outputs in one array again: x, the background rows, the coalition rows.
    let next = 0;
    const f = plans.map(({ stacks: n }) => {
      if (n === 1) return parts[next++];
      const whole = new Float32Array(parts.slice(next, next + n).reduce((s, a) => s + a.length, 0));
      for (let at = 0; at < whole.length; next++) {
        whole.set(parts[next], at);
        at += parts[next].length;
      }
      return whole;
    });

    const attributions = new Float32Array(batch.n * d);
    const reference = new Float32Array(batch.n);
    const extras: Record<string, unknown>[] = [];
    for (let i = 0; i < batch.n; i++) {
      const { groups, segmentation, varying, coalitions } = plans[i];
      const fi = f[i];
      const fx = fi[0];
      let fnull = 0;
      for (let r = 0; r < nb; r++) fnull += fi[1 + r];
      fnull /= nb;
      const total = fx - fnull;
      const m = varying.length;
      const phi = new Float64Array(groups.length);
      if (m === 1) phi[varying[0]] = total;
      if (coalitions) {
        const y = new Float64Array(coalitions.count);
        for (let c = 0; c < coalitions.count; c++) {
          let s = 0;
          for (let r = 0; r < nb; r++) s += fi[1 + nb + c * nb + r];
          y[c] = s / nb - fnull;
        }
        const beta = kernelShapSolve(coalitions.masks, coalitions.count, m, y, coalitions.weights, total);
        varying.forEach((g, j) => (phi[g] = beta[j]));
      }
      paintGroups(attributions, i * d, groups, (j) => phi[j] / groups[j].length);
      reference[i] = fnull;
      const extra: Record<string, unknown> = {
        groups: groups.length,
        varyingGroups: m,
        coalitions: coalitions?.count ?? 0,
        exact: coalitions ? coalitions.exhaustive : true,
        backgroundRows: nb,
      };
      if (segmentation) {
        extra.segments = Array.from(segmentation.labels);
        extra.groupValues = Array.from(phi);
      }
      extras.push(extra);
    }
    return { attributions, reference, extras };
  },
};
