/**
 * The family renderers, by family: the runner asks for a sample's text and pictures without knowing
 * which family explained it. A family without an entry draws nothing (rules and concept paths write
 * their own text and have no pictures).
 */
import type { Family } from '../../core/vocabulary.js';
import type { Bilingual } from '../../explainers/types.js';
import type { AnySample } from '../explanation-record.js';
import { attributionRenderer } from './attribution.js';
import { examplesRenderer } from './examples.js';
import type { FamilyRenderer, Picture, RenderView } from './types.js';

export type { Picture, RenderView } from './types.js';

const renderers: Partial<Record<Family, FamilyRenderer>> = {
  attribution: attributionRenderer as FamilyRenderer,
  examples: examplesRenderer as FamilyRenderer,
};

/** The text the family renders for a sample, or undefined where the explainer's own text stands. */
export function renderText(sample: AnySample, input: Float32Array, view: RenderView): Bilingual | undefined {
  return renderers[sample.family]?.text?.(sample, input, view);
}

/** The pictures of a sample; only explanations of image tasks are drawn. */
export function renderPictures(sample: AnySample, input: Float32Array, view: RenderView): Picture[] {
  if (view.task.kind !== 'image') return [];
  return renderers[sample.family]?.pictures?.(sample, input, view) ?? [];
}
