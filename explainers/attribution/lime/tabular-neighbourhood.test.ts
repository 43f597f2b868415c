import { describe, expect, it } from 'vitest';
import { rngFor } from '../../../core/rng.js';
import { binOf, type FeatureBins, quartileBins } from './quartile-discretiser.js';
import { tabularNeighbourhood } from './tabular-neighbourhood.js';
import { truncatedNormal } from './truncated-normal.js';

/** The neighbourhood written plainly, draw by draw, as LIME's __data_inverse reads. */
function slowNeighbourhood(x: number[], bins: FeatureBins[], samples: number, seed: number) {
  const rng = rngFor(seed, 'nb');
  const d = bins.length;
  const inputs = new Float32Array(samples * d);
  const masks = new Uint8Array(samples * d);
  bins.forEach((b, k) => {
    const own = binOf(b.quartiles, x[k]);
    inputs[k] = x[k];
    masks[k] = 1;
    const total = b.frequencies.reduce((s, f) => s + f, 0);
    for (let i = 1; i < samples; i++) {
      const u = rng.next() * total;
      let acc = 0;
      let bin = b.values[b.values.length - 1];
      for (let j = 0; j < b.values.length; j++) {
        acc += b.frequencies[j];
        if (u < acc) {
          bin = b.values[j];
          break;
        }
      }
      masks[i * d + k] = bin === own ? 1 : 0;
      const [lo, hi] = [b.mins[bin], b.maxs[bin]];
      inputs[i * d + k] = lo === hi ? lo : truncatedNormal(b.means[bin], b.stds[bin], lo, hi, rng);
    }
  });
  return { inputs, masks };
}

describe('LIME tabular neighbourhood', () => {
  it('is draw for draw the plain reference: skewed, discrete, constant and heavy-tailed columns', () => {
    const rng = rngFor(9, 'columns');
    const n = 300;
    const columns = [
      Array.from({ length: n }, () => rng.normal()),
      Array.from({ length: n }, () => Math.exp(2 * rng.normal())), // skewed: outer bins far in the tail
      Array.from({ length: n }, () => (rng.next() < 0.6 ? 0 : 1)), // two values: bins with min == max
      Array.from({ length: n }, () => 4), // constant: one bin
      Array.from({ length: n }, () => rng.normal() / (rng.next() + 1e-3)), // heavy tails
    ];
    const bins = columns.map(quartileBins);
    for (const x of [[0.1, 1, 0, 4, -50], [-2, 40, 1, 4, 0.3]]) {
      const fast = tabularNeighbourhood(x, bins, 2000, rngFor(5, 'nb'));
      const slow = slowNeighbourhood(x, bins, 2000, 5);
      expect(Array.from(fast.masks)).toEqual(Array.from(slow.masks));
      expect(Array.from(fast.inputs)).toEqual(Array.from(slow.inputs));
    }
  });
});
