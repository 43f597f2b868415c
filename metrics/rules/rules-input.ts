/**
 * What the rules metrics share: the explainer's fitted rule set (StructuredInput.state), and the rows
 * they judge it on: the task's whole test split where the run has it (rule fidelity and coverage are
 * properties of the rule set, not of the few explained samples), else the explained batch. A global
 * figure is returned as the same value for every explained sample.
 */
import { makeBatch } from '../../core/batch.js';
import type { RulesState } from '../../explainers/rules/rules-explanation.js';
import { type Prediction, predictRows } from '../../explainers/rules/rule-set.js';
import { modelLabels } from '../../explainers/rules/extraction-data.js';
import type { MetricContext, MetricEvaluation, StructuredInput } from '../types.js';

export function rulesStateOf(input: StructuredInput, metricId: string): RulesState {
  const s = input.state as Partial<RulesState> | undefined;
  if (!s || !s.ruleSet || !s.global) {
    throw new Error(`metric ${metricId}: needs the rules explainer's fitted rule set (run it through an explainer, not a file)`);
  }
  return s as RulesState;
}

export interface JudgedRows {
  readonly split: 'test' | 'explained';
  readonly n: number;
  readonly predictions: Prediction[];
  readonly modelLabels: Int32Array;
  /** True labels, where the task has them. */
  readonly labels?: Int32Array;
}

export function judgedRows(ctx: MetricContext, input: StructuredInput, state: RulesState): JudgedRows {
  const test = ctx.data?.test;
  const batch = test ? test.x : input.batch;
  const d = batch.data.length / Math.max(1, batch.n);
  return {
    split: test ? 'test' : 'explained',
    n: batch.n,
    predictions: predictRows(state.ruleSet, batch.data, batch.n, d),
    modelLabels: modelLabels(ctx.engine, makeBatch(batch.data, batch.sampleShape)),
    ...(test ? { labels: test.y } : {}),
  };
}

/** One global figure for every explained sample, with details. */
export function global(input: StructuredInput, value: number, details: Record<string, unknown>): MetricEvaluation {
  return { values: input.sampleIds.map(() => value), details };
}

export function termSet(state: RulesState): Set<string> {
  return new Set(state.global.rules.flatMap((r) => r.conditions.map((c) => `${c.feature} ${c.op} ${c.value}`)));
}
