/**
 * Integrated gradients (Sundararajan et al. 2017): (x - x') * integral_0^1 grad f(x' + a (x - x')) da for
 * the target logit, with the integral taken by a quadrature rule. `riemann` is the midpoint rule (nodes
 * (k + 1/2) / steps); `gauss-legendre` is Captum's default family. Completeness, sum of attributions =
 * f(x) - f(x'), holds up to the quadrature error, which is returned per sample.
 */
import { sizeOf } from '../../core/batch.js';
import { int, oneOf } from '../../core/params.js';
import { gaussLegendre, riemannMidpoint } from '../../numeric/quadrature.js';
import { baselineInput, baselineParam } from './reference-input.js';
import { type Stack, stackedGradients } from './stack.js';
import type { AttributionExplainer, MethodCard } from '../types.js';

const params = {
  steps: int({ default: 50, min: 1, max: 10000, description: 'quadrature nodes on the path (gradient passes per sample)' }),
  baseline: baselineParam('the path start x\''),
  method: oneOf(['riemann', 'gauss-legendre'] as const, 'gauss-legendre', "'riemann' = midpoint rule, 'gauss-legendre' = Gauss-Legendre nodes (Captum's default)"),
} as const;

/** The method card (site): claims from Sundararajan et al. 2017 and Sturmfels et al. 2020. */
const card: MethodCard = {
  summary: {
    en: 'Gradients averaged along the straight path from a baseline to the input, times the input minus the baseline. The attributions add up to f(input) - f(baseline).',
    ko: '기준 입력에서 실제 입력까지 곧은 경로를 따라 기울기를 평균한 뒤 (입력 − 기준)을 곱합니다. 기여도를 모두 더하면 f(입력) − f(기준)이 됩니다.',
  },
  requirements: { en: 'Gradients, and a baseline input that stands for "absent".', ko: '기울기와, "없음"을 뜻하는 기준 입력이 필요합니다.' },
  claims: [
    {
      kind: 'strength',
      text: {
        en: 'Completeness: the attributions account for the change of the output (up to the quadrature error). This holds by construction, so a small completeness gap checks the implementation, not the method: the leaderboard does not rank it on that metric.',
        ko: '완전성: 기여도의 합이 출력의 변화를 설명합니다(수치 적분 오차 범위 안에서). 구성상 성립하는 성질이므로 완전성 차이가 작다는 것은 방법이 아니라 구현을 확인할 뿐이며, 리더보드는 이 지표로 순위를 매기지 않습니다.',
      },
      evidence: ['completeness-gap'],
      expect: 'low',
    },
    {
      kind: 'strength',
      text: { en: 'Deterministic.', ko: '결정적입니다.' },
      evidence: ['run-to-run'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: { en: 'Costs one gradient pass per step on the path (50 by default).', ko: '경로의 단계마다 기울기를 한 번씩 계산하므로(기본 50단계) 비용이 큽니다.' },
      evidence: ['gradient-passes'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: { en: 'The answer depends on the choice of baseline (Sturmfels et al. 2020).', ko: '기준 입력을 무엇으로 정하느냐에 따라 결과가 달라집니다(Sturmfels 외 2020).' },
      evidence: [],
      expect: 'high',
    },
  ],
  references: [
    'Sundararajan, Taly & Yan 2017, "Axiomatic attribution for deep networks", ICML',
    'Sturmfels, Lundberg & Lee 2020, "Visualizing the impact of feature attribution baselines", Distill',
  ],
};

export const integratedGradientsExplainer: AttributionExplainer<typeof params> = {
  api: 2,
  id: 'integrated-gradients',
  family: 'attribution',
  description: 'Integrated gradients of the target logit along the straight path from a baseline.',
  needs: ['gradients'],
  output: 'logit',
  deterministic: true,
  card,
  params,
  explain({ ctx, batch, targets, params: p }) {
    const d = sizeOf(batch.sampleShape);
    const base = baselineInput(ctx.task, p.baseline, d);
    const q = p.method === 'riemann' ? riemannMidpoint(p.steps) : gaussLegendre(p.steps);
    const stacks: Stack[] = [];
    for (let i = 0; i < batch.n; i++) {
      const x = batch.data.subarray(i * d, (i + 1) * d);
      stacks.push({
        rows: p.steps,
        target: targets[i],
        writesAll: true,
        fill(out) {
          for (let s = 0; s < p.steps; s++) {
            const a = q.nodes[s];
            for (let k = 0; k < d; k++) out[s * d + k] = base[k] + a * (x[k] - base[k]);
          }
        },
      });
    }
    const grads = stackedGradients(ctx.engine, batch.sampleShape, stacks, 'logit');

    // f(x) and f(x') in one call, to report the completeness gap.
    const ends = new Float32Array(2 * batch.n * d);
    const endTargets = new Int32Array(2 * batch.n);
    for (let i = 0; i < batch.n; i++) {
      ends.set(batch.data.subarray(i * d, (i + 1) * d), 2 * i * d);
      ends.set(base, (2 * i + 1) * d);
      endTargets[2 * i] = endTargets[2 * i + 1] = targets[i];
    }
    const f = ctx.engine.targetOutputs({ n: 2 * batch.n, sampleShape: batch.sampleShape, data: ends }, endTargets, 'logit');

    const attributions = new Float32Array(batch.n * d);
    const reference = new Float32Array(batch.n);
    const extras: Record<string, unknown>[] = [];
    const avg = new Float64Array(d);
    for (let i = 0; i < batch.n; i++) {
      avg.fill(0);
      const g = grads[i];
      for (let s = 0; s < p.steps; s++) {
        const w = q.weights[s];
        for (let k = 0; k < d; k++) avg[k] += w * g[s * d + k];
      }
      let sum = 0;
      for (let k = 0; k < d; k++) {
        const v = (batch.data[i * d + k] - base[k]) * avg[k];
        attributions[i * d + k] = v;
        sum += v;
      }
      reference[i] = f[2 * i + 1];
      extras.push({ completenessDelta: sum - (f[2 * i] - f[2 * i + 1]) });
    }
    return { attributions, reference, extras };
  },
};
