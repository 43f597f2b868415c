/**
 * The one place that names the random streams a run draws from. Each constructor spells the key of
 * one purpose (explaining, fitting, scoring, bootstrapping...), so two purposes never share a stream by
 * accident and a key is never spelt twice. The keys are the run's contract with its stored numbers:
 * changing one changes every value drawn from it (docs/principles.md (principle 2)).
 */
import { type Rng, rngFor } from './rng.js';

/** An explainer's per-sample stream on a task; `salt` (a re-explanation's) makes a fresh, independent draw. */
export function explainStream(seed: number, task: string, explainer: string, sampleId: string, purpose: string, salt?: string): Rng {
  return salt === undefined || salt === ''
    ? rngFor(seed, task, explainer, 'explain', sampleId, purpose)
    : rngFor(seed, task, explainer, 'explain', sampleId, purpose, salt);
}

/** An explainer's stream for fitting its global state (rule sets, background rows...) on a task. */
export function fitStream(seed: number, task: string, explainer: string, purpose: string): Rng {
  return rngFor(seed, task, explainer, 'fit', purpose);
}

/** A metric's per-sample stream in one (task, explainer) cell. */
export function metricStream(seed: number, task: string, explainer: string, metric: string, sampleId: string, purpose: string): Rng {
  return rngFor(seed, task, explainer, metric, sampleId, purpose);
}

/** A per-sample stream shared by every metric of a (task, explainer) pair (common random numbers). */
export function sharedMetricStream(seed: number, task: string, explainer: string, sampleId: string, purpose: string): Rng {
  return rngFor(seed, task, explainer, 'shared', sampleId, purpose);
}

/** The stream that re-initialises one layer of a randomised model copy. */
export function randomiseStream(seed: number, layer: string): Rng {
  return rngFor(seed, 'randomise', layer);
}

/** The key of a cell's paired bootstrap over explainers (numeric/bootstrap.ts draws from it). */
export function bootstrapStreamKey(task: string, metric: string): string[] {
  return ['bootstrap', task, metric];
}

/** A group's bootstrap stream over one task's samples (leaderboard groups). */
export function groupBootstrapStream(seed: number, group: string, task: string): Rng {
  return rngFor(seed, 'group-bootstrap', group, task);
}

/** The key of a cell's sign-flip test when a candidate is compared with a baseline. */
export function comparisonStreamKey(task: string, metric: string): string[] {
  return ['ci', task, metric];
}
