/**
 * A loaded data set, before any model is attached: splits in model-input space plus everything a Task
 * reports about its inputs. The training script and the task registry both start from one of these.
 */
import type { Batch } from '../core/batch.js';
import type { Rng } from '../core/rng.js';
import type { DatasetInfo, FeatureScale, GroundTruth, ProtectedAttribute, Split, TaskKind, TypedFeature } from './task.js';

/**
 * How the ground-truth check takes the class signal away and how it disturbs everything else, both on
 * the test split. The returned batches are aligned with test rows (labels unchanged).
 */
export interface SignalProbe {
  /** What is removed and what is disturbed, in words, for the check's `detail`. */
  readonly description: { readonly withoutSignal: string; readonly distractorsShuffled: string };
  withoutSignal(rng: Rng): Batch;
  distractorsShuffled(rng: Rng): Batch;
  /** Optional extra probes reported in the detail (e.g. the protected attribute alone permuted). */
  extras?(rng: Rng): { readonly name: string; readonly batch: Batch }[];
}

export interface Dataset {
  readonly info: DatasetInfo;
  readonly description: string;
  readonly kind: TaskKind;
  readonly sampleShape: readonly number[];
  readonly classes: readonly string[];
  readonly featureNames: readonly string[];
  readonly units?: readonly string[];
  readonly scale?: FeatureScale;
  readonly train: Split;
  readonly test: Split;
  readonly groundTruth?: GroundTruth;
  readonly protectedAttribute?: ProtectedAttribute;
  readonly features?: readonly TypedFeature[];
  readonly immutable?: readonly string[];
  /** A group per test row for stratified sample ids (the real high-stakes sets: the protected attribute's level). */
  readonly sampleGroups?: Int32Array;
  readonly probe?: SignalProbe;
}

/** `pixel(r,c)` names, row-major, for an image of the given height and width (channel 0). */
export function pixelNames(h: number, w: number): string[] {
  const names: string[] = [];
  for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) names.push(`pixel(${r},${c})`);
  return names;
}
