/**
 * LIME's tabular neighbourhood with the quartile discretiser (LimeTabularExplainer.__data_inverse):
 * every feature is treated as categorical over its quartile bins. For each feature independently a bin
 * is drawn per sample with the training frequency; the interpretable row holds 1 where the drawn bin is
 * the instance's own; the model input gets, per drawn bin, a value from the bin's truncated normal
 * (training mean and std, truncated to the bin's bounds). Row 0 is the instance itself, all ones.
 *
 * One departure: for a bin whose bounds coincide (min == max), the reference returns the standardised
 * bound (min - mean) / std, a z-score, as if it were a value; here the bin's single value is used.
 */
import type { Rng } from '../../harness/rng.js';
import { binOf, type FeatureBins } from './quartile-discretiser.js';
import { truncatedNormal } from './truncated-normal.js';

export interface TabularNeighbourhood {
  /** rows x features, 1 where the sample's bin equals the instance's. */
  readonly masks: Uint8Array;
  /** rows x features model inputs; row 0 is the instance. */
  readonly inputs: Float32Array;
  /** The instance's bin per feature. */
  readonly instanceBins: Int32Array;
}

/** Inverse-CDF draw from a discrete distribution (numpy's choice with p). */
function choose(values: Int32Array, cumulative: Float64Array, rng: Rng): number {
  const u = rng.next() * cumulative[cumulative.length - 1];
  for (let k = 0; k < cumulative.length; k++) if (u < cumulative[k]) return values[k];
  return values[values.length - 1];
}

export function tabularNeighbourhood(x: ArrayLike<number>, bins: readonly FeatureBins[], samples: number, rng: Rng): TabularNeighbourhood {
  const d = bins.length;
  if (x.length !== d) throw new RangeError(`instance has ${x.length} features, the discretiser ${d}`);
  const masks = new Uint8Array(samples * d);
  const inputs = new Float32Array(samples * d);
  const instanceBins = Int32Array.from({ length: d }, (_, k) => binOf(bins[k].quartiles, x[k]));
  for (let k = 0; k < d; k++) {
    const b = bins[k];
    const cumulative = new Float64Array(b.frequencies.length);
    let acc = 0;
    b.frequencies.forEach((f, j) => (cumulative[j] = acc += f));
    masks[k] = 1;
    inputs[k] = x[k];
    for (let i = 1; i < samples; i++) {
      const bin = choose(b.values, cumulative, rng);
      masks[i * d + k] = bin === instanceBins[k] ? 1 : 0;
      const lo = b.mins[bin];
      const hi = b.maxs[bin];
      inputs[i * d + k] = lo === hi ? lo : truncatedNormal(b.means[bin], b.stds[bin], lo, hi, rng);
    }
  }
  return { masks, inputs, instanceBins };
}
