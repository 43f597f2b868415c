/**
 * Grad-CAM (Selvaraju et al. 2017) of the target logit at a Conv2D layer (default: the last), upsampled
 * bilinearly to the input (grad-cam-map.ts); every channel of a pixel gets the pixel's value. Models
 * without a Conv2D layer are refused.
 */
import { sizeOf } from '../../core/batch.js';
import { str } from '../../core/params.js';
import type { AttributionExplainer } from '../types.js';
import { gradCamCard, gradCamDifferences } from './grad-cam.card.js';
import { gradCamMaps } from './grad-cam-map.js';

export const convLayerParam = str({
  default: '',
  pattern: /^[^\s,]*$/,
  patternHint: "a Conv2D layer's name, or '' for the last",
  description: 'the Conv2D layer whose feature maps are weighed (\'\' = the last, as the paper and Captum examples do)',
});

const params = { layer: convLayerParam } as const;

/** Spreads an n x h x w map over the batch's channels. */
export function perChannel(maps: Float32Array, sampleShape: readonly number[], n: number): Float32Array {
  const c = sampleShape[2] ?? 1;
  const out = new Float32Array(n * sizeOf(sampleShape));
  for (let p = 0; p < maps.length; p++) out.fill(maps[p], p * c, (p + 1) * c);
  return out;
}

export const gradCamExplainer: AttributionExplainer<typeof params> = {
  api: 2,
  id: 'grad-cam',
  family: 'attribution',
  description: 'Grad-CAM: feature maps of a conv layer weighed by their mean gradient, ReLU, upsampled bilinearly to the input.',
  needs: ['gradients', 'layers', 'conv-layers'],
  kinds: ['image'],
  output: 'logit',
  deterministic: true,
  properties: ['determinism'],
  card: gradCamCard,
  differences: gradCamDifferences,
  params,
  explain({ ctx, batch, targets, params: p }) {
    const maps = gradCamMaps(ctx.engine, batch, targets, p.layer, 'grad-cam');
    return { attributions: perChannel(maps, batch.sampleShape, batch.n) };
  },
};
