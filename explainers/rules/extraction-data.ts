/**
 * The rows a rule extractor learns from: the task's training split (or the user's background data),
 * optionally an evenly spaced subsample to bound the cost (the same rows for every seed, so a
 * deterministic extractor stays deterministic), labelled by the MODEL (rule extraction explains the
 * network, not the data), through the engine.
 */
import { type Batch, makeBatch, selectSamples } from '../../core/batch.js';
import type { Engine } from '../../core/engine.js';
import { UserError } from '../../core/errors.js';
import type { FitContext } from '../types.js';
import type { BudgetHit } from './rules-explanation.js';

export interface ExtractionRows {
  readonly x: Float32Array;
  readonly n: number;
  readonly d: number;
  /** The model's predicted class per row. */
  readonly labels: Int32Array;
}

export function modelLabels(engine: Engine, batch: Batch): Int32Array {
  const p = engine.outputs(batch, 'probability');
  const k = engine.numClasses;
  const out = new Int32Array(batch.n);
  for (let i = 0; i < batch.n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (p[i * k + c] > p[i * k + best]) best = c;
    out[i] = best;
  }
  return out;
}

export function extractionRows(ctx: FitContext, who: string, maxRows: number, budgetHit: BudgetHit[]): ExtractionRows {
  const source = ctx.data?.train.x ?? ctx.task.background;
  if (!source || source.n === 0) {
    throw new UserError(`${who}: needs training data (the task's training split or --background rows) to extract rules from`);
  }
  let batch = source;
  if (maxRows > 0 && source.n > maxRows) {
    const pick = Array.from({ length: maxRows }, (_, i) => Math.floor((i * source.n) / maxRows));
    batch = selectSamples(source, pick);
    budgetHit.push({
      budget: 'rows',
      where: 'data',
      limit: maxRows,
      cut: source.n - maxRows,
      detail: `learned from ${maxRows} of ${source.n} training rows`,
    });
  }
  const d = batch.data.length / batch.n;
  return { x: batch.data, n: batch.n, d, labels: modelLabels(ctx.engine, makeBatch(batch.data, batch.sampleShape)) };
}
