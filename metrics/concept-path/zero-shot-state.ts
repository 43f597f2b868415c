/**
 * What the concept-path metrics read: the fitted zero-shot system (the explainer's state), its
 * explanations, and the true digit of a sample (its test-split row, from the sample id).
 */
import type { ConceptPathExplanation } from '../../explainers/concept-path/payload.js';
import { ZeroShotSystem, type TestEvaluation } from '../../explainers/concept-path/zero-shot-system.js';
import type { MetricContext, MetricValue, StructuredInput } from '../types.js';

export function systemOf(input: StructuredInput): ZeroShotSystem | null {
  return input.state instanceof ZeroShotSystem ? input.state : null;
}

export function evaluationOf(input: StructuredInput): TestEvaluation | null {
  return systemOf(input)?.evaluation ?? null;
}

export function explanationsOf(input: StructuredInput): ConceptPathExplanation[] {
  return input.explanations as ConceptPathExplanation[];
}

/** The true class of a sample id `test-NNNN` on a benchmark task, or null. */
export function trueClass(ctx: MetricContext, sampleId: string): number | null {
  const m = /^test-(\d+)$/.exec(sampleId);
  const y = ctx.data?.test.y;
  if (!m || !y) return null;
  const row = Number(m[1]);
  return row < y.length ? y[row] : null;
}

export const NO_SYSTEM: MetricValue = { null: 'no fitted zero-shot system (scored from a file)' };

/** Mean over classes of the top-1 accuracy within each class (Xian et al.'s per-class accuracy). */
export function perClassAccuracy(
  labels: readonly number[],
  predicted: readonly number[],
  classes: readonly number[],
): { mean: number; perClass: Record<string, number> } {
  const perClass: Record<string, number> = {};
  for (const c of classes) {
    let n = 0;
    let hit = 0;
    labels.forEach((y, i) => {
      if (y !== c) return;
      n++;
      if (predicted[i] === c) hit++;
    });
    perClass[String(c)] = n ? hit / n : 0;
  }
  const vals = Object.values(perClass);
  return { mean: vals.reduce((a, b) => a + b, 0) / Math.max(1, vals.length), perClass };
}

export const harmonicMean = (a: number, b: number): number => (a + b > 0 ? (2 * a * b) / (a + b) : 0);
