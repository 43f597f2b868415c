/**
 * The generative models behind the `examples` family: trained by
 * tools/train/train-generator.ts with fixed seeds and committed under data/models/generators/<id>/.
 * A VAE: an MLP encoder (for turning test images into query latents) and an MLP decoder whose first
 * layer is Dense + ReLU, so that layer's generative boundaries are exact hyperplanes in latent space.
 */
import { join } from 'node:path';
import { MODELS_DIR } from './paths.js';

export interface GeneratorSpec {
  readonly id: string;
  readonly datasetId: string;
  /** The zoo classifier that measures sample quality and, on the task, homogeneity. */
  readonly classifierId: string;
  readonly latentSize: number;
  readonly encoderHidden: readonly number[];
  /** Decoder hidden widths (ReLU), first to last; the output layer is Dense + sigmoid. */
  readonly decoderHidden: readonly number[];
  readonly seed: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  /** Weight of the KL term (beta-VAE; 1 = the plain ELBO). */
  readonly beta: number;
}

export const GENERATOR_SPECS: readonly GeneratorSpec[] = [
  {
    id: 'mnist-vae',
    datasetId: 'mnist10k',
    classifierId: 'mnist-cnn',
    latentSize: 8,
    encoderHidden: [128],
    decoderHidden: [64, 256],
    seed: 1,
    epochs: 12,
    batchSize: 100,
    learningRate: 1e-3,
    beta: 1,
  },
];

export const GENERATORS_DIR = join(MODELS_DIR, 'generators');

export function generatorSpec(id: string): GeneratorSpec {
  const s = GENERATOR_SPECS.find((g) => g.id === id);
  if (!s) throw new Error(`unknown generator '${id}'`);
  return s;
}

export const decoderJsonPath = (id: string) => join(GENERATORS_DIR, id, 'decoder', 'model.json');
export const encoderJsonPath = (id: string) => join(GENERATORS_DIR, id, 'encoder', 'model.json');
export const generatorTrainingJson = (id: string) => join(GENERATORS_DIR, id, 'training.json');
