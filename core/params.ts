/**
 * Typed parameter declarations. Explainers and metrics declare their parameters as data; `--set`
 * values are parsed and checked against the declaration (unknown name, wrong type, out of range are
 * user errors naming the parameter), and `list` prints the declarations.
 */
import { UserError } from './errors.js';

export interface NumberParam {
  readonly kind: 'number';
  readonly integer: boolean;
  readonly default: number;
  readonly min?: number;
  readonly max?: number;
  readonly description: string;
}
export interface BooleanParam {
  readonly kind: 'boolean';
  readonly default: boolean;
  readonly description: string;
}
export interface EnumParam<V extends string = string> {
  readonly kind: 'enum';
  readonly values: readonly V[];
  readonly default: V;
  readonly description: string;
}
export interface StringParam {
  readonly kind: 'string';
  readonly default: string;
  /** Checked against the whole value; say what it means in `patternHint`. */
  readonly pattern?: RegExp;
  readonly patternHint?: string;
  readonly description: string;
}
export type ParamSpec = NumberParam | BooleanParam | EnumParam | StringParam;
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

type ValueOf<S> = S extends NumberParam
  ? number
  : S extends BooleanParam
    ? boolean
    : S extends EnumParam<infer V>
      ? V
      : string;
export type ParamValues<S extends ParamSpecs> = { readonly [K in keyof S]: ValueOf<S[K]> };
export type AnyParamValues = Readonly<Record<string, number | boolean | string>>;

export const int = (o: { default: number; min?: number; max?: number; description: string }): NumberParam => ({
  kind: 'number',
  integer: true,
  ...o,
});
export const num = (o: { default: number; min?: number; max?: number; description: string }): NumberParam => ({
  kind: 'number',
  integer: false,
  ...o,
});
export const bool = (o: { default: boolean; description: string }): BooleanParam => ({ kind: 'boolean', ...o });
export const oneOf = <const V extends string>(values: readonly V[], def: NoInfer<V>, description: string): EnumParam<V> => ({
  kind: 'enum',
  values,
  default: def,
  description,
});
export const str = (o: { default: string; pattern?: RegExp; patternHint?: string; description: string }): StringParam => ({
  kind: 'string',
  ...o,
});

export function defaults<S extends ParamSpecs>(specs: S): ParamValues<S> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) out[name] = spec.default;
  return out as ParamValues<S>;
}

/** Parses one textual value against its declaration; `where` names the owner for messages. */
export function parseParam(spec: ParamSpec, name: string, raw: string, where: string): number | boolean | string {
  const at = `${where}.${name}`;
  switch (spec.kind) {
    case 'number': {
      const v = raw.trim() === '' ? NaN : Number(raw);
      if (!Number.isFinite(v)) throw new UserError(`--set ${at}=${raw}: expected a finite number`);
      return checkNumber(spec, at, v);
    }
    case 'boolean': {
      if (/^(true|1|yes)$/i.test(raw)) return true;
      if (/^(false|0|no)$/i.test(raw)) return false;
      throw new UserError(`--set ${at}=${raw}: expected true or false`);
    }
    case 'enum': {
      if (!spec.values.includes(raw)) throw new UserError(`--set ${at}=${raw}: expected one of ${spec.values.join(', ')}`);
      return raw;
    }
    case 'string': {
      if (spec.pattern && !spec.pattern.test(raw)) {
        throw new UserError(`--set ${at}=${raw}: expected ${spec.patternHint ?? `a value matching ${spec.pattern}`}`);
      }
      return raw;
    }
  }
}

function checkNumber(spec: NumberParam, at: string, v: number): number {
  if (spec.integer && !Number.isInteger(v)) throw new UserError(`--set ${at}=${v}: expected an integer`);
  if (spec.min !== undefined && v < spec.min) throw new UserError(`--set ${at}=${v}: must be >= ${spec.min}`);
  if (spec.max !== undefined && v > spec.max) throw new UserError(`--set ${at}=${v}: must be <= ${spec.max}`);
  return v;
}

/**
 * Resolves a full parameter set: declared defaults overridden by `overrides` (raw strings from --set,
 * or already-typed values from a profile or config file, which are checked just the same).
 */
export function resolveParams<S extends ParamSpecs>(
  specs: S,
  overrides: Readonly<Record<string, string | number | boolean>>,
  where: string,
): ParamValues<S> {
  const out: Record<string, unknown> = defaults(specs);
  for (const [name, raw] of Object.entries(overrides)) {
    const spec = specs[name];
    if (!spec) {
      const known = Object.keys(specs);
      throw new UserError(
        `--set ${where}.${name}: unknown parameter of ${where}` + (known.length ? ` (known: ${known.join(', ')})` : ' (it has none)'),
      );
    }
    out[name] = parseParam(spec, name, String(raw), where);
  }
  return out as ParamValues<S>;
}

/** One line per parameter, for `list` and `--help`. */
export function describeParams(specs: ParamSpecs): string[] {
  return Object.entries(specs).map(([name, s]) => {
    let type: string;
    switch (s.kind) {
      case 'number':
        type = `${s.integer ? 'int' : 'number'}${s.min !== undefined || s.max !== undefined ? ` [${s.min ?? '-inf'}, ${s.max ?? 'inf'}]` : ''}`;
        break;
      case 'boolean':
        type = 'boolean';
        break;
      case 'enum':
        type = s.values.join('|');
        break;
      case 'string':
        type = s.patternHint ?? 'string';
        break;
    }
    return `${name} = ${String(s.default)}  (${type})  ${s.description}`;
  });
}

/**
 * Splits `--set` arguments (`id.param=value`) by owner id. Owner ids may contain dots only if listed in
 * `owners`; the longest matching owner prefix wins. Without a dot the owner is `defaultOwner`.
 */
export function splitSets(
  sets: readonly string[],
  owners: readonly string[],
  defaultOwner?: string,
): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new UserError(`--set ${s}: expected <id>.<param>=<value>`);
    const key = s.slice(0, eq);
    const value = s.slice(eq + 1);
    const owner = [...owners].sort((a, b) => b.length - a.length).find((o) => key.startsWith(`${o}.`));
    let ownerId: string;
    let param: string;
    if (owner) {
      ownerId = owner;
      param = key.slice(owner.length + 1);
    } else if (!key.includes('.') && defaultOwner) {
      ownerId = defaultOwner;
      param = key;
    } else {
      const id = key.includes('.') ? key.slice(0, key.indexOf('.')) : key;
      throw new UserError(`--set ${s}: unknown id '${id}' (expected one of: ${owners.join(', ')})`);
    }
    const rec = out.get(ownerId) ?? {};
    rec[param] = value;
    out.set(ownerId, rec);
  }
  return out;
}
