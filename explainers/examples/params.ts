/**
 * Parameters of the examples explainers (generative-boundaries and its epsilon-ball baseline). The
 * paper's objective weights, temperature, step sizes and thresholds are not available to us (see
 * generative-boundaries.md): these defaults are our choices, each one a parameter.
 */
import { int, num, oneOf } from '../../core/params.js';

export const examplesParams = {
  layer: int({
    default: 1,
    min: 1,
    description:
      "the generator's hidden layer whose units' on/off boundaries are searched (1 = first; its boundaries are hyperplanes in latent " +
      "space)",
  }),
  lambda: num({
    default: 0.5,
    min: 0,
    description:
      'weight of the L1 penalty on keep-probabilities against the summed squared reconstruction error (larger = fewer boundaries)',
  }),
  temperature: num({ default: 0.2, min: 1e-3, description: 'temperature of the relaxed-Bernoulli (Concrete) masks' }),
  steps: int({ default: 200, min: 1, description: 'Adam steps of the mask optimisation' }),
  learningRate: num({ default: 0.1, min: 1e-6, description: "Adam's learning rate on the mask logits" }),
  mcSamples: int({ default: 4, min: 1, description: 'Concrete masks drawn per Adam step (Monte Carlo estimate of the expected error)' }),
  initLogit: num({ default: 2, description: 'starting logit of every keep-probability (2 = 0.88: units start kept)' }),
  samples: int({ default: 30, min: 1, description: 'samples returned per query (RRT nodes besides the query)' }),
  step: num({ default: 0.25, min: 1e-6, description: 'RRT extension length in latent units' }),
  bisections: int({ default: 10, min: 0, description: 'halvings of a rejected extension to find the farthest point inside the region' }),
  sampler: oneOf(
    ['prior', 'ball'] as const,
    'prior',
    'where the RRT draws its random targets: the prior N(0, I) or uniform in the ball of `radius` around the query',
  ),
  radius: num({ default: 2, min: 1e-6, description: 'ball radius of sampler=ball' }),
  maxIterations: int({ default: 1000, min: 1, description: 'cap on RRT iterations (an iteration that makes no progress is retried)' }),
} as const;

/** The baseline's parameters: the same exploration (it sets the matched distance) plus its radius. */
export const epsilonBallParams = {
  ...examplesParams,
  epsilon: num({
    default: 0,
    min: 0,
    description:
      "ball radius; 0 = matched: the mean latent distance equals the generative-boundaries samples' for the same query and parameters",
  }),
} as const;
