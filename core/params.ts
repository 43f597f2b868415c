/**
 * Typed parameter declarations. Explainers and metrics declare their parameters as data; `--set`
 * values are parsed and checked against the declaration (unknown name, wrong type, out of range, a
 * broken cross-parameter check are user errors naming the parameter, raised before any work starts),
 * and `list` prints the declarations.
 *
 * Kinds: numbers, booleans, enums, strings, and two kinds given as text: a list of numbers
 * (`numberList`) and a word or a number (`numberOr`, e.g. 'auto' or 0.5). Those two resolve to the text
 * itself, so results record exactly what was given; their declaration reads the text (`spec.read`).
 * Checks over several parameters (min < max) are declared with `withChecks`.
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
  /** A structured text (a list, a word or a number): accepted only when it reads. */
  readonly format?: TextFormat<unknown>;
  readonly description: string;
}
/** How a structured text parameter reads: its form in words, and its value or why it is refused. */
export interface TextFormat<T> {
  readonly hint: string;
  readonly parse: (text: string) => { readonly value: T } | { readonly problem: string };
}
/** A string parameter with a format: recorded as text, read into `T` where it is used. */
export interface TextParam<T> extends StringParam {
  readonly format: TextFormat<T>;
  /** The value of a resolved (already checked) text; a UserError if it does not read. */
  readonly read: (text: string) => T;
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
/** The resolved values, by parameter name (the declared checks, under a symbol, are not values). */
export type ParamValues<S extends ParamSpecs> = { readonly [K in keyof S as K extends string ? K : never]: ValueOf<S[K]> };
export type AnyParamValues = Readonly<Record<string, number | boolean | string>>;

interface NumberBounds {
  readonly min?: number;
  readonly max?: number;
}
type NumberOptions = NumberBounds & { default: number; description: string };

export const int = (o: NumberOptions): NumberParam => ({ kind: 'number', integer: true, ...o });
export const num = (o: NumberOptions): NumberParam => ({ kind: 'number', integer: false, ...o });
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

/** A number read from text: '' and anything `Number` does not make finite are refused. */
function numberFromText(text: string): number {
  return text.trim() === '' ? NaN : Number(text);
}

/** Why `v` breaks the bounds, or null. */
function boundsProblem(v: number, integer: boolean, b: NumberBounds): string | null {
  if (integer && !Number.isInteger(v)) return `${v} is not an integer`;
  if (b.min !== undefined && v < b.min) return `${v} is below ${b.min}`;
  if (b.max !== undefined && v > b.max) return `${v} is above ${b.max}`;
  return null;
}

const rangeText = (b: NumberBounds): string =>
  b.min !== undefined || b.max !== undefined ? ` [${b.min ?? '-inf'}, ${b.max ?? 'inf'}]` : '';

/** A TextParam from its format, checking that the declared default reads (a mistake in the declaration). */
function textParam<T>(format: TextFormat<T>, def: string, description: string): TextParam<T> {
  const parsed = format.parse(def);
  if ('problem' in parsed) throw new Error(`parameter default '${def}' does not read as ${format.hint}: ${parsed.problem}`);
  const read = (text: string): T => {
    const r = format.parse(text);
    if ('problem' in r) throw new UserError(`'${text}': expected ${format.hint}; ${r.problem}`);
    return r.value;
  };
  return { kind: 'string', default: def, format, read, description };
}

export interface NumberListOptions extends NumberBounds {
  readonly default: readonly number[];
  readonly integer?: boolean;
  /** Bounds on the number of elements (default: at least 1). */
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly description: string;
}

/**
 * A comma-separated list of numbers (`10,20,30`), each within [min, max], with minLength..maxLength
 * elements. The resolved value is the text as given; `read` gives the numbers.
 */
export function numberList(o: NumberListOptions): TextParam<number[]> {
  const integer = o.integer ?? false;
  const minLength = o.minLength ?? 1;
  const count =
    o.maxLength === undefined ? `${minLength} or more` : minLength === o.maxLength ? `${minLength}` : `${minLength} to ${o.maxLength}`;
  const hint = `${count} comma-separated ${integer ? 'integers' : 'numbers'}${rangeText(o)}`;
  const parse = (text: string): { value: number[] } | { problem: string } => {
    const parts = text.trim() === '' ? [] : text.split(',');
    if (parts.length < minLength) return { problem: `${parts.length} given` };
    if (o.maxLength !== undefined && parts.length > o.maxLength) return { problem: `${parts.length} given` };
    const value: number[] = [];
    for (const part of parts) {
      const v = numberFromText(part);
      if (!Number.isFinite(v)) return { problem: `'${part}' is not a number` };
      const problem = boundsProblem(v, integer, o);
      if (problem) return { problem };
      value.push(v);
    }
    return { value };
  };
  return textParam({ hint, parse }, o.default.join(','), o.description);
}

export interface NumberOrOptions extends NumberBounds {
  readonly default: string | number;
  readonly integer?: boolean;
  readonly description: string;
}

/**
 * A word or a number: `numberOr('auto', ...)` accepts 'auto' or a number within [min, max]. The
 * resolved value is the text as given; `read` gives the word or the number.
 */
export function numberOr<const W extends string>(word: W, o: NumberOrOptions): TextParam<W | number> {
  const integer = o.integer ?? false;
  const hint = `${word} | ${integer ? 'int' : 'number'}${rangeText(o)}`;
  const parse = (text: string): { value: W | number } | { problem: string } => {
    if (text === word) return { value: word };
    const v = numberFromText(text);
    if (!Number.isFinite(v)) return { problem: `'${text}' is neither ${word} nor a number` };
    const problem = boundsProblem(v, integer, o);
    return problem ? { problem } : { value: v };
  };
  return textParam({ hint, parse }, String(o.default), o.description);
}

/** A check over several resolved parameters (low < high), declared next to them with `withChecks`. */
export interface ParamCheck<V> {
  /** The parameters it reads: a refusal names them with their values. */
  readonly params: readonly (keyof V & string)[];
  /** What must hold, in words ('low < high'), for messages and `list`. */
  readonly rule: string;
  readonly holds: (values: V) => boolean;
}
/** Where `withChecks` keeps the checks on a declaration: a symbol, so they are never taken for a parameter. */
const PARAM_CHECKS: unique symbol = Symbol('xai-bench parameter checks');
/** What `withChecks` adds to a declaration (exported, so declaration files can name it). */
// A type, not an interface: an interface would not be assignable to ParamSpecs' index signature.
export type DeclaredChecks<V> = { readonly [PARAM_CHECKS]: readonly ParamCheck<V>[] };
type Checked<S extends ParamSpecs> = S & DeclaredChecks<ParamValues<S>>;

/**
 * Declares checks over the resolved values of `specs` (run by `resolveParams`, so a broken one is
 * refused before any work). The defaults must pass them.
 */
export function withChecks<S extends ParamSpecs>(specs: S, checks: readonly ParamCheck<ParamValues<S>>[]): Checked<S> {
  const out = { ...specs, [PARAM_CHECKS]: [...checksOf(specs), ...checks] } as Checked<S>;
  const broken = brokenCheck(out, defaults(specs));
  if (broken) throw new Error(`the defaults break the declared parameter check ${broken.rule}`);
  return out;
}

function checksOf(specs: ParamSpecs): readonly ParamCheck<AnyParamValues>[] {
  return (specs as { [PARAM_CHECKS]?: readonly ParamCheck<AnyParamValues>[] })[PARAM_CHECKS] ?? [];
}

function brokenCheck(specs: ParamSpecs, values: AnyParamValues): ParamCheck<AnyParamValues> | undefined {
  return checksOf(specs).find((c) => !c.holds(values));
}

export function defaults<S extends ParamSpecs>(specs: S): ParamValues<S> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) out[name] = spec.default;
  return out as ParamValues<S>;
}

/** Parses one textual value against its declaration; `where` names the owner for messages. */
function parseParam(spec: ParamSpec, name: string, raw: string, where: string): number | boolean | string {
  const refuse = (expected: string): never => {
    throw new UserError(`--set ${where}.${name}=${raw}: ${expected}`);
  };
  switch (spec.kind) {
    case 'number': {
      const v = numberFromText(raw);
      if (!Number.isFinite(v)) return refuse('expected a finite number');
      const problem = boundsProblem(v, spec.integer, spec);
      return problem ? refuse(`expected ${typeText(spec)}; ${problem}`) : v;
    }
    case 'boolean':
      if (/^(true|1|yes)$/i.test(raw)) return true;
      if (/^(false|0|no)$/i.test(raw)) return false;
      return refuse('expected true or false');
    case 'enum':
      return spec.values.includes(raw) ? raw : refuse(`expected one of ${spec.values.join(', ')}`);
    case 'string': {
      if (spec.pattern && !spec.pattern.test(raw)) return refuse(`expected ${spec.patternHint ?? `a value matching ${spec.pattern}`}`);
      const parsed = spec.format?.parse(raw);
      if (parsed && 'problem' in parsed) return refuse(`expected ${spec.format!.hint}; ${parsed.problem}`);
      return raw;
    }
  }
}

/**
 * Resolves a full parameter set: declared defaults overridden by `overrides` (raw strings from --set,
 * or already-typed values from a profile or config file, which are checked just the same), then the
 * declared checks over the result.
 */
export function resolveParams<S extends ParamSpecs>(
  specs: S,
  overrides: Readonly<Record<string, string | number | boolean>>,
  where: string,
): ParamValues<S> {
  const out: Record<string, number | boolean | string> = { ...defaults(specs) };
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
  const broken = brokenCheck(specs, out);
  if (broken) {
    const given = broken.params.map((p) => `${where}.${p}=${String(out[p])}`).join(' ');
    throw new UserError(`--set ${given}: expected ${broken.rule}`);
  }
  return out as ParamValues<S>;
}

function typeText(s: ParamSpec): string {
  switch (s.kind) {
    case 'number':
      return `${s.integer ? 'int' : 'number'}${rangeText(s)}`;
    case 'boolean':
      return 'boolean';
    case 'enum':
      return s.values.join('|');
    case 'string':
      return s.format?.hint ?? s.patternHint ?? 'string';
  }
}

/** One line per parameter, for `list` and `--help`; a declared check shows on the lines of the parameters it reads. */
export function describeParams(specs: ParamSpecs): string[] {
  const checks = checksOf(specs);
  return Object.entries(specs).map(([name, s]) => {
    const rules = checks.filter((c) => c.params.includes(name)).map((c) => `; must hold: ${c.rule}`);
    return `${name} = ${String(s.default)}  (${typeText(s)}${rules.join('')})  ${s.description}`;
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
