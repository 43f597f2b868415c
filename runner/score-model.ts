/**
 * Methods on a score model (core/model.ts, OutputMode 'score': one output, or every output under
 * `--output score`, read as is, with no classes behind it). What a method needs of classes is declared
 * on it as data (`needsClasses` on explainers and metrics); this is where the declaration is enforced:
 * an explainer refuses in one line, a metric gives nulls with the declared reason.
 */
import type { Engine } from '../core/engine.js';
import { UserError } from '../core/errors.js';
import type { Explainer } from '../explainers/types.js';
import type { Metric, MetricValue } from '../metrics/types.js';

/** Throws the explainer's declared reason when the engine's model is a score model. */
export function refuseOnScore(explainer: Pick<Explainer, 'id' | 'needsClasses'>, engine: Engine): void {
  if (!engine.model.score || explainer.needsClasses === undefined) return;
  throw new UserError(
    `${explainer.id}: ${explainer.needsClasses}, and ${engine.model.source} gives a score (its output read as is), not classes`,
  );
}

/** The nulls a metric gives on a score model, or undefined when it scores the score itself. */
export function nullsOnScore(metric: Metric, engine: Engine, n: number): MetricValue[] | undefined {
  if (!engine.model.score || metric.needsClasses === undefined) return undefined;
  const reason = `the model gives a score, not classes: ${metric.needsClasses}`;
  return Array.from({ length: n }, () => ({ null: reason }));
}
