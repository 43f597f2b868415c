/**
 * Background rows drawn once per task from the task's background data (the training split or
 * --background), seeded: what deep-shap and gradient-shap average over, as shap's DeepExplainer and
 * Captum's DeepLiftShap and GradientShap average over the baselines they are given.
 */
import { sizeOf } from '../../core/batch.js';
import { UserError } from '../../core/errors.js';
import type { FitContext } from '../types.js';

export interface BackgroundRows {
  /** rows * sample size values. */
  readonly background: Float32Array;
  readonly rows: number;
}

export function drawBackgroundRows(ctx: FitContext, explainer: string, wanted: number): BackgroundRows {
  const d = sizeOf(ctx.task.sampleShape);
  const data = ctx.task.background;
  if (!data || data.n === 0) throw new UserError(`${explainer}: task ${ctx.task.id} has no background data (give --background FILE)`);
  const rows = Math.min(wanted, data.n);
  const picks = ctx.rng(`${explainer}-background`).sample(data.n, rows);
  const background = new Float32Array(rows * d);
  picks.forEach((r, k) => background.set(data.data.subarray(r * d, (r + 1) * d), k * d));
  return { background, rows };
}
