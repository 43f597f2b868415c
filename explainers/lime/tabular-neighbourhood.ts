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
import { truncatedNormalSampler } from './truncated-normal.js';

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
    // Per bin: whether it is a single value, and its truncated normal prepared once for all draws.
    const point = Uint8Array.from(b.mins, (lo, bin) => (lo === b.maxs[bin] ? 1 : 0));
    const samplers = Array.from(b.mins, (lo, bin) => (point[bin] ? null : truncatedNormalSampler(b.means[bin], b.stds[bin], lo, b.maxs[bin])));
    const own = instanceBins[k];
    masks[k] = 1;
    inputs[k] = x[k];
    for (let i = 1; i < samples; i++) {
      const bin = choose(b.values, cumulative, rng);
      masks[i * d + k] = bin === own ? 1 : 0;
      inputs[i * d + k] = point[bin] ? b.mins[bin] : samplers[bin]!.draw(rng);
    }
  }
  return { masks, inputs, instanceBins };
}
