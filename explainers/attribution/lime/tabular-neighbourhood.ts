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
import type { Rng } from '../../../core/rng.js';
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

export function tabularNeighbourhood(x: ArrayLike<number>, bins: readonly FeatureBins[], samples: number, rng: Rng): TabularNeighbourhood {
  const d = bins.length;
  if (x.length !== d) throw new RangeError(`instance has ${x.length} features, the discretiser ${d}`);
  const masks = new Uint8Array(samples * d);
  const inputs = new Float32Array(samples * d);
  const instanceBins = Int32Array.from({ length: d }, (_, k) => binOf(bins[k].quartiles, x[k]));
  for (let k = 0; k < d; k++) {
    const b = bins[k];
    const { values } = b;
    const last = values.length - 1;
    const cumulative = new Float64Array(values.length);
    let acc = 0;
    b.frequencies.forEach((f, j) => (cumulative[j] = acc += f));
    const total = cumulative[last];
    // Per occurring bin (index j into values), prepared once: its single value if its bounds coincide,
    // else its truncated normal. This loop runs samples x features times (150,000 draws for one tabular
    // explanation at LIME's defaults), so it reads flat arrays rather than calling a sampler object.
    const point = new Uint8Array(values.length);
    const pointValue = new Float64Array(values.length);
    const samplers = Array.from(values, (bin, j) => {
      point[j] = b.mins[bin] === b.maxs[bin] ? 1 : 0;
      pointValue[j] = b.mins[bin];
      return truncatedNormalSampler(b.means[bin], b.stds[bin], b.mins[bin], b.maxs[bin]);
    });
    const own = instanceBins[k];
    masks[k] = 1;
    inputs[k] = x[k];
    for (let i = 1; i < samples; i++) {
      // numpy's choice with p: the first bin whose cumulative frequency exceeds the uniform.
      const u = rng.next() * total;
      let j = 0;
      while (j < last && !(u < cumulative[j])) j++;
      masks[i * d + k] = values[j] === own ? 1 : 0;
      inputs[i * d + k] = point[j] === 1 ? pointValue[j] : samplers[j].draw(rng);
    }
  }
  return { masks, inputs, instanceBins };
}
