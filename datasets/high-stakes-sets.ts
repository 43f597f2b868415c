/**
 * The real high-stakes tables (data/datasets/README.md has provenance, units and codings): German
 * credit (protected: sex), Boston HMDA mortgage denials (protected: race) and modeldata's credit_data
 * (protected: marital status). Columns are typed by typed-csv.ts, then split and standardised like
 * every table (tabular.ts). The protected attribute is immutable for counterfactuals by default, and
 * sample ids are stratified by its level (task-from-dataset.ts).
 * Its true effect on the label is unknown on real data (NaN); only the model's dependence is measured.
 */
import { join } from 'node:path';
import type { Dataset } from './dataset.js';
import { DATA_DIR } from './paths.js';
import { tabularDataset } from './tabular.js';
import type { FeatureScale, ProtectedAttribute } from './task.js';
import { readTypedCsv, type UnitsByName } from './typed-csv.js';

interface HighStakesSpec {
  readonly file: string;
  readonly name: string;
  readonly source: string;
  readonly description: string;
  readonly units: UnitsByName;
  readonly protectedName: string;
  readonly favourableClass: string;
}

const HIGH_STAKES = {
  'german-credit': {
    file: 'german_credit.csv',
    name: 'Statlog German credit',
    source: 'Statlog German Credit (Hofmann 1994, UCI, CC BY 4.0) via R caret 6.0.93 GermanCredit',
    description: 'German credit risk (1000 applicants, 20 features, 13 categorical; amounts in Deutsche Mark), protected: sex',
    units: {
      duration_months: 'months',
      amount_dm: 'DM',
      installment_rate_pct: '% of income (code 1-4)',
      residence_years: 'years (code 1-4)',
      age_years: 'years',
      existing_credits: 'credits',
      dependents: 'people',
    },
    protectedName: 'sex',
    favourableClass: 'good',
  },
  hmda: {
    file: 'hmda.csv',
    name: 'Boston HMDA mortgage applications',
    source: 'Boston HMDA (Munnell et al. 1996; Stock and Watson 2007) via R AER 1.2.10 HMDA',
    description: 'Boston mortgage denials (2380 applications, 13 features), protected: race',
    units: {
      payment_income_ratio: 'ratio',
      housing_income_ratio: 'ratio',
      loan_value_ratio: 'ratio',
      consumer_credit_score: 'score 1 (best)-6',
      mortgage_credit_score: 'score 1 (best)-4',
      unemployment_rate_pct: '%',
    },
    protectedName: 'race',
    favourableClass: 'approved',
  },
  'credit-data': {
    file: 'credit_data.csv',
    name: 'Credit scoring (modeldata credit_data)',
    source: 'Credit scoring data of L. A. Belanche Muñoz via R modeldata 1.1.0 credit_data (MIT)',
    description: 'credit scoring (4039 applicants, 13 features), protected: marital status',
    units: { seniority_years: 'years', time_months: 'months', age_years: 'years' },
    protectedName: 'marital',
    favourableClass: 'good',
  },
} as const satisfies Record<string, HighStakesSpec>;

export type HighStakesId = keyof typeof HIGH_STAKES;

export function loadHighStakesSet(id: HighStakesId): Dataset {
  const spec: HighStakesSpec = HIGH_STAKES[id];
  const t = readTypedCsv(join(DATA_DIR, spec.file), spec.units);
  const f = t.features.find((g) => g.name === spec.protectedName);
  if (!f || f.kind !== 'categorical') throw new Error(`${spec.file}: protected attribute '${spec.protectedName}' is not a categorical column`);
  const protectedAttribute: ProtectedAttribute = {
    feature: f.columns[0],
    name: f.name,
    trueEffect: NaN,
    levels: f.levels,
    columns: f.columns,
    favourableClass: spec.favourableClass,
  };
  const data = tabularDataset({
    info: { id, name: spec.name, source: `${spec.source}; data/datasets/${spec.file}`, hash: t.hash, synthetic: false },
    description: spec.description,
    featureNames: t.columnNames,
    units: t.columnNames.map((c) => spec.units[c] ?? ''),
    classes: t.classes,
    n: t.n,
    d: t.d,
    x: t.x,
    y: t.y,
    protectedAttribute,
    features: t.features,
    immutable: [f.name],
  });
  return { ...data, sampleGroups: levelsOfRows(data.test.x.data, t.d, f.columns, data.scale!) };
}

/** The level index of each row (binary: the raw 0/1; one-hot: the column holding the 1). */
function levelsOfRows(x: Float32Array, d: number, cols: readonly number[], scale: FeatureScale): Int32Array {
  const n = x.length / d;
  const raw = (i: number, c: number) => x[i * d + c] * scale.std[c] + scale.mean[c];
  return Int32Array.from({ length: n }, (_, i) => {
    if (cols.length === 1) return raw(i, cols[0]) >= 0.5 ? 1 : 0;
    let best = 0;
    cols.forEach((c, k) => {
      if (raw(i, c) > raw(i, cols[best])) best = k;
    });
    return best;
  });
}
