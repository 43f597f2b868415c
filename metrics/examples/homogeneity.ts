/**
 * homogeneity: the share of samples the task's classifier gives the label it gives the query's
 * generated image G(z0) (relabelled here through the engine, not read from the payload).
 * feature-similarity: the mean cosine similarity of the samples' classifier logit vectors to the
 * query's (the logits stand in for a feature embedding: the classifier is the one fixed model every
 * generator task has).
 */
import type { MetricValue, StructuredMetric } from '../types.js';
import { argmaxRows, classifierOutputs, generatedImages, generativePayload, NO_SAMPLES, NOT_GENERATIVE } from './payloads.js';

export const homogeneity: StructuredMetric<Record<string, never>> = {
  id: 'homogeneity',
  family: 'examples',
  explainers: ['generative-boundaries', 'epsilon-ball'],
  criterion: 'fidelity',
  direction: 'higher',
  ideal: 1,
  description: "Share of generated samples the task's classifier labels like the query's generated image.",
  reference:
    'Jeon, Jeong & Choi 2020 (AAAI), "more homogeneous" samples than epsilon-based sampling; measure reconstructed (docs/explainers.md).',
  requires: ['model'],
  needsClasses: 'compares the classifier\'s classes (or class logit vectors) of the samples',
  params: {},
  evaluate(ctx, input) {
    return Array.from({ length: input.batch.n }, (_, i): MetricValue => {
      const p = generativePayload(input, i);
      if (!p) return NOT_GENERATIVE;
      if (p.samples.length === 0) return NO_SAMPLES;
      const im = generatedImages(input, p);
      const labels = argmaxRows(classifierOutputs(ctx, [im.query, ...im.samples], 'logit'), ctx.engine.numClasses);
      return labels.slice(1).filter((l) => l === labels[0]).length / p.samples.length;
    });
  },
};

export const featureSimilarity: StructuredMetric<Record<string, never>> = {
  id: 'feature-similarity',
  family: 'examples',
  explainers: ['generative-boundaries', 'epsilon-ball'],
  criterion: 'fidelity',
  direction: 'higher',
  ideal: 1,
  description: "Mean cosine similarity of the samples' classifier logit vectors to the query's generated image's.",
  reference: 'Jeon, Jeong & Choi 2020 (AAAI); feature similarity to the query, logits as the embedding (docs/explainers.md).',
  requires: ['model'],
  needsClasses: 'compares the classifier\'s classes (or class logit vectors) of the samples',
  params: {},
  evaluate(ctx, input) {
    const c = ctx.engine.numClasses;
    return Array.from({ length: input.batch.n }, (_, i): MetricValue => {
      const p = generativePayload(input, i);
      if (!p) return NOT_GENERATIVE;
      if (p.samples.length === 0) return NO_SAMPLES;
      const im = generatedImages(input, p);
      const v = classifierOutputs(ctx, [im.query, ...im.samples], 'logit');
      const q = v.subarray(0, c);
      let sum = 0;
      for (let s = 1; s <= p.samples.length; s++) {
        const x = v.subarray(s * c, (s + 1) * c);
        let dot = 0;
        let nq = 0;
        let nx = 0;
        for (let j = 0; j < c; j++) {
          dot += q[j] * x[j];
          nq += q[j] * q[j];
          nx += x[j] * x[j];
        }
        sum += nq > 0 && nx > 0 ? dot / Math.sqrt(nq * nx) : 0;
      }
      return sum / p.samples.length;
    });
  },
};
