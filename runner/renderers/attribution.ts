/** The attribution family's rendering: its sentence (attribution-text.ts) and its heatmap over the input. */
import { attributionText } from '../../explainers/attribution/attribution-text.js';
import { renderHeatmapPng } from '../../render/heatmap-png.js';
import type { ExplainedSample } from '../explanation-record.js';
import type { FamilyRenderer } from './types.js';

export const attributionRenderer: FamilyRenderer<ExplainedSample> = {
  text: (x, input, view) => attributionText({ task: view.task, input, attribution: x.attribution, target: x.target, output: view.output }),
  pictures: (x, input, view) => {
    const heatmap = renderHeatmapPng({ input, attribution: x.attribution, shape: view.task.sampleShape });
    return [{ suffix: '', data: heatmap }];
  },
};
