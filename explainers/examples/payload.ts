/**
 * The parts of the `examples` payload (example-query.ts) that only generated examples have, as the
 * generative-boundaries and epsilon-ball explainers write them: the boundary set, the RRT and how the
 * samples were drawn.
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

/** The RRT: parent of each sample (-1 = the query), and its bookkeeping. */
export interface GenerationTree {
  readonly parents: number[];
  readonly iterations: number;
  readonly direct: number;
  readonly checks: number;
}

export interface Generation {
  /** How the samples were drawn. */
  readonly sampler: 'rrt' | 'epsilon-ball';
  /**
   * The query's latent (the encoder's posterior mean), its generated image G(z0) (nested like the sample shape) and the
   * classifier's label of it.
   */
  readonly query: { readonly latent: number[]; readonly image: unknown; readonly label: number };
  /** How many candidate latents were tested and how many of them were kept inside the region. */
  readonly acceptance: { readonly accepted: number; readonly checked: number };
  readonly meanLatentDistance: number;
  /**
   * epsilon-ball: the mean distance it was matched to, that of an RRT run with the same parameters on
   * its own random streams (so the match to generative-boundaries' samples is in distribution).
   */
  readonly matchedDistance?: number;
}

export const round3 = (v: number): number => Math.round(v * 1000) / 1000;
export const rounded = (a: ArrayLike<number>): number[] => Array.from(a, round3);
