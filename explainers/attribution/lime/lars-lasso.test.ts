import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matrix } from '../../../numeric/linalg.js';
import { larsLassoPath } from './lars-lasso.js';

interface PathFixture {
  x: number[];
  y: number[];
  n: number;
  p: number;
  alphas: number[];
  coefs: number[][];
}
const fixture = JSON.parse(readFileSync(new URL('./lars-lasso.fixture.json', import.meta.url), 'utf8')) as PathFixture;

describe('LARS-lasso path', () => {
  it("equals scikit-learn's lars_path(method='lasso') knot for knot, drops included", () => {
    const path = larsLassoPath(matrix(fixture.n, fixture.p, fixture.x), fixture.y);
    expect(path.coefs.length).toBe(fixture.coefs.length);
    expect(fixture.coefs.length).toBeGreaterThan(fixture.p + 1); // the fixture really drops variables
    fixture.alphas.forEach((a, i) => expect(path.alphas[i]).toBeCloseTo(a, 10));
    fixture.coefs.forEach((row, i) =>
      row.forEach((v, j) => {
        expect(path.coefs[i][j]).toBeCloseTo(v, 10);
        expect(path.coefs[i][j] !== 0).toBe(v !== 0);
      }),
    );
  });

  it('starts at zero and ends at the least-squares solution on a full-rank problem', () => {
    const x = matrix(5, 2, [1, 0, 0, 1, 1, 1, -1, 0.5, 0.3, -0.2]);
    const y = [1, 2, 3.1, -0.4, 0.2];
    const path = larsLassoPath(x, y);
    expect(Array.from(path.coefs[0])).toEqual([0, 0]);
    expect(path.alphas[path.alphas.length - 1]).toBe(0);
    // Normal equations X'X b = X'y by hand.
    const [a, b, c] = [1 + 0 + 1 + 1 + 0.09, 0 + 0 + 1 - 0.5 - 0.06, 0 + 1 + 1 + 0.25 + 0.04];
    const [u, v] = [1 + 3.1 + 0.4 + 0.06, 2 + 3.1 - 0.2 - 0.04];
    const det = a * c - b * b;
    const last = path.coefs[path.coefs.length - 1];
    expect(last[0]).toBeCloseTo((c * u - b * v) / det, 10);
    expect(last[1]).toBeCloseTo((a * v - b * u) / det, 10);
  });
});
