/**
 * What every rules explainer returns (docs/formats.md, "rules"): the rule set as the `global` part, in
 * original units with English and Korean text and what any budget cut, and per sample the rule that
 * fired and the rule set's prediction. Also the fitted state the rules metrics use (the rule set as a
 * predictor in model-input space) and the extraction cost, which the per-sample cost does not see
 * because fitting happens once per task, before any sample is explained.
 */
import type { TaskView } from '../../datasets/task.js';
import type { Batch } from '../../core/batch.js';
import type { AnyParamValues } from '../../core/params.js';
import type { Bilingual, FitContext, StructuredResult } from '../types.js';
import { type Prediction, type RuleSet, predictOne } from './rule-set.js';
import { type Condition, predictionText, ruleSetText, toOriginalUnits } from './rule-text.js';

/** A budget that cut extraction short, and what it cut. */
export interface BudgetHit {
  /** `work` is deterministic (work-budget.ts); a `seconds` cut makes the result depend on the machine. */
  readonly budget: 'terms' | 'clauses' | 'work' | 'seconds' | 'rows';
  /** Which layer's expansion it cut (DeepRED), or 'tree'. */
  readonly where: string;
  readonly limit: number;
  readonly cut: number;
  readonly detail: string;
}

export interface ExtractionCost {
  readonly seconds: number;
  readonly forwardPasses: number;
}

export interface RulesGlobal {
  readonly family: 'rules';
  readonly explainer: string;
  readonly params: AnyParamValues;
  readonly classes: readonly string[];
  readonly rules: readonly {
    readonly conditions: readonly Condition[];
    readonly class: string;
    readonly support: number;
    readonly confidence: number;
  }[];
  readonly defaultClass: string;
  readonly text: Bilingual;
  readonly budgetHit?: readonly BudgetHit[];
  /** Fit time and forward passes, once per task (not in the per-sample cost). */
  readonly extraction: ExtractionCost;
}

export interface RulesSample {
  /** 0-based index into the global rules of the rule that decided, or null when the default class did. */
  readonly rule: number | null;
  readonly class: string;
  readonly classIndex: number;
  readonly conditions: readonly Condition[];
}

export interface RulesState {
  readonly ruleSet: RuleSet;
  readonly global: RulesGlobal;
}

export function rulesGlobal(
  explainer: string,
  params: AnyParamValues,
  task: TaskView,
  rs: RuleSet,
  extraction: ExtractionCost,
  budgetHit: readonly BudgetHit[],
): RulesGlobal {
  return {
    family: 'rules',
    explainer,
    params,
    classes: task.classes,
    rules: rs.rules.map((r) => ({
      conditions: r.terms.map((t) => toOriginalUnits(task, t)),
      class: task.classes[r.cls] ?? String(r.cls),
      support: r.support,
      confidence: r.confidence,
    })),
    defaultClass: task.classes[rs.defaultClass] ?? String(rs.defaultClass),
    text: ruleSetText(task, rs),
    ...(budgetHit.length > 0 ? { budgetHit } : {}),
    extraction,
  };
}

/** Runs an extraction and measures it: wall time and the engine's forward passes during the fit. */
export async function measuredFit(
  ctx: FitContext,
  explainer: string,
  params: AnyParamValues,
  extract: () => { ruleSet: RuleSet; budgetHit: readonly BudgetHit[] } | Promise<{ ruleSet: RuleSet; budgetHit: readonly BudgetHit[] }>,
): Promise<RulesState> {
  const before = ctx.engine.passes().forwardPasses;
  const t0 = performance.now();
  const { ruleSet, budgetHit } = await extract();
  const extraction = { seconds: (performance.now() - t0) / 1000, forwardPasses: ctx.engine.passes().forwardPasses - before };
  return { ruleSet, global: rulesGlobal(explainer, params, ctx.task, ruleSet, extraction, budgetHit) };
}

export function explainWithRules(task: TaskView, batch: Batch, state: RulesState): StructuredResult<RulesSample, RulesGlobal> {
  const d = batch.data.length / Math.max(1, batch.n);
  const explanations: RulesSample[] = [];
  const text: Bilingual[] = [];
  for (let i = 0; i < batch.n; i++) {
    const p: Prediction = predictOne(state.ruleSet, batch.data.subarray(i * d, (i + 1) * d));
    const rule = p.rule >= 0 ? state.ruleSet.rules[p.rule] : null;
    explanations.push({
      rule: p.rule >= 0 ? p.rule : null,
      class: task.classes[p.cls] ?? String(p.cls),
      classIndex: p.cls,
      conditions: rule ? rule.terms.map((t) => toOriginalUnits(task, t)) : [],
    });
    text.push(predictionText(task, state.ruleSet, p));
  }
  return { explanations, global: state.global, text };
}
