/**
 * What a functional test of `xai-bench axioms` is (catalogue.ts lists them), and the small shared pieces
 * the tests are written with: norms, the relative size, and the ReLU MLPs f_a and f_b.
 */
import type { Bilingual } from '../../core/vocabulary.js';
import type { Property } from '../../explainers/properties.js';
import { denseChain } from './axiom-models.js';
import type { Probe } from './probe.js';

interface Measured {
  readonly pass: boolean;
  readonly value: number;
}

export interface AxiomTest {
  readonly id: string;
  readonly property: Property;
  readonly title: Bilingual;
  /** What `measured` is and when it passes. */
  readonly measure: Bilingual;
  readonly tolerance: number;
  readonly citation: string;
  run(p: Probe): Promise<Measured>;
}

export const norm = (a: ArrayLike<number>) => Math.sqrt(Array.from(a).reduce((s, v) => s + v * v, 0));
export const diffNorm = (a: ArrayLike<number>, b: ArrayLike<number>) => norm(Array.from(a, (v, k) => v - b[k]));
export const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);
/** Relative size: |num| / |den|, 0 when both vanish. */
export const rel = (num: number, den: number) => (num === 0 ? 0 : Math.abs(num) / Math.max(Math.abs(den), 1e-12));

/** f_a of the linearity test, also the model of completeness and determinism: a ReLU MLP with biases. */
export const FA = { w1: [[1, -1], [0.5, 1], [-0.5, 0.3]], b1: [0, 0.1], w2: [[0, 1], [0, 0.5]] };
export const FB = { w1: [[-1, 0.4], [1, 1], [0.2, -0.6]], b1: [0.2, -0.1], w2: [[0, -0.8], [0, 1.2]] };
export const mlpOf = (name: string, m: typeof FA) =>
  denseChain(name, [{ w: m.w1, b: m.b1, activation: 'relu' }, { w: m.w2, b: [0, 0], activation: 'linear' }]);
export const X3 = [0.8, -0.4, 1.2];
export const BASE3 = [0.1, 0.2, -0.1];

