/**
 * novelty-auroc: how well the novelty score separates unseen from seen test images (the whole test
 * split): the probability that a random unseen image is more novel than a random seen one (ties
 * count half). A global figure reported for every sample; 0.5 is chance.
 */
import type { StructuredMetric } from '../types.js';
import { evaluationOf, NO_SYSTEM, systemOf } from './zero-shot-state.js';

/** Mann-Whitney AUROC of positives over negatives, by ranks (ties get their mean rank). */
export function auroc(positive: readonly number[], negative: readonly number[]): number {
  const all = [...positive.map((v) => ({ v, p: 1 })), ...negative.map((v) => ({ v, p: 0 }))].sort((a, b) => a.v - b.v);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j].v === all[i].v) j++;
    const mean = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k].p) rankSum += mean;
    i = j;
  }
  const np = positive.length;
  return (rankSum - (np * (np + 1)) / 2) / (np * negative.length);
}

export const noveltyAuroc: StructuredMetric = {
  id: 'novelty-auroc',
  family: 'concept-path',
  criterion: 'fidelity',
  direction: 'higher',
  ideal: 1,
  chance: 0.5,
  description: 'AUROC of the Gaussian novelty score for telling unseen from seen test images (whole test split).',
  reference: 'Socher, Ganjoo, Manning & Ng 2013, "Zero-shot learning through cross-modal transfer", NIPS (novelty detection curves)',
  requires: ['explainer'],
  needsClasses: 'separates seen from unseen classes',
  params: {},
  evaluate(_ctx, input) {
    const ev = evaluationOf(input);
    const sys = systemOf(input);
    if (!ev || !sys) return input.sampleIds.map(() => NO_SYSTEM);
    const pos: number[] = [];
    const neg: number[] = [];
    ev.labels.forEach((y, i) => (sys.setup.unseen.includes(y) ? pos : neg).push(ev.novelty[i]));
    const v = auroc(pos, neg);
    const details = { unseenImages: pos.length, seenImages: neg.length, threshold: sys.noveltyThreshold };
    return { values: input.sampleIds.map(() => v), details };
  },
};
