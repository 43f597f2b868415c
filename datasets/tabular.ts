/**
 * Turns a raw labelled table (original units) into a Dataset: stratified 70/30 split seeded by the data
 * set id, standardisation with training statistics (recorded as `scale` so text and rules can print
 * original units), and, for ground truth of kind 'features', the permutation probe of the check.
 */
import { makeBatch } from '../core/batch.js';
import type { Dataset } from './dataset.js';
import { featureProbe } from './feature-probe.js';
import { stratifiedSplit } from './split.js';
import { applyScale, fitScale } from './standardise.js';
import type { DatasetInfo, GroundTruth, ProtectedAttribute, TypedFeature } from './task.js';

export interface RawTable {
  readonly info: DatasetInfo;
  readonly description: string;
  readonly featureNames: readonly string[];
  readonly units: readonly string[];
  readonly classes: readonly string[];
  readonly n: number;
  readonly d: number;
  /** Raw values, row-major, original units. */
  readonly x: Float32Array;
  readonly y: Int32Array;
  readonly groundTruth?: GroundTruth;
  readonly protectedAttribute?: ProtectedAttribute;
  readonly features?: readonly TypedFeature[];
  readonly immutable?: readonly string[];
}

export function rows(x: Float32Array, d: number, idx: readonly number[]): Float32Array {
  const out = new Float32Array(idx.length * d);
  idx.forEach((r, k) => out.set(x.subarray(r * d, (r + 1) * d), k * d));
  return out;
}

export function tabularDataset(t: RawTable): Dataset {
  const { train, test } = stratifiedSplit(t.y, t.info.id);
  const rawTrain = rows(t.x, t.d, train);
  const scale = fitScale(rawTrain, train.length, t.d);
  const trainX = makeBatch(applyScale(rawTrain, scale), [t.d]);
  const testX = makeBatch(applyScale(rows(t.x, t.d, test), scale), [t.d]);
  const gt = t.groundTruth;
  const pa = t.protectedAttribute;
  return {
    info: t.info,
    description: t.description,
    kind: 'tabular',
    sampleShape: [t.d],
    classes: t.classes,
    featureNames: t.featureNames,
    units: t.units,
    scale,
    train: { x: trainX, y: Int32Array.from(train, (r) => t.y[r]) },
    test: { x: testX, y: Int32Array.from(test, (r) => t.y[r]) },
    groundTruth: gt,
    protectedAttribute: pa,
    features: t.features,
    immutable: t.immutable,
    probe:
      gt?.kind === 'features'
        ? featureProbe(testX, gt.relevant, t.featureNames, pa ? [{ name: `${pa.name} alone permuted`, cols: [pa.feature] }] : [])
        : undefined,
  };
}
