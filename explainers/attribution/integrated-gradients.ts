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
import type { AttributionExplainer } from '../types.js';
import { integratedGradientsCard } from './integrated-gradients.card.js';

const params = {
  steps: int({ default: 50, min: 1, max: 10000, description: 'quadrature nodes on the path (gradient passes per sample)' }),
  baseline: baselineParam('the path start x\''),
  method: oneOf(
    ['riemann', 'gauss-legendre'] as const,
    'gauss-legendre',
    "'riemann' = midpoint rule, 'gauss-legendre' = Gauss-Legendre nodes (Captum's default)",
  ),
} as const;

export const integratedGradientsExplainer: AttributionExplainer<typeof params> = {
  api: 2,
  id: 'integrated-gradients',
  family: 'attribution',
  description: 'Integrated gradients of the target logit along the straight path from a baseline.',
  needs: ['gradients'],
  output: 'logit',
  deterministic: true,
  properties: ['completeness', 'determinism', 'dummy', 'symmetry', 'linearity', 'implementation-invariance', 'saturation'],
  card: integratedGradientsCard,
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
