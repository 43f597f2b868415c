/**
 * The concept-path family's payloads (docs/formats.md, "Explanations by family", concept-path): one per
 * sample, `{class, seen, novelty, paths, similarClasses, text}`, plus the evidence behind them.
 */
import type { Bilingual } from '../types.js';

export interface SimilarClass {
  readonly class: number;
  /** The sample's score for this seen class under the same scorer. */
  readonly score: number;
  /** Attribute ids both digits have in the graph. */
  readonly shared: readonly string[];
}

export interface ConceptPathExplanation {
  readonly class: number;
  readonly seen: boolean;
  /** Socher-style novelty (negative log-likelihood under the best seen-class Gaussian); higher = more novel. */
  readonly novelty: number;
  /** Whether the novelty is above the detector's threshold. */
  readonly novel: boolean;
  /**
   * Graph paths [node, edge, node, ...]: the class's explanatory attributes up to WordNet concepts, then shared attributes
   * to similar seen classes.
   */
  readonly paths: readonly (readonly string[])[];
  /** Explanatory attributes, strongest evidence first (positive evidence only). */
  readonly attributes: readonly { readonly id: string; readonly evidence: number }[];
  readonly similarClasses: readonly SimilarClass[];
  readonly text: Bilingual;
}

export interface ConceptPathGlobal {
  readonly seen: readonly number[];
  readonly unseen: readonly number[];
  readonly scorer: string;
  readonly gzsl: string;
  readonly stackingConstant: number;
  readonly noveltyThreshold: number;
  readonly eszsl: { readonly gamma: number; readonly lambda: number; readonly validationAccuracy: number };
  /** Where the graph is committed (the site draws it from there). */
  readonly graph: string;
}
