/**
 * Zero-shot recognition on the whole test split (Xian et al. 2018, "Zero-shot learning: a comprehensive evaluation"), one figure per
 * fitted system, reported for every explained sample (a global metric): conventional ZSL per-class
 * accuracy over unseen classes with the search space unseen only, and generalised (search space all
 * ten digits) per-class accuracy on seen and on unseen test images and their harmonic mean.
 */
import type { MetricEvaluation, StructuredInput, StructuredMetric } from '../types.js';
import { evaluationOf, harmonicMean, NO_SYSTEM, perClassAccuracy, systemOf } from './zero-shot-state.js';

const REFERENCE =
  'Xian, Lampert, Schiele & Akata 2018, "Zero-shot learning: the good, the bad and the ugly", TPAMI (per-class top-1, GZSL harmonic mean)';

function recognition(input: StructuredInput, pick: (r: ReturnType<typeof figures>) => number): MetricEvaluation {
  const ev = evaluationOf(input);
  const sys = systemOf(input);
  if (!ev || !sys) return { values: input.sampleIds.map(() => NO_SYSTEM) };
  const f = figures(ev, sys.setup.seen, sys.setup.unseen);
  const v = pick(f);
  return {
    values: input.sampleIds.map(() => v),
    details: { testImages: ev.labels.length, seen: sys.setup.seen, unseen: sys.setup.unseen, stackingConstant: sys.stackingConstant, ...f },
  };
}

function figures(ev: NonNullable<ReturnType<typeof evaluationOf>>, seen: readonly number[], unseen: readonly number[]) {
  const zsl = perClassAccuracy(ev.labels, ev.zsl, unseen);
  const s = perClassAccuracy(ev.labels, ev.gzsl, seen);
  const u = perClassAccuracy(ev.labels, ev.gzsl, unseen);
  return {
    zsl: zsl.mean,
    zslPerClass: zsl.perClass,
    gzslSeen: s.mean,
    gzslSeenPerClass: s.perClass,
    gzslUnseen: u.mean,
    gzslUnseenPerClass: u.perClass,
    harmonic: harmonicMean(s.mean, u.mean),
  };
}

const base = {
  family: 'concept-path',
  criterion: 'fidelity',
  direction: 'higher',
  ideal: 1,
  requires: ['explainer'],
  needsClasses: 'measures class recognition accuracy',
  params: {},
  reference: REFERENCE,
} as const;

export const zslUnseenAccuracy: StructuredMetric = {
  ...base,
  id: 'zsl-unseen-accuracy',
  chance: 0.5,
  description:
    'Conventional zero-shot accuracy: per-class top-1 on the unseen digits of the whole test split, choosing among unseen digits only ' +
    '(chance 1/2 with two unseen digits).',
  evaluate: (_ctx, input) => recognition(input, (f) => f.zsl),
};

export const gzslSeenAccuracy: StructuredMetric = {
  ...base,
  id: 'gzsl-seen-accuracy',
  description: 'Generalised zero-shot accuracy on seen digits: per-class top-1 on the seen test images, choosing among all ten digits.',
  evaluate: (_ctx, input) => recognition(input, (f) => f.gzslSeen),
};

export const gzslUnseenAccuracy: StructuredMetric = {
  ...base,
  id: 'gzsl-unseen-accuracy',
  description: 'Generalised zero-shot accuracy on unseen digits: per-class top-1 on the unseen test images, choosing among all ten digits.',
  evaluate: (_ctx, input) => recognition(input, (f) => f.gzslUnseen),
};

export const gzslHarmonicMean: StructuredMetric = {
  ...base,
  id: 'gzsl-harmonic-mean',
  description: 'Harmonic mean H = 2 s u / (s + u) of the generalised seen and unseen per-class accuracies.',
  evaluate: (_ctx, input) => recognition(input, (f) => f.harmonic),
};
