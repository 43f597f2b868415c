/**
 * Guided Grad-CAM (Selvaraju et al. 2017): guided backpropagation (guided-rules.ts) multiplied element
 * by element with the Grad-CAM map upsampled to the input (grad-cam-map.ts), as Captum's GuidedGradCam
 * multiplies them; the map is upsampled bilinearly as the paper does.
 */
import type { AttributionExplainer } from '../types.js';
import { convLayerParam, perChannel } from './grad-cam.js';
import { guidedGradCamCard, guidedGradCamDifferences } from './guided-grad-cam.card.js';
import { gradCamMaps } from './grad-cam-map.js';
import { guidedGradients } from './guided-rules.js';

const params = { layer: convLayerParam } as const;

export const guidedGradCamExplainer: AttributionExplainer<typeof params> = {
  api: 2,
  id: 'guided-grad-cam',
  family: 'attribution',
  description: 'Guided Grad-CAM: guided backpropagation times the upsampled Grad-CAM map.',
  needs: ['gradients', 'layers', 'conv-layers'],
  kinds: ['image'],
  output: 'logit',
  deterministic: true,
  properties: ['determinism'],
  card: guidedGradCamCard,
  differences: guidedGradCamDifferences,
  params,
  explain({ ctx, batch, targets, params: p }) {
    const cam = perChannel(gradCamMaps(ctx.engine, batch, targets, p.layer, 'guided-grad-cam'), batch.sampleShape, batch.n);
    const attributions = guidedGradients(ctx.engine, batch, targets, 'guided-backprop');
    for (let k = 0; k < attributions.length; k++) attributions[k] *= cam[k];
    return { attributions };
  },
};
