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
import {
  type FeatureGroup,
  paintGroups,
  type SegmentationChoice,
  segmentGroups,
  segmentImage,
  tabularGroups,
} from './feature-groups.js';
import type { Segmentation } from './segmentation/types.js';
import { type Coalitions, shapleyCoalitions } from './shapley-coalitions.js';
import { coalitionPieces, fillCoalitionRows } from './coalition-rows.js';
import { repeatRow, type Stack, stackedTargetOutputs } from './stack.js';
import type { AttributionExplainer, ExplainContext } from '../types.js';
import { kernelShapCard, kernelShapDifferences } from './kernel-shap.card.js';

const params = {
  samples: int({
    default: 0,
    min: 0,
    max: 1_000_000,
    description: "coalitions per input; 0 = shap's 'auto', 2M + 2048 (M groups), always capped at 2^M - 2",
  }),
  background: oneOf(
    ['auto', 'baseline', 'data'] as const,
    'auto',
    "'data' = rows drawn from the training split or --background, 'baseline' = the task baseline alone, 'auto' = data for tabular " +
    "tasks, baseline for images (cost)",
  ),
  backgroundRows: int({
    default: 20,
    min: 1,
    max: 10000,
    description: 'background rows drawn when background is data (each coalition costs one forward pass per row)',
  }),
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

/** The element indices of each group, and the image segmentation that made them (if any). */
function groupsOf(task: TaskView, batch: Batch, i: number, p: P): { groups: FeatureGroup[]; segmentation?: Segmentation } {
  const d = sizeOf(batch.sampleShape);
  if (task.kind === 'tabular') return { groups: tabularGroups(task, d) };
  const x = batch.data.subarray(i * d, (i + 1) * d);
  const choice: SegmentationChoice =
    p.grouping === 'grid' ? { method: 'grid', cell: p.cell } : { method: 'slic', segments: p.segments, compactness: p.compactness };
  const segmentation = segmentImage(x, batch.sampleShape, choice, task.valueRange);
  return { groups: segmentGroups(segmentation, imageGeometry(batch.sampleShape).channels), segmentation };
}

/** One input's groups, the groups that vary against the background, its coalitions and its stacks. */
interface InputPlan {
  readonly groups: FeatureGroup[];
  readonly segmentation?: Segmentation;
  readonly varying: number[];
  readonly coalitions?: Coalitions;
  readonly stacks: Stack[];
}

/**
 * The rows of one input: x, the background rows, then for each coalition one row per background row,
 * in stacks of about one engine chunk. Groups equal to every background row leave the game.
 */
function planInput(
  ctx: ExplainContext,
  batch: Batch,
  i: number,
  target: number,
  sampleId: string,
  p: P,
  state: KernelShapState,
): InputPlan {
  const d = sizeOf(batch.sampleShape);
  const { background: bg, rows: nb } = state;
  const x = batch.data.subarray(i * d, (i + 1) * d);
  const { groups, segmentation } = groupsOf(ctx.task, batch, i, p);
  const varying = groups.flatMap((g, j) => {
    for (let r = 0; r < nb; r++) for (const k of g) if (x[k] !== bg[r * d + k]) return [j];
    return [];
  });
  const m = varying.length;
  const budget = p.samples === 0 ? 2 * m + 2048 : p.samples;
  const coalitions = m >= 2 ? shapleyCoalitions(m, budget, ctx.rng(sampleId, 'kernel-shap')) : undefined;
  const players = varying.map((j) => groups[j]);
  const xs = new Float32Array(nb * d);
  repeatRow(xs, x, nb);
  const stacks = coalitionPieces(coalitions?.count ?? 0, nb, ctx.engine.batchSize).map(([c0, c1], piece): Stack => {
    const head = piece === 0 ? 1 + nb : 0;
    return {
      rows: head + (c1 - c0) * nb,
      target,
      writesAll: true,
      fill(out) {
        if (head > 0) {
          out.set(x, 0);
          out.set(bg, d);
        }
        if (coalitions) fillCoalitionRows(out.subarray(head * d), { x, xs, bg, nb, masks: coalitions.masks, players }, c0, c1);
      },
    };
  });
  return { groups, segmentation, varying, coalitions, stacks };
}

/** Each input's outputs in one array again (x, the background rows, the coalition rows) from its stacks' pieces. */
function joinPieces(parts: Float32Array[], plans: readonly InputPlan[]): Float32Array[] {
  let next = 0;
  return plans.map(({ stacks }) => {
    const n = stacks.length;
    if (n === 1) return parts[next++];
    const whole = new Float32Array(parts.slice(next, next + n).reduce((s, a) => s + a.length, 0));
    for (let at = 0; at < whole.length; next++) {
      whole.set(parts[next], at);
      at += parts[next].length;
    }
    return whole;
  });
}

/** The Shapley value of every group from one input's outputs `fi`, E[f(background)], and the facts for `extras`. */
function shapleyValues(
  plan: InputPlan,
  fi: Float32Array,
  nb: number,
): { phi: Float64Array; fnull: number; extra: Record<string, unknown> } {
  const { groups, segmentation, varying, coalitions } = plan;
  let fnull = 0;
  for (let r = 0; r < nb; r++) fnull += fi[1 + r];
  fnull /= nb;
  const total = fi[0] - fnull;
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
  return { phi, fnull, extra };
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
  properties: ['completeness', 'dummy', 'implementation-invariance'],
  card: kernelShapCard,
  differences: kernelShapDifferences,
  params,
  fit(ctx, p) {
    const d = sizeOf(ctx.task.sampleShape);
    const source = p.background === 'auto' ? (ctx.task.kind === 'tabular' && ctx.task.background ? 'data' : 'baseline') : p.background;
    if (source === 'baseline') return { background: Float32Array.from(ctx.task.baseline), rows: 1 };
    const data = ctx.task.background;
    if (!data || data.n === 0) {
      throw new UserError(
        `kernel-shap.background=data: task ${ctx.task.id} has no background data (give --background FILE or use background=baseline)`);
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
    if (state.background.length !== state.rows * d) {
      throw new RangeError(`kernel-shap: background rows have ${state.background.length / state.rows} values, inputs have ${d}`);
    }
    const plans: InputPlan[] = [];
    const stacks: Stack[] = [];
    for (let i = 0; i < batch.n; i++) {
      const plan = planInput(ctx, batch, i, targets[i], sampleIds[i], p, state);
      plans.push(plan);
      stacks.push(...plan.stacks);
    }
    const f = joinPieces(stackedTargetOutputs(ctx.engine, batch.sampleShape, stacks, 'probability'), plans);
    const attributions = new Float32Array(batch.n * d);
    const reference = new Float32Array(batch.n);
    const extras = plans.map((plan, i) => {
      const { phi, fnull, extra } = shapleyValues(plan, f[i], state.rows);
      paintGroups(attributions, i * d, plan.groups, (j) => phi[j] / plan.groups[j].length);
      reference[i] = fnull;
      return extra;
    });
    return { attributions, reference, extras };
  },
};
