/**
 * The four committed UCI tables (data/datasets/README.md has their provenance): iris, wine and breast
 * cancer as standardised tabular sets, digits8x8 as 8x8 images scaled to [0, 1] by /16 (no
 * standardisation, so the all-zero baseline is a blank image).
 */
import { join } from 'node:path';
import { makeBatch } from '../core/batch.js';
import { readCsvTable } from './csv-table.js';
import { type Dataset, pixelNames } from './dataset.js';
import { DATA_DIR } from './paths.js';
import { stratifiedSplit } from './split.js';
import { rows, tabularDataset } from './tabular.js';

const UCI = 'UCI Machine Learning Repository (CC BY 4.0), as redistributed by scikit-learn 1.2.1';

interface CsvSetSpec {
  readonly file: string;
  readonly name: string;
  readonly description: string;
  /** One unit for every feature ('' where the README gives none). */
  readonly unit: string;
}

const CSV_SETS = {
  iris: { file: 'iris.csv', name: 'Iris', description: 'Fisher iris: 4 flower measurements (cm), 3 species', unit: 'cm' },
  wine: { file: 'wine.csv', name: 'Wine recognition', description: 'UCI wine: 13 chemical measurements, 3 cultivars', unit: '' },
  'breast-cancer': {
    file: 'breast_cancer.csv',
    name: 'Breast Cancer Wisconsin (Diagnostic)',
    description: 'UCI breast cancer: 30 cell-nucleus measurements, malignant vs benign',
    unit: '',
  },
} as const satisfies Record<string, CsvSetSpec>;

export type CsvSetId = keyof typeof CSV_SETS;

export function loadCsvSet(id: CsvSetId): Dataset {
  const spec: CsvSetSpec = CSV_SETS[id];
  const t = readCsvTable(join(DATA_DIR, spec.file));
  return tabularDataset({
    info: { id, name: spec.name, source: `${UCI}; data/datasets/${spec.file}`, hash: t.hash, synthetic: false },
    description: spec.description,
    featureNames: t.featureNames,
    units: t.featureNames.map(() => spec.unit),
    classes: t.classes,
    n: t.n,
    d: t.d,
    x: t.x,
    y: t.y,
  });
}

export function loadDigits8x8(): Dataset {
  const t = readCsvTable(join(DATA_DIR, 'digits8x8.csv'));
  if (t.d !== 64) throw new Error(`digits8x8.csv: expected 64 pixel columns, found ${t.d}`);
  const { train, test } = stratifiedSplit(t.y, 'digits8x8');
  const x = t.x.map((v) => v / 16);
  return {
    info: {
      id: 'digits8x8',
      name: 'Optical Recognition of Handwritten Digits (8x8)',
      source: `${UCI}; data/datasets/digits8x8.csv`,
      hash: t.hash,
      synthetic: false,
    },
    description: 'UCI 8x8 handwritten digits (1,797), pixel counts 0..16 scaled to [0, 1]',
    kind: 'image',
    sampleShape: [8, 8, 1],
    classes: t.classes,
    featureNames: pixelNames(8, 8),
    train: { x: makeBatch(rows(x, 64, train), [8, 8, 1]), y: Int32Array.from(train, (r) => t.y[r]) },
    test: { x: makeBatch(rows(x, 64, test), [8, 8, 1]), y: Int32Array.from(test, (r) => t.y[r]) },
  };
}
