/**
 * Occlusion (Zeiler & Fergus 2014), as Captum computes it: slide a square window (all channels) over the
 * image, set it to the baseline, and give every pixel the mean, over the windows covering it, of
 * f(x) - f(x occluded) for the target logit. Tabular inputs are occluded one feature at a time, which
 * for a linear model gives exactly w * (x - baseline).
 *
 * Edge windows as Captum places them (captum/attr/_core/occlusion.py): ceil((size - window) / stride) + 1
 * windows per axis, each starting at a multiple of the stride, so where (size - window) is not a multiple
 * of the stride the last one runs past the edge and is cropped to the image (smaller than the window).
 * On the zoo's images at the default window and stride (28x28: 4 and 2; 8x8: 1 and 1) the windows tile
 * exactly and no window is cropped.
 */
import { sizeOf } from '../../core/batch.js';
import { int } from '../../core/params.js';
import type { TaskView } from '../../datasets/task.js';
import { type FeatureGroup, tabularGroups, windowGroups } from './feature-groups.js';
import { imageGeometry } from './image-geometry.js';
import { baselineInput, baselineParam } from './reference-input.js';
import { repeatRow, type Stack, stackedTargetOutputs } from './stack.js';
import type { AttributionExplainer } from '../types.js';
import { occlusionCard, occlusionDifferences } from './occlusion.card.js';

const params = {
  window: int({
    default: 0,
    min: 0,
    max: 1024,
    description: 'side of the square window in pixels, capped by the image; 0 = a seventh of the smaller side (4 on 28x28)',
  }),
  stride: int({ default: 0, min: 0, max: 1024, description: 'step between windows in pixels, capped by the window; 0 = half the window' }),
  baseline: baselineParam('what an occluded region is set to'),
} as const;

/** A region of input elements occluded together. */
type Region = FeatureGroup;

/** The window and stride in use: 0 means automatic, and neither may exceed the image. */
export function resolveWindow(height: number, width: number, window: number, stride: number): { window: number; stride: number } {
  const w = Math.min(window > 0 ? window : Math.max(1, Math.round(Math.min(height, width) / 7)), height, width);
  const s = Math.min(stride > 0 ? stride : Math.max(1, Math.floor(w / 2)), w);
  return { window: w, stride: s };
}

function regionsFor(task: TaskView, sampleShape: readonly number[], window: number, stride: number): Region[] {
  if (task.kind === 'tabular') return tabularGroups(task, sizeOf(sampleShape));
  const { height, width } = imageGeometry(sampleShape);
  const { window: w, stride: s } = resolveWindow(height, width, window, stride);
  return windowGroups(sampleShape, w, s);
}

/** The regions and how many of them cover each element, for one input geometry and window. */
interface RegionPlan {
  readonly regions: readonly Region[];
  readonly coverage: Float64Array;
}

/** Plans depend only on the geometry and the window: kept (a few per process) so explaining many inputs does not rebuild them. */
const plans = new Map<string, RegionPlan>();

function planFor(task: TaskView, sampleShape: readonly number[], window: number, stride: number): RegionPlan {
  const grouping = task.features ? task.features.map((f) => f.columns.join('+')).join(',') : '';
  const key = `${task.kind} ${sampleShape.join('x')} ${window} ${stride} ${grouping}`;
  let plan = plans.get(key);
  if (!plan) {
    const regions = regionsFor(task, sampleShape, window, stride);
    const coverage = new Float64Array(sizeOf(sampleShape));
    for (const reg of regions) for (let e = 0; e < reg.length; e++) coverage[reg[e]]++;
    plan = { regions, coverage };
    if (plans.size >= 16) plans.clear();
    plans.set(key, plan);
  }
  return plan;
}

export const occlusionExplainer: AttributionExplainer<typeof params> = {
  api: 2,
  id: 'occlusion',
  family: 'attribution',
  description: 'Drop in the target logit when a sliding window (or one tabular feature) is set to the baseline.',
  needs: ['predict'],
  output: 'logit',
  deterministic: true,
  properties: ['determinism', 'dummy', 'implementation-invariance'],
  card: occlusionCard,
  differences: occlusionDifferences,
  params,
  explain({ ctx, batch, targets, params: p }) {
    const d = sizeOf(batch.sampleShape);
    const base = baselineInput(ctx.task, p.baseline, d);
    const { regions, coverage } = planFor(ctx.task, batch.sampleShape, p.window, p.stride);
    // A tabular group (a one-hot feature's columns) shares its drop among its columns, so the feature's
    // attribution summed over them is the drop; an image window gives each pixel the whole drop.
    const share = ctx.task.kind === 'tabular';

    // Row 0 of each stack is x itself; row j + 1 is x with region j occluded.
    const stacks: Stack[] = [];
    for (let i = 0; i < batch.n; i++) {
      const x = batch.data.subarray(i * d, (i + 1) * d);
      stacks.push({
        rows: regions.length + 1,
        target: targets[i],
        writesAll: true,
        fill(out) {
          repeatRow(out, x, regions.length + 1);
          for (let j = 0; j < regions.length; j++) {
            const reg = regions[j];
            const row = (j + 1) * d;
            for (let e = 0; e < reg.length; e++) out[row + reg[e]] = base[reg[e]];
          }
        },
      });
    }
    const f = stackedTargetOutputs(ctx.engine, batch.sampleShape, stacks, 'logit');
    const attributions = new Float32Array(batch.n * d);
    const acc = new Float64Array(d);
    for (let i = 0; i < batch.n; i++) {
      acc.fill(0);
      const fi = f[i];
      const fx = fi[0];
      for (let j = 0; j < regions.length; j++) {
        const reg = regions[j];
        const drop = fx - fi[j + 1];
        const v = share ? drop / reg.length : drop;
        for (let e = 0; e < reg.length; e++) acc[reg[e]] += v;
      }
      for (let k = 0; k < d; k++) attributions[i * d + k] = coverage[k] > 0 ? acc[k] / coverage[k] : 0;
    }
    const used = ctx.task.kind === 'image' ? resolveWindow(batch.sampleShape[0], batch.sampleShape[1], p.window, p.stride) : null;
    const extra = used ? { window: used.window, stride: used.stride, windows: regions.length } : { windows: regions.length };
    return { attributions, extras: Array.from({ length: batch.n }, () => extra) };
  },
};
