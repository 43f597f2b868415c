/**
 * The control items of one input: the constant explanation, a random explanation in each family's own
 * form (counted, or counted as not applicable with the reason), and the human-written reference when given.
 */
import { sizeOf } from '../../core/batch.js';
import { rngFor } from '../../core/rng.js';
import { attributionText } from '../../explainers/attribution/attribution-text.js';
import type { Bilingual } from '../../explainers/types.js';
import type { StructuredSample } from '../../runner/explanation-record.js';
import { randomConceptPath, randomExamples, randomRule } from '../random-controls.js';
import type { InputDrafts } from './input-drafts.js';

const CONSTANT_TEXT: Bilingual = {
  en: 'The computer used the most important parts of the input to give its answer.',
  ko: '컴퓨터는 입력에서 가장 중요한 부분을 사용해서 답을 했습니다.',
};

export function draftControls(d: InputDrafts): void {
  const { t, instance, input, target } = d;
  const hasAttribution = t.families.includes('attribution');
  const size = sizeOf(t.task.sampleShape);
  const seed = d.build.o.seed;
  // The constant control is one item per input, shared by every family rated on it: a uniform
  // heatmap only where attributions are rated on an image, otherwise the same sentence.
  const constant = new Float32Array(size).fill(1);
  d.add('control-constant', 'constant', CONSTANT_TEXT, d.image && hasAttribution ? constant : null, hasAttribution ? 'attribution' : 'any');
  if (hasAttribution) {
    const rng = rngFor(seed, 'survey', 'control-random', t.taskId, instance);
    const random = Float32Array.from({ length: size }, () => rng.normal());
    d.add('control-random', 'random', attributionText({ task: t.task, input, attribution: random, target, output: 'logit' }), random);
  }
  for (const family of t.families.filter((f) => f !== 'attribution')) draftRandomStructured(d, family);
  const ref = d.build.source.references.get(`${t.taskId}|${instance}`);
  if (ref) d.add('control-human', 'human_reference', ref, null, hasAttribution ? 'attribution' : 'any');
}

/** control-random for a structured family, built from a real explanation of that family on the same input. */
function draftRandomStructured(d: InputDrafts, family: string): void {
  const { t, instance, input, target } = d;
  const real = t.samples.get(t.methods.find((m) => t.familyOf(m) === family)!)!.get(instance) as StructuredSample;
  const rng = rngFor(d.build.o.seed, 'survey', 'control-random', t.taskId, instance, family);
  const v =
    family === 'rules'
      ? randomRule(real, rng)
      : family === 'concept-path'
        ? randomConceptPath(real, rng)
        : randomExamples(t.task, real, input, target, rng);
  if ('notApplicable' in v) d.build.randomControlSkipped(family, v.notApplicable);
  else {
    d.addView('control-random', 'random', family, v);
    d.build.randomControlMade(family);
  }
}
