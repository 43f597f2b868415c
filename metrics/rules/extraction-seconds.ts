/**
 * extraction-seconds: wall time of the rule extraction (the explainer's fit, once per task), which the
 * per-explanation `seconds` metric does not see; the fit's forward passes are in the details.
 */
import type { StructuredMetric } from '../types.js';
import { global, rulesStateOf } from './rules-input.js';

export const extractionSeconds: StructuredMetric<Record<string, never>> = {
  id: 'extraction-seconds',
  family: 'rules',
  criterion: 'cost',
  direction: 'lower',
  ideal: 0,
  description:
    'Wall-clock seconds the rule extraction took (fit once per task; excluded from the per-explanation seconds); machine- and ' +
    'backend-dependent.',
  reference: 'Extraction time as DNN-RE and ECLAIRE (Zarlenga et al. 2021) report it',
  requires: [],
  params: {},
  evaluate(_ctx, input) {
    const e = rulesStateOf(input, 'extraction-seconds').global.extraction;
    return global(input, e.seconds, { forwardPasses: e.forwardPasses });
  },
};
