/**
 * nearest-neighbours: the training examples closest to the input in the model's penultimate-layer
 * space, with their true labels (explanation by example, as in Papernot & McDaniel's deep k-NN and the
 * "similar examples" of case-based explanation). Distances are Euclidean between the activations that
 * feed the last Dense layer, so "similar" means similar to the model, not in pixels. The searched pool
 * is a seeded subset of the training split (the whole split when `pool` exceeds it), embedded once in fit.
 */
import { type Batch, sampleOf, selectSamples, toNested } from '../../core/batch.js';
import { UserError } from '../../core/errors.js';
import { int } from '../../core/params.js';
import type { Bilingual, StructuredExplainer } from '../types.js';
import { nearestNeighboursCard } from './nearest-neighbours.card.js';
import { argmaxRows, className, percent } from './class-words.js';
import type { ExampleQuery } from './example-query.js';
import { withParticle } from '../../core/korean-particles.js';

const params = {
  k: int({ default: 3, min: 1, max: 20, description: 'neighbours shown per input' }),
  pool: int({ default: 1000, min: 1, description: 'training examples searched (a seeded subset of the training split)' }),
} as const;

export interface NeighbourPool {
  readonly x: Batch;
  /** Training-split row of each pooled example. */
  readonly rows: readonly number[];
  readonly labels: Int32Array;
  readonly predicted: Int32Array;
  readonly features: Float32Array;
  readonly width: number;
}

/** Indices of the k smallest distances (ties by index). */
function nearest(distances: Float64Array, k: number): number[] {
  return Array.from(distances.keys())
    .sort((a, b) => distances[a] - distances[b] || a - b)
    .slice(0, k);
}

function text(q: ExampleQuery, target: number, probability: number, classOf: (c: number, lang?: 'en' | 'ko') => string): Bilingual {
  const labels = q.samples.map((s) => classOf(s.label!));
  const labelsKo = q.samples.map((s) => classOf(s.label!, 'ko'));
  const clsKo = classOf(target, 'ko');
  const same = q.samples.filter((s) => s.label === target).length;
  const cls = classOf(target);
  const k = q.samples.length;
  return {
    en:
      `The model says '${cls}' (${percent(probability)}). The ${k} training example${k === 1 ? '' : 's'} most similar to this input, ` +
      `as the model sees it, ` +
      `${k === 1 ? 'is' : 'are'} labelled ${labels.map((l) => `'${l}'`).join(', ')}: ${same} of ${k} ${same === 1 ? 'has' : 'have'} ` +
      `the predicted class.`,
    ko:
      `모델은 ${withParticle(`'${clsKo}'`, '이라고/라고')} 답했습니다 (${percent(probability)}). 모델이 보기에 이 입력과 가장 비슷한 학습 예시 ${k}개의 정답은 ` +
      `${labelsKo.map((l) => `'${l}'`).join(', ')}입니다. ${k}개 중 ${same}개가 예측한 클래스와 같습니다.`,
  };
}

export const nearestNeighboursExplainer: StructuredExplainer<typeof params, NeighbourPool, ExampleQuery> = {
  api: 2,
  id: 'nearest-neighbours',
  family: 'examples',
  description: 'Training examples nearest to the input in the penultimate-layer space (Euclidean), with their true labels.',
  needs: ['layers', 'training-data'],
  needsClasses: 'compares the predicted class with the labels of the nearest training examples',
  output: 'probability',
  deterministic: true,
  card: nearestNeighboursCard,
  params,
  fit(ctx, p) {
    const train = ctx.data?.train;
    if (!train) {
      throw new UserError(`nearest-neighbours: task ${ctx.task.id} has no labelled training data to search (a --background has no labels)`);
    }
    const n = train.x.n;
    const rows = p.pool >= n ? Array.from({ length: n }, (_, i) => i) : ctx.rng('pool').sample(n, p.pool).sort((a, b) => a - b);
    const x = selectSamples(train.x, rows);
    const { data: features, width } = ctx.engine.features(x);
    const predicted = argmaxRows(ctx.engine.outputs(x, 'logit'), ctx.engine.numClasses);
    return { x, rows, labels: Int32Array.from(rows, (r) => train.y[r]), predicted, features, width };
  },
  explain({ ctx, batch, targets, params: p, state: pool }) {
    const { data: f } = ctx.engine.features(batch);
    const probs = ctx.engine.outputs(batch, 'probability');
    const c = ctx.engine.numClasses;
    const w = pool.width;
    const queries: ExampleQuery[] = [];
    for (let i = 0; i < batch.n; i++) {
      const dist = new Float64Array(pool.rows.length);
      for (let j = 0; j < pool.rows.length; j++) {
        let s = 0;
        for (let t = 0; t < w; t++) {
          const d = f[i * w + t] - pool.features[j * w + t];
          s += d * d;
        }
        dist[j] = Math.sqrt(s);
      }
      const near = nearest(dist, Math.min(p.k, pool.rows.length));
      queries.push({
        input: toNested(sampleOf(batch, i), batch.sampleShape),
        target: targets[i],
        probability: probs[i * c + targets[i]],
        space: 'penultimate',
        samples: near.map((j) => ({
          role: 'neighbour' as const,
          input: toNested(sampleOf(pool.x, j), batch.sampleShape),
          index: pool.rows[j],
          label: pool.labels[j],
          predicted: pool.predicted[j],
          distance: dist[j],
        })),
      });
    }
    return {
      explanations: queries,
      text: queries.map((q, i) => text(q, targets[i], probs[i * c + targets[i]], (k, lang) => className(ctx.task, k, lang))),
    };
  },
};

