/**
 * The words every layer shares: explainer families, what an explainer needs from a task, and text in
 * the site's two languages. Kept here (below explainers and datasets) so that tasks can say what they
 * offer and explainers what they need without importing each other.
 */

export type Family = 'attribution' | 'rules' | 'examples' | 'concept-path';
/** 'conv-layers': the model has a Conv2D layer (Grad-CAM needs its feature maps). */
export type Need = 'predict' | 'gradients' | 'layers' | 'conv-layers' | 'training-data' | 'generator' | 'knowledge-graph';

/** Text in the two languages every explanation is rendered in. */
export interface Bilingual {
  readonly en: string;
  readonly ko: string;
}
