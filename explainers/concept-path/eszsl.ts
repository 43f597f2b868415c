/**
 * ESZSL (Romera-Paredes & Torr, ICML 2015), the closed form of
 *   min_V ||X^T V S - Y||_F^2 + gamma ||V S||_F^2 + lambda ||X^T V||_F^2 + gamma*lambda ||V||_F^2:
 *   V = (X X^T + gamma I)^-1 X Y S^T (S S^T + lambda I)^-1,
 * with X (d x m) features, Y (m x z) in {-1, 1}, S (a x z) seen-class signatures. A class's score for
 * an input x is x^T V s_class, its attribute evidence (x^T V)_k * s_class,k.
 */
import { solveSpd } from '../../numeric/cholesky-solve.js';
import { addDiagonal, type Matrix, matrix, matmul, transpose } from '../../numeric/linalg.js';

export function eszslFit(x: Matrix, y: Matrix, s: Matrix, gamma: number, lambda: number): Matrix {
  if (x.cols !== y.rows || y.cols !== s.cols) {
    throw new RangeError(`eszsl: X ${x.rows}x${x.cols}, Y ${y.rows}x${y.cols}, S ${s.rows}x${s.cols}`);
  }
  return eszslFromProducts(matmul(x, transpose(x)), matmul(x, y), s, gamma, lambda);
}

/** The same from the products X X^T (d x d) and X Y (d x z), so a grid search computes them once. */
export function eszslFromProducts(xxt: Matrix, xy: Matrix, s: Matrix, gamma: number, lambda: number): Matrix {
  const xyst = matmul(xy, transpose(s)); // d x a
  const left = solveSpd(addDiagonal(xxt, gamma), xyst); // (XX^T + gI)^-1 X Y S^T
  // Right-multiplying by the symmetric (SS^T + lI)^-1 is solving from the right: V^T = (SS^T + lI)^-1 left^T.
  return transpose(solveSpd(addDiagonal(matmul(s, transpose(s)), lambda), transpose(left)));
}

/** Y in {-1, 1}: +1 where row i belongs to class column j. */
export function signedLabels(labels: ArrayLike<number>, classes: readonly number[]): Matrix {
  const y = matrix(labels.length, classes.length);
  for (let i = 0; i < labels.length; i++) {
    for (let j = 0; j < classes.length; j++) y.data[i * classes.length + j] = labels[i] === classes[j] ? 1 : -1;
  }
  return y;
}
