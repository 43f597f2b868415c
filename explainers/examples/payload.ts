/**
 * The `examples` family's per-sample payload (DESIGN.md "Explanation file": {input, samples, latents?,
 * boundaries?, tree?}), as the generative-boundaries and epsilon-ball explainers write it.
 */
export interface BoundaryPayload {
  /** Name and 1-based index of the generator's hidden layer whose units define the boundaries. */
  readonly layer: string;
  readonly layerIndex: number;
  readonly layerUnits: number;
  /** The boundary set: units with keep-probability above 0.5. */
  readonly units: number[];
  /** The query's side of each boundary in `units`: 1 = on (pre-activation >= 0), 0 = off. */
  readonly on: (0 | 1)[];
  /** Keep-probability of every unit of the layer (3 decimals). */
  readonly keepProbability: number[];
  /** Mean squared error per output element of the hard mask, and with the whole layer masked. */
  readonly reconstructionError: number;
  readonly reconstructionErrorAllOff: number;
  /** For the first hidden layer the boundaries are hyperplanes w . z + b = 0 in latent space. */
  readonly hyperplanes?: { readonly w: number[]; readonly b: number }[];
}

export interface ExamplesPayload {
  /** The query as the task gave it (a test image). */
  readonly input: number[];
  /** Its latent (the encoder's posterior mean), the generated G(z0) and the classifier's label of it. */
  readonly query: { readonly latent: number[]; readonly image: number[]; readonly label: number };
  /** Generated samples (images, 3 decimals), their latents (full precision) and the classifier's labels. */
  readonly samples: number[][];
  readonly latents: number[][];
  readonly labels: number[];
  readonly boundaries: BoundaryPayload;
  /** The RRT: parent of each sample (-1 = the query), and its bookkeeping. */
  readonly tree?: { readonly parents: number[]; readonly iterations: number; readonly direct: number; readonly checks: number };
  /** How many candidate latents were tested and how many of them were kept inside the region. */
  readonly acceptance: { readonly accepted: number; readonly checked: number };
  /** epsilon-ball: whether each sample keeps the query's sign pattern (the tree's samples all do). */
  readonly inside?: boolean[];
  readonly meanLatentDistance: number;
  /**
   * epsilon-ball: the mean distance it was matched to, that of an RRT run with the same parameters on
   * its own random streams (so the match to generative-boundaries' samples is in distribution).
   */
  readonly matchedDistance?: number;
  /** How the samples were drawn. */
  readonly sampler: 'rrt' | 'epsilon-ball';
}

export const round3 = (v: number): number => Math.round(v * 1000) / 1000;
export const rounded = (a: ArrayLike<number>): number[] => Array.from(a, round3);
