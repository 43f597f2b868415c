/**
 * The items of the rated methods on one input: structured families as their views, attributions as a
 * heatmap or text, each attribution item with a dialogue draft (answered later from the run's explainers).
 */
import { attributionText } from '../../explainers/attribution/attribution-text.js';
import type { ExplainedSample } from '../../runner/explanation-record.js';
import { structuredView } from '../structured-views.js';
import type { InputDrafts } from './input-drafts.js';

export function draftMethodItems(d: InputDrafts): void {
  const { t, instance, input, target } = d;
  for (const m of t.methods) {
    const any = t.samples.get(m)!.get(instance)!;
    if (any.family !== 'attribution') {
      d.addView(m, null, any.family, structuredView(t.task, any, input));
      continue;
    }
    const s = any as ExplainedSample;
    const text = s.text ?? attributionText({ task: t.task, input, attribution: s.attribution, target, output: 'logit' });
    const k = d.add(m, null, text, s.attribution);
    const cf = t.samples.get('counterfactual')?.get(instance);
    const nn = t.samples.get('nearest-neighbours')?.get(instance);
    d.build.dialogueDrafts.push({
      draftIndex: k,
      task: t.task,
      instance,
      input,
      target,
      probabilities: d.probabilities,
      attribution: s.attribution,
      ...(cf?.family === 'examples' ? { counterfactual: cf } : {}),
      ...(nn?.family === 'examples' ? { neighbours: nn } : {}),
    });
  }
}
