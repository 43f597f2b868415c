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
import type { Bilingual, MethodCard, StructuredExplainer } from '../types.js';
import { argmaxRows, className, percent } from './class-words.js';
import type { ExampleQuery } from './example-query.js';

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

const card: MethodCard = {
  summary: {
    en: 'Shows the training examples the model finds most similar to the input, with their true labels: "it looks like these, which were labelled 7".',
    ko: '모델이 보기에 입력과 가장 비슷한 학습 예시를 정답과 함께 보여 줍니다. "정답이 7인 이 예시들과 닮았어요" 하는 식입니다.',
  },
  requirements: {
    en: 'The model\'s inner layers (to measure similarity as the model sees it) and the labelled training data.',
    ko: '모델의 안쪽 층(모델이 보는 방식으로 비슷함을 재기 위해)과 정답이 달린 학습 데이터가 필요합니다.',
  },
  claims: [
    {
      kind: 'strength',
      text: { en: 'Neighbours in the model\'s feature space mostly share the predicted class when the prediction is well supported.', ko: '예측이 잘 뒷받침될 때 모델의 특징 공간에서 가까운 이웃은 대부분 예측한 클래스와 같습니다.' },
      evidence: ['neighbour-label-agreement'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: { en: 'Says which examples are similar, not which parts of the input mattered.', ko: '어떤 예시가 비슷한지는 말해 주지만 입력의 어느 부분이 중요했는지는 말해 주지 않습니다.' },
      evidence: [],
      expect: 'high',
    },
  ],
  references: [
    'Papernot & McDaniel 2018, "Deep k-Nearest Neighbors: Towards Confident, Interpretable and Robust Deep Learning", arXiv:1803.04765',
    'Kenny & Keane 2021, "Explaining black-box classifiers using post-hoc explanations-by-example", Artificial Intelligence 294',
  ],
};

/** Indices of the k smallest distances (ties by index). */
export function nearest(distances: Float64Array, k: number): number[] {
  return Array.from(distances.keys())
    .sort((a, b) => distances[a] - distances[b] || a - b)
    .slice(0, k);
}

function text(q: ExampleQuery, target: number, probability: number, classOf: (c: number) => string): Bilingual {
  const labels = q.samples.map((s) => classOf(s.label!));
  const same = q.samples.filter((s) => s.label === target).length;
  const cls = classOf(target);
  const k = q.samples.length;
  return {
    en:
      `The model says '${cls}' (${percent(probability)}). The ${k} training example${k === 1 ? '' : 's'} most similar to this input, as the model sees it, ` +
      `${k === 1 ? 'is' : 'are'} labelled ${labels.map((l) => `'${l}'`).join(', ')}: ${same} of ${k} ${same === 1 ? 'has' : 'have'} the predicted class.`,
    ko:
      `모델은 '${cls}'(이)라고 답했습니다 (${percent(probability)}). 모델이 보기에 이 입력과 가장 비슷한 학습 예시 ${k}개의 정답은 ` +
      `${labels.map((l) => `'${l}'`).join(', ')}입니다. ${k}개 중 ${same}개가 예측한 클래스와 같습니다.`,
  };
}

export const nearestNeighboursExplainer: StructuredExplainer<typeof params, NeighbourPool, ExampleQuery> = {
  api: 2,
  id: 'nearest-neighbours',
  family: 'examples',
  description: 'Training examples nearest to the input in the penultimate-layer space (Euclidean), with their true labels.',
  needs: ['layers', 'training-data'],
  output: 'probability',
  deterministic: true,
  card,
  params,
  fit(ctx, p) {
    const train = ctx.data?.train;
    if (!train) throw new UserError(`nearest-neighbours: task ${ctx.task.id} has no labelled training data to search (a --background has no labels)`);
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
    return { explanations: queries, text: queries.map((q, i) => text(q, targets[i], probs[i * c + targets[i]], (k) => className(ctx.task, k))) };
  },
};

