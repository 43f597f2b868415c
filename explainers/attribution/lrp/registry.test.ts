import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../../core/backend.js';
import { makeBatch } from '../../../core/batch.js';
import { UserError } from '../../../core/errors.js';
import { contextFor, runExplainer, tabularTask } from '../../../test/helpers/explainer-fixtures.js';
import { reluMlp } from '../../../test/helpers/tiny-models.js';
import { COMPOSITES, getComposite, registerComposite } from './composite-registry.js';
import { lrpExplainer } from './lrp.js';
import { planFor } from './plan.js';
import { assignRules } from './rule-assignment.js';
import { RULES, getRule, isRule, registerRule } from './rule-registry.js';
import { zRule } from './rules/z-rules.js';

beforeAll(async () => {
  await useBackend('wasm');
});

describe('the LRP rule and composite registries', () => {
  it('hold the built-in rules and composites in their documented order', () => {
    expect(RULES).toEqual(['zero', 'epsilon', 'gamma', 'alpha1beta0', 'alpha2beta1', 'alphabeta', 'zplus', 'wsquare', 'flat', 'zbox']);
    expect(COMPOSITES).toEqual(['epsilon-gamma-box', 'epsilon-plus-flat', 'epsilon-alpha2beta1']);
    expect(getRule('zbox').needsBounds).toBe(true);
    expect(getComposite('epsilon-plus-flat').ruleFor('Conv2D', false)).toBe('zplus');
    expect(() => registerRule(getRule('zero'))).toThrow(/already registered/);
  });

  it('take a new rule and composite without touching a switch, and the explainer uses them by name', async () => {
    // LRP-ε with ε = 1 written as a new rule: the worked example B's row 'LRP-ε, ε=1' must come out.
    registerRule({ name: 'epsilonone', relevance: (l) => zRule(l, l.kernel, l.bias, 1) });
    registerComposite({ name: 'all-epsilon-one', ruleFor: () => 'epsilonone' });
    expect(isRule('epsilonone')).toBe(true);
    const model = await reluMlp([[1, -1, -1], [0.5, 1, -0.5]], [0.5, -0.5, 0], [[1, -1], [2, 1], [1, 1]], [-1, 0]);
    const chosen = assignRules(planFor(model), { composite: 'all-epsilon-one', rule: '', rules: '' });
    expect([...chosen.values()]).toEqual(['epsilonone', 'epsilonone']);
    const ctx = contextFor(model, tabularTask({ features: 2 }));
    const x = makeBatch(Float32Array.from([1, 2]), [2]);
    const viaName = await runExplainer(
      lrpExplainer,
      ctx,
      x,
      Int32Array.of(0),
      { rules: 'hidden:epsilonone,out:epsilonone', low: '-1', high: '2' },
    );
    const builtIn = await runExplainer(lrpExplainer, ctx, x, Int32Array.of(0), { rule: 'epsilon', epsilon: 1, low: '-1', high: '2' });
    expect(Array.from(viaName.attributions)).toEqual(Array.from(builtIn.attributions));
    expect(viaName.attributions[0]).toBeCloseTo(0.034014, 5);
    await expect(runExplainer(lrpExplainer, ctx, x, Int32Array.of(0), { rules: 'hidden:nosuchrule' })).rejects.toThrow(UserError);
    model.dispose();
  });
});
