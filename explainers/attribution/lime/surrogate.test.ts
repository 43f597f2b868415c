/**
 * The fitting stage against the reference fixtures (numbers from running marcotcr/lime
 * fd7eb2e with scikit-learn 1.2.1), fed directly into fitSurrogate.
 */
import { describe, expect, it } from 'vitest';
import { matrix } from '../../../numeric/linalg.js';
import { cosineDistanceToOnes, euclideanDistanceToOnes, limeKernel, neighbourhoodWeights } from './kernel.js';
import { type FeatureSelection } from './feature-selection.js';
import { fitSurrogate } from './surrogate.js';

const ROWS1 = [
  [1, 1, 1, 1],
  [1, 0, 1, 0],
  [0, 1, 1, 1],
  [1, 1, 0, 0],
  [0, 0, 1, 1],
  [1, 0, 0, 1],
  [0, 1, 0, 1],
  [0, 0, 0, 0],
  [1, 1, 1, 0],
  [0, 1, 1, 0],
];
const Y1 = ROWS1.map(([f0, , f2, f3]) => 0.1 + 0.5 * f0 + 0.3 * f2 - 0.2 * f0 * f3);

function neighbourhood(rows: number[][]) {
  const masks = Uint8Array.from(rows.flat());
  const x = matrix(rows.length, rows[0].length, masks);
  const w = neighbourhoodWeights(masks, rows.length, rows[0].length, 0.25, cosineDistanceToOnes);
  return { x, w };
}

describe('LIME fitting stage: reference fixture 1 (LimeBase on a fixed neighbourhood)', () => {
  it('has the fixture distances and kernel weights', () => {
    const want = [0, 0.292893, 0.133975, 0.292893, 0.292893, 0.292893, 0.292893, 1.0, 0.133975, 0.292893];
    ROWS1.forEach((r, i) => expect(cosineDistanceToOnes(r.reduce((a, b) => a + b, 0), 4)).toBeCloseTo(want[i], 6));
    const { w } = neighbourhood(ROWS1);
    [1, 0.50344, 0.86624, 0.50344, 0.50344, 0.50344, 0.50344, 0.000335, 0.86624, 0.50344].forEach((v, i) => {
      expect(Math.abs(w[i] - v)).toBeLessThan(5e-6);
    });
  });

  it.each([
    ['none', 4, 0.40665, [[0, 0.207709], [2, 0.145272], [3, -0.118264], [1, -0.005242]], 0.80911, 0.636125],
    ['highest_weights', 2, 0.313348, [[0, 0.231979], [2, 0.153119]], 0.71403, 0.698446],
    ['forward', 2, 0.313348, [[0, 0.231979], [2, 0.153119]], 0.71403, 0.698446],
    ['lasso_path', 2, 0.52023, [[0, 0.198919], [3, -0.127054]], 0.616237, 0.592095],
    ['auto', 2, 0.313348, [[0, 0.231979], [2, 0.153119]], 0.71403, 0.698446],
  ] as const)('%s, K=%i gives the reference intercept, weights, R^2 and local prediction to 6 decimals', (
    method,
    k,
    intercept,
    exp,
    r2,
    localPred,
  ) => {
    const { x, w } = neighbourhood(ROWS1);
    const s = fitSurrogate(x, Y1, w, { featureSelection: method as FeatureSelection, numFeatures: k });
    expect(Math.abs(s.intercept - intercept)).toBeLessThan(5e-7);
    expect(s.features.map((f) => f.feature)).toEqual(exp.map(([f]) => f));
    s.features.forEach((f, j) => expect(Math.abs(f.weight - exp[j][1])).toBeLessThan(5e-7));
    expect(Math.abs(s.score - r2)).toBeLessThan(5e-7);
    expect(Math.abs(s.localPrediction - localPred)).toBeLessThan(5e-7);
  });
});

describe('LIME fitting stage: reference fixture 2 (LimeImageExplainer, injected samples)', () => {
  it('reproduces local_exp, intercept and R^2 for the quadrant image', () => {
    // Classifier p1 = mean of the top-left quadrant (segment 0, all 1.0), hide_color 0: p1 = row[0].
    const rows = [
      [1, 1, 1, 1],
      [1, 1, 1, 1],
      [1, 1, 0, 0],
      [1, 0, 0, 0],
      [0, 0, 1, 0],
      [1, 1, 0, 0],
      [1, 1, 1, 1],
      [0, 1, 0, 1],
      [0, 1, 1, 0],
      [1, 1, 0, 0],
      [1, 0, 1, 1],
      [1, 1, 1, 0],
    ];
    const { x, w } = neighbourhood(rows);
    // The image default: feature_selection auto with num_features 100000, i.e. highest_weights.
    const s = fitSurrogate(x, rows.map((r) => r[0]), w, { featureSelection: 'auto', numFeatures: 100000 });
    const want = [[0, 0.487632], [2, 0.029267], [3, 0.020956], [1, -0.00472]];
    expect(s.features.map((f) => f.feature)).toEqual(want.map(([f]) => f));
    s.features.forEach((f, j) => expect(Math.abs(f.weight - want[j][1])).toBeLessThan(5e-7));
    expect(Math.abs(s.intercept - 0.405475)).toBeLessThan(5e-7);
    expect(Math.abs(s.score - 0.743449)).toBeLessThan(5e-7);
  });
});

describe('LIME kernel: reference fixture 3', () => {
  it('gives the image weights by active segments (d = 10, width 0.25)', () => {
    const want: [number, number][] = [[10, 1], [9, 0.979153], [5, 0.50344], [1, 0.023746], [0, 0.000335]];
    for (const [k, v] of want) expect(Math.abs(limeKernel(cosineDistanceToOnes(k, 10), 0.25) - v)).toBeLessThan(5e-7);
  });

  it('gives the tabular weights by mismatches (4 features, width 1.5 = 0.75 sqrt(4))', () => {
    const want = [1, 0.800737, 0.64118, 0.513417, 0.411112];
    want.forEach((v, m) => expect(Math.abs(limeKernel(euclideanDistanceToOnes(4 - m, 4), 0.75 * Math.sqrt(4)) - v)).toBeLessThan(5e-7));
  });
});
