/** The examples family's rendering: a generative query's sample grid and latent tree (pictures.ts); it writes its own text. */
import { examplesPictures, isGenerativeQuery } from '../../explainers/examples/pictures.js';
import type { StructuredSample } from '../explanation-record.js';
import type { FamilyRenderer } from './types.js';

export const examplesRenderer: FamilyRenderer<StructuredSample> = {
  pictures: (x, _input, view) => (isGenerativeQuery(x.explanation) ? examplesPictures(x.explanation, view.task.sampleShape) : []),
};
