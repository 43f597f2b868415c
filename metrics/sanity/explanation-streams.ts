/**
 * Which random streams a sanity check re-explains with. `shared` reuses the streams of the explanation
 * under test (common random numbers), so that the only thing that differs is what the check changes
 * (the weights, the class): an explanation that ignores the model, such as the random control, then
 * comes out identical and fails, as it should. `fresh` draws new streams, as the peers do by default;
 * a noisy method then looks dissimilar for its noise alone.
 */
import { oneOf } from '../../core/params.js';

export const streamsParam = oneOf(
  ['shared', 'fresh'],
  'shared',
  "random streams of the re-explanations: shared = the explanation under test's own (only the model or class differs), fresh = new ones",
);

/** The ReExplainer salt for a check; '' reproduces the original streams. */
export function streamSalt(streams: 'shared' | 'fresh', metricId: string): string {
  return streams === 'shared' ? '' : metricId;
}
