/**
 * The per-sample payload of the `examples` family (DESIGN.md "Explanations by family": `queries:
 * [{input, samples, latents?, boundaries?, tree?}]`): in a run's explanations line, `explanations[i]`
 * is the query of sample i. Inputs are nested like the task's sample shape, in model-input space, so
 * a reader can draw them or feed them back to the model; text and tables give original units.
 */
export interface ExampleSample {
  /** What the example is to the query. */
  readonly role: 'neighbour' | 'counterfactual' | 'boundary';
  /** Nested like the sample shape (model-input space). */
  readonly input: unknown;
  /** Training-split row of a neighbour. */
  readonly index?: number;
  /** The true label of a training example. */
  readonly label?: number;
  /** The model's predicted class for this example. */
  readonly predicted?: number;
  /** Distance to the query in the space the explainer measures it in (`space`). */
  readonly distance: number;
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
  readonly unit?: string;
}

export interface ExampleQuery {
  /** The explained input, nested like the sample shape. */
  readonly input: unknown;
  /** The class explained (the model's prediction) and its probability. */
  readonly target: number;
  readonly probability: number;
  readonly space: 'penultimate' | 'input';
  readonly samples: readonly ExampleSample[];
  /** Counterfactuals: whether one was found within the budget, and its size. */
  readonly found?: boolean;
  readonly size?: ChangeSize;
  readonly changes?: readonly FeatureChange[];
}
