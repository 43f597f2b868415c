/**
 * SmoothGrad (Smilkov et al. 2017): the mean gradient of the target logit over `samples` noisy copies
 * x + N(0, sigma^2), with sigma = noise * (max(x) - min(x)) as the paper defines the noise level (it found
 * 10-20% best). Noise is drawn from the sample's seeded stream.
 */
import { sizeOf } from '../../core/batch.js';
import { int, num } from '../../core/params.js';
import { type Stack, stackedGradients } from './stack.js';
import type { AttributionExplainer, MethodCard } from '../types.js';

const params = {
  samples: int({ default: 50, min: 1, max: 100000, description: 'noisy copies per input (gradient passes per sample)' }),
  noise: num({ default: 0.15, min: 0, max: 10, description: 'noise sigma as a fraction of the input\'s max - min range' }),
} as const;

/** The method card (site): claims from Smilkov et al. 2017. */
const card: MethodCard = {
  summary: {
    en: 'The gradient averaged over many noisy copies of the input, which smooths away the gradient\'s speckle.',
    ko: '입력에 잡음을 더한 여러 사본에서 기울기를 평균해, 기울기 맵의 얼룩덜룩한 잡음을 줄입니다.',
  },
  requirements: { en: 'Gradients of the model output with respect to the input.', ko: '입력에 대한 모델 출력의 기울기가 필요합니다.' },
  claims: [
    {
      kind: 'strength',
      text: { en: 'Less sensitive to small input changes than the plain gradient.', ko: '단순 기울기보다 입력의 작은 변화에 덜 민감합니다.' },
      evidence: ['max-sensitivity', 'local-lipschitz'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: { en: 'Random: two runs with different seeds give different maps.', ko: '무작위적입니다. 시드가 다르면 두 번의 실행 결과가 다릅니다.' },
      evidence: ['run-to-run'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: { en: 'Costs one gradient pass per noisy copy (50 by default).', ko: '잡음 사본마다 기울기를 한 번씩 계산하므로(기본 50개) 비용이 큽니다.' },
      evidence: ['gradient-passes'],
      expect: 'high',
    },
  ],
  references: ['Smilkov et al. 2017, "SmoothGrad: removing noise by adding noise", arXiv:1706.03825'],
};

export const smoothgradExplainer: AttributionExplainer<typeof params> = {
  api: 2,
  id: 'smoothgrad',
  family: 'attribution',
  description: 'Mean gradient of the target logit over Gaussian-noised copies of the input.',
  needs: ['gradients'],
  output: 'logit',
  deterministic: false,
  card,
  params,
  explain({ ctx, batch, targets, sampleIds, params: p }) {
    const d = sizeOf(batch.sampleShape);
    const stacks: Stack[] = [];
    for (let i = 0; i < batch.n; i++) {
      const x = batch.data.subarray(i * d, (i + 1) * d);
      let lo = Infinity;
      let hi = -Infinity;
      for (let k = 0; k < d; k++) {
        lo = Math.min(lo, x[k]);
        hi = Math.max(hi, x[k]);
      }
      const sigma = p.noise * (hi - lo);
      const id = sampleIds[i];
      stacks.push({
        rows: p.samples,
        target: targets[i],
        writesAll: true,
        fill(out) {
          const rng = ctx.rng(id, 'smoothgrad');
          for (let s = 0; s < p.samples; s++) for (let k = 0; k < d; k++) out[s * d + k] = x[k] + sigma * rng.normal();
        },
      });
    }
    const grads = stackedGradients(ctx.engine, batch.sampleShape, stacks, 'logit');
    const attributions = new Float32Array(batch.n * d);
    const acc = new Float64Array(d);
    for (let i = 0; i < batch.n; i++) {
      acc.fill(0);
      for (let s = 0; s < p.samples; s++) for (let k = 0; k < d; k++) acc[k] += grads[i][s * d + k];
      for (let k = 0; k < d; k++) attributions[i * d + k] = acc[k] / p.samples;
    }
    return { attributions };
  },
};
