/**
 * Typed features of a config task (`run --config`): the entry's `categorical` groups already-encoded
 * columns of the CSV into one categorical feature with named levels (one 0/1 column for two levels, or
 * one-hot columns, one per level), `protected` names the protected attribute (a categorical feature)
 * and `immutable` the features a counterfactual may not change (default: the protected attribute).
 * Every cell of a categorical column is checked: 0/1, and exactly one 1 per row in a one-hot group.
 */
import { UserError } from '../core/errors.js';
import type { ProtectedAttribute, TypedFeature } from './task.js';

export interface CategoricalDeclaration {
  readonly columns: readonly string[];
  readonly levels: readonly string[];
}

export interface ConfigTyping {
  readonly categorical?: Readonly<Record<string, CategoricalDeclaration>>;
  readonly protected?: string;
  readonly immutable?: readonly string[];
}

export interface TypedConfig {
  readonly features?: readonly TypedFeature[];
  readonly protectedAttribute?: ProtectedAttribute;
  readonly immutable?: readonly string[];
}

type Table = { readonly features: readonly string[]; readonly x: Float32Array };

function checkCells(at: string, name: string, t: Table, cols: readonly number[]): void {
  const d = t.features.length;
  const n = t.x.length / d;
  for (let r = 0; r < n; r++) {
    let ones = 0;
    for (const c of cols) {
      const v = t.x[r * d + c];
      if (v !== 0 && v !== 1) throw new UserError(`${at}.categorical.${name}: column '${t.features[c]}' holds ${v} in data row ${r + 1}; categorical columns hold 0 or 1`);
      ones += v;
    }
    if (cols.length > 1 && ones !== 1) throw new UserError(`${at}.categorical.${name}: data row ${r + 1} has ${ones} ones over its one-hot columns (exactly one expected)`);
  }
}

function categoricalFeature(at: string, name: string, decl: CategoricalDeclaration, t: Table, taken: Set<number>): TypedFeature {
  const cols = decl.columns.map((c) => {
    const j = t.features.indexOf(c);
    if (j < 0) throw new UserError(`${at}.categorical.${name}: '${c}' is not one of the task's features (${t.features.join(', ')})`);
    if (taken.has(j)) throw new UserError(`${at}.categorical.${name}: column '${c}' belongs to another categorical feature`);
    taken.add(j);
    return j;
  });
  const want = cols.length === 1 ? 2 : cols.length;
  if (decl.levels.length !== want) {
    throw new UserError(`${at}.categorical.${name}: ${decl.levels.length} levels for ${cols.length} column(s); expected ${want} (one column: two levels, 0 = first; one-hot: one level per column)`);
  }
  checkCells(at, name, t, cols);
  return { kind: 'categorical', name, levels: decl.levels, encoding: cols.length === 1 ? 'binary' : 'one-hot', columns: cols };
}

/** `at` names the entry in messages (`<config>: tasks[i]`); units are per feature column. */
export function typedConfig(at: string, typing: ConfigTyping, t: Table, units: readonly string[]): TypedConfig {
  if (!typing.categorical && !typing.protected && !typing.immutable) return {};
  const taken = new Set<number>();
  const cats = Object.entries(typing.categorical ?? {}).map(([name, decl]) => categoricalFeature(at, name, decl, t, taken));
  const numeric: TypedFeature[] = t.features.flatMap((name, j) => (taken.has(j) ? [] : [{ kind: 'numeric' as const, name, unit: units[j], columns: [j] }]));
  const features = [...cats, ...numeric].sort((a, b) => a.columns[0] - b.columns[0]);
  const names = features.map((f) => f.name);
  if (new Set(names).size !== names.length) throw new UserError(`${at}.categorical: a categorical feature's name is also a column name of another feature`);
  let protectedAttribute: ProtectedAttribute | undefined;
  if (typing.protected !== undefined) {
    const f = features.find((g) => g.name === typing.protected);
    if (!f || f.kind !== 'categorical') throw new UserError(`${at}.protected: '${typing.protected}' is not a categorical feature of the task (declare it under categorical)`);
    protectedAttribute = { feature: f.columns[0], name: f.name, trueEffect: NaN, levels: f.levels, columns: f.columns };
  }
  for (const n of typing.immutable ?? []) if (!names.includes(n)) throw new UserError(`${at}.immutable: '${n}' is not a feature of the task (${names.join(', ')})`);
  const immutable = typing.immutable ?? (protectedAttribute ? [protectedAttribute.name] : undefined);
  return { features, ...(protectedAttribute ? { protectedAttribute } : {}), ...(immutable ? { immutable } : {}) };
}
