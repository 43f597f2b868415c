/**
 * The generator tasks, one per generator of datasets/generator-spec.ts (`mnist-vae`): the
 * generator's data set, its VAE (decoder as `generator.model`, encoder to turn test images into query
 * latents) and the zoo classifier (`mnist-cnn`) as the task's model, which names each sample's class
 * and scores homogeneity. Queries are the task's ordinary sample ids (test images); the examples
 * explainers encode each one with the encoder's posterior mean, so a query latent is the VAE's code
 * of a real digit. The task offers only 'generator' and is meant for the examples family: attribution
 * cells here would repeat the mnist-cnn task's.
 */
import { loadModel } from '../core/model.js';
import { loadDataset } from './dataset-registry.js';
import { decoderJsonPath, encoderJsonPath, GENERATOR_SPECS, type GeneratorSpec } from './generator-spec.js';
import type { Task, TaskSpec } from './task.js';
import { taskFromDataset } from './task-from-dataset.js';
import { modelJsonPath } from './zoo.js';

async function loadGeneratorTask(g: GeneratorSpec, description: string): Promise<Task> {
  const data = loadDataset(g.datasetId);
  const model = await loadModel(modelJsonPath(g.classifierId));
  const task = taskFromDataset(data, { id: g.id, description, modelId: g.classifierId, model });
  const [decoder, encoder] = await Promise.all([loadModel(decoderJsonPath(g.id)), loadModel(encoderJsonPath(g.id))]);
  return { ...task, generator: { id: g.id, model: decoder, latentSize: g.latentSize, encoder } };
}

export const generatorTaskSpecs: readonly TaskSpec[] = GENERATOR_SPECS.map((g) => {
  const description = `${g.datasetId} generator: a VAE with a ${g.latentSize}-d latent and an MLP decoder (${g.decoderHidden.join('-')} ReLU units); queries are test digits encoded by its encoder, classified by ${g.classifierId}`;
  return {
    id: g.id,
    description,
    kind: 'image',
    datasetId: g.datasetId,
    modelId: g.classifierId,
    groundTruthUsable: () => false,
    offers: ['generator'],
    families: ['examples'],
    load: () => loadGeneratorTask(g, description),
  };
});
