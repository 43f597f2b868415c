/**
 * rule-stability: the rule extractor is re-fitted on bootstrap resamples of the training rows (same
 * parameters); the value is the mean Jaccard similarity between the original rule set's terms and each
 * resample's. `level=term` compares conditions with their thresholds (in original units); `feature`
 * compares only which features the rules use.
 */
import { selectSamples } from '../../core/batch.js';
import { int, oneOf } from '../../core/params.js';
import { getRulesExplainer } from '../../explainers/rules/index.js';
import type { RulesState } from '../../explainers/rules/rules-explanation.js';
import { nullValue } from '../common/per-sample.js';
import type { StructuredMetric } from '../types.js';
import { global, rulesStateOf, termSet } from './rules-input.js';

const params = {
  resamples: int({ default: 5, min: 1, max: 100, description: 'bootstrap resamples (one re-extraction each)' }),
  level: oneOf(['term', 'feature'], 'term', "what is compared: conditions with thresholds ('term') or the features used ('feature')"),
} as const;

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

function keys(s: RulesState, level: 'term' | 'feature'): Set<string> {
  return level === 'term' ? termSet(s) : new Set(s.global.rules.flatMap((r) => r.conditions.map((c) => c.feature)));
}

export const ruleStability: StructuredMetric<typeof params> = {
  id: 'rule-stability',
  family: 'rules',
  criterion: 'stability',
  direction: 'higher',
  ideal: 1,
  description:
    'Mean Jaccard similarity between the terms of the extracted rule set and those extracted from bootstrap resamples of the training ' +
    'data (same explainer and parameters).',
  reference: 'Bootstrap stability of rule sets (as in rule-learning stability studies)',
  requires: ['model'],
  needsClasses: 're-extracts rules that predict the model\'s class',
  params,
  async evaluate(ctx, input, p) {
    const state = rulesStateOf(input, 'rule-stability');
    const train = ctx.data?.train;
    if (!train) return { values: input.sampleIds.map(() => nullValue('no training split to resample (a user model)')) };
    const explainer = getRulesExplainer(state.global.explainer);
    const base = keys(state, p.level);
    const sims: number[] = [];
    for (let b = 0; b < p.resamples; b++) {
      const rng = ctx.rng('global', `bootstrap-${b}`);
      const pick = Array.from({ length: train.x.n }, () => rng.int(train.x.n));
      const resampled = { x: selectSamples(train.x, pick), y: Int32Array.from(pick, (i) => train.y[i]) };
      const fitRng = (purpose: string) => ctx.rng('global', `bootstrap-${b}-${purpose}`);
      const fitContext = { engine: ctx.engine, task: ctx.task, rng: fitRng, data: { train: resampled, test: ctx.data!.test } };
      const refit = await explainer.fit!(fitContext, state.global.params as never);
      sims.push(jaccard(base, keys(refit, p.level)));
    }
    return global(input, sims.reduce((a, s) => a + s, 0) / sims.length, { perResample: sims });
  },
};
