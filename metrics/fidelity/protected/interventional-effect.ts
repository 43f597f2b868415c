/**
 * The model's measured dependence on a protected attribute: set the attribute to each of its levels
 * in every row, holding the rest of the row fixed, and compare the predicted probability of the
 * favourable class (and its log-odds) with the reference level (the first). The mean change per level
 * comes with a bootstrap interval over rows. This is an intervention on the model's input, not on the
 * world: it measures what the model does with the attribute (direct effect through the model; Pearl
 * 2009, "Causality", ch. 3, do-operator), not the attribute's effect through proxies in the data.
 */
import { type Batch, makeBatch } from '../../../core/batch.js';
import type { Engine } from '../../../core/engine.js';
import type { FeatureScale, ProtectedAttribute } from '../../../datasets/task.js';
import { type Interval, meanInterval, type ResampleOptions } from './resample-mean.js';

export interface LevelEffect {
  readonly level: string;
  /** Mean over rows of p(level) - p(reference). */
  readonly probability: Interval;
  /** Mean over rows of logit p(level) - logit p(reference). */
  readonly logOdds: Interval;
}

export interface InterventionalEffect {
  readonly attribute: string;
  readonly reference: string;
  readonly favourableClass: number;
  readonly levels: readonly LevelEffect[];
  readonly rows: number;
}

/** The attribute's levels: named ones, or 0/1 for an attribute declared without names. */
export function levelsOf(attr: ProtectedAttribute): readonly string[] {
  return attr.levels ?? ['0', '1'];
}

/** A copy of `batch` with the attribute set to level k in every row (model-input space). */
function withLevel(batch: Batch, attr: ProtectedAttribute, k: number, scale?: FeatureScale): Batch {
  const d = batch.data.length / batch.n;
  const oneHot = attr.columns !== undefined && attr.columns.length > 1;
  const cols = oneHot ? attr.columns! : [attr.feature];
  const raw = cols.map((_, j) => (oneHot ? (j === k ? 1 : 0) : k));
  const enc = cols.map((c, j) => (scale ? (raw[j] - scale.mean[c]) / scale.std[c] : raw[j]));
  const out = Float32Array.from(batch.data);
  for (let i = 0; i < batch.n; i++) cols.forEach((c, j) => (out[i * d + c] = enc[j]));
  return makeBatch(out, batch.sampleShape);
}

const EPS = 1e-7;
const logit = (p: number): number => {
  const q = Math.min(1 - EPS, Math.max(EPS, p));
  return Math.log(q / (1 - q));
};

/** Probability of the favourable class per row with the attribute set to level k. */
function favourableProbability(
  engine: Engine,
  batch: Batch,
  attr: ProtectedAttribute,
  k: number,
  fav: number,
  scale?: FeatureScale,
): Float64Array {
  const probs = engine.outputs(withLevel(batch, attr, k, scale), 'probability');
  const c = probs.length / batch.n;
  return Float64Array.from({ length: batch.n }, (_, i) => probs[i * c + fav]);
}

export function interventionalEffect(
  engine: Engine,
  batch: Batch,
  attr: ProtectedAttribute,
  favourableClass: number,
  opts: ResampleOptions & { readonly scale?: FeatureScale },
): InterventionalEffect {
  const names = levelsOf(attr);
  const ref = favourableProbability(engine, batch, attr, 0, favourableClass, opts.scale);
  const levels = names.slice(1).map((level, j) => {
    const p = favourableProbability(engine, batch, attr, j + 1, favourableClass, opts.scale);
    const dp = Array.from(p, (v, i) => v - ref[i]);
    const dl = Array.from(p, (v, i) => logit(v) - logit(ref[i]));
    return {
      level,
      probability: meanInterval(dp, { ...opts, stream: [...opts.stream, level, 'probability'] }),
      logOdds: meanInterval(dl, { ...opts, stream: [...opts.stream, level, 'log-odds'] }),
    };
  });
  return { attribute: attr.name, reference: names[0], favourableClass, levels, rows: batch.n };
}
