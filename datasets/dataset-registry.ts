/** Every data set by id, loaded on demand and cached per process (loading mnist10k takes a second). */
import { UserError } from '../core/errors.js';
import { loadCsvSet, loadDigits8x8 } from './csv-sets.js';
import type { Dataset } from './dataset.js';
import { loadFashionMnist } from './fashion-mnist.js';
import { loadHighStakesSet } from './high-stakes-sets.js';
import { loadMnist10k } from './mnist10k.js';
import { loadMnist10kZero } from './mnist10k-zero.js';
import { generateHiring } from './synthetic/hiring.js';
import { generateSynthLinear } from './synthetic/synth-linear.js';
import { generateSynthNonlinear } from './synthetic/synth-nonlinear.js';
import { generateSynthPattern } from './synthetic/synth-pattern.js';
import { generateXor } from './synthetic/xor.js';

const LOADERS = {
  mnist10k: loadMnist10k,
  digits8x8: loadDigits8x8,
  iris: () => loadCsvSet('iris'),
  wine: () => loadCsvSet('wine'),
  'breast-cancer': () => loadCsvSet('breast-cancer'),
  'synth-linear': () => generateSynthLinear(),
  'synth-nonlinear': () => generateSynthNonlinear(),
  'synth-pattern': () => generateSynthPattern(),
  'hiring-fair': () => generateHiring('hiring-fair'),
  'hiring-biased': () => generateHiring('hiring-biased'),
  xor: () => generateXor(),
  'mnist10k-zero': () => loadMnist10kZero(loadDataset('mnist10k')),
  'german-credit': () => loadHighStakesSet('german-credit'),
  hmda: () => loadHighStakesSet('hmda'),
  'fashion-mnist': loadFashionMnist,
  'credit-data': () => loadHighStakesSet('credit-data'),
} as const satisfies Record<string, () => Dataset>;

export type DatasetId = keyof typeof LOADERS;
const DATASET_IDS = Object.keys(LOADERS) as DatasetId[];

const cache = new Map<string, Dataset>();

export function loadDataset(id: string): Dataset {
  const loader = (LOADERS as Record<string, () => Dataset>)[id];
  if (!loader) throw new UserError(`dataset '${id}': unknown (known: ${DATASET_IDS.join(', ')})`);
  let d = cache.get(id);
  if (!d) {
    d = loader();
    cache.set(id, d);
  }
  return d;
}
