/**
 * The one per-sample payload of the `examples` family (docs/formats.md, "Explanations by family": `queries:
 * [{input, samples, latents?, boundaries?, tree?}]`): in a run's explanations line, `explanations[i]`
 * is the query of sample i, whichever examples explainer wrote it. The query and every sample are
 * nested like the task's sample shape, in model-input space, so a reader can draw them or feed them
 * back to the model without knowing which explainer made them; text and tables give original units.
 * What only some explainers know lives under documented optional keys (schemas/explanation.schema.json
 * `exampleQuery`): `latents`, `boundaries`, `tree` and `generation` (generated examples),
 * `counterfactual` (a counterfactual search). No other key is allowed.
 */
import type { BoundaryPayload, Generation, GenerationTree } from './payload.js';

export interface ExampleSample {
  /** What the example is to the query: a training neighbour, a counterfactual, or a generated sample. */
  readonly role: 'neighbour' | 'counterfactual' | 'generated';
  /** Nested like the sample shape (model-input space). */
  readonly input: unknown;
  /** Training-split row of a neighbour. */
  readonly index?: number;
  /** The true label of a training example. */
  readonly label?: number;
  /** The model's predicted class for this example (for generated samples: the task classifier's label). */
  readonly predicted?: number;
  /** Distance to the query in the query's `space`. */
  readonly distance?: number;
  /** Generated samples of the epsilon-ball baseline: whether it keeps the query's on/off pattern on the boundary set. */
  readonly inside?: boolean;
}

/** How far a counterfactual moved from the query (model-input space). */
export interface ChangeSize {
  readonly l2: number;
  readonly l1: number;
  readonly linf: number;
  /** Input elements that differ from the query. */
  readonly changed: number;
  /** Input elements in all. */
  readonly of: number;
}

/** One changed feature of a tabular counterfactual, in original units. */
export interface FeatureChange {
  readonly feature: number;
  readonly name: string;
  readonly from: number;
  readonly to: number;
  /** Categorical features: level names (from and to are then level indices). */
  readonly fromLevel?: string;
  readonly toLevel?: string;
  readonly unit?: string;
}

/** What a counterfactual search reports besides its sample: whether it found one, and how big the change is. */
export interface CounterfactualResult {
  readonly found: boolean;
  readonly size?: ChangeSize;
  readonly changes?: readonly FeatureChange[];
}

export interface ExampleQuery {
  /** The explained input, nested like the sample shape. */
  readonly input: unknown;
  /** The class explained (the model's prediction), and the model's probability of it, where the explainer records them. */
  readonly target?: number;
  readonly probability?: number;
  /** The space `samples[].distance` is measured in. */
  readonly space?: 'penultimate' | 'input' | 'latent';
  /** The examples, always in model-input space. */
  readonly samples: readonly ExampleSample[];
  /** Generated examples: the generator latent of each sample (aligned with `samples`, full precision). */
  readonly latents?: readonly (readonly number[])[];
  /** Generated examples: the generator boundaries that define the query's region. */
  readonly boundaries?: BoundaryPayload;
  /** Generated examples by a tree: the parent of each sample (aligned with `samples`). */
  readonly tree?: GenerationTree;
  /** Generated examples: how they were drawn and the query's own latent and generated image. */
  readonly generation?: Generation;
  /** Counterfactual searches: whether one was found, and its size. */
  readonly counterfactual?: CounterfactualResult;
}

/** A query of generated examples (generative-boundaries, epsilon-ball): latents, boundaries and generation present. */
export type GenerativeQuery = ExampleQuery & {
  readonly latents: readonly (readonly number[])[];
  readonly boundaries: BoundaryPayload;
  readonly generation: Generation;
};

export function isGenerativeQuery(v: unknown): v is GenerativeQuery {
  const q = v as Partial<GenerativeQuery> | null;
  if (typeof q !== 'object' || q === null) return false;
  return Array.isArray(q.samples) && Array.isArray(q.latents) && typeof q.boundaries === 'object' && typeof q.generation === 'object';
}
