/**
 * Validation of every file format against its JSON Schema in schemas/ (draft 2020-12, ajv 8).
 * Schemas are compiled once per process; errors come back as one readable line each
 * ("/values/3: must be number,null") so a user can find the field at fault. The validator knows the
 * formats by name only: the TypeScript type a valid object has is the caller's (`assertValid<RunInfo>`),
 * so that the modules declaring the formats may use the validator without an import cycle.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { UserError } from './errors.js';
import { explanationErrors } from './explanation-checks.js';
import { packageRoot } from './package-root.js';

/** The formats with a schema in schemas/<kind>.schema.json. */
export type SchemaKind =
  | 'result'
  | 'run'
  | 'leaderboard'
  | 'explanation'
  | 'human'
  | 'task-config'
  | 'survey-design'
  | 'survey-design-record'
  | 'survey-plan'
  | 'axioms'
  | 'protected-evidence';
// 'human' and 'protected-evidence' come before 'leaderboard', whose sections refer to them by $id; 'survey-design' before the record.
const SCHEMA_KINDS: readonly SchemaKind[] = [
  'result',
  'run',
  'human',
  'protected-evidence',
  'leaderboard',
  'explanation',
  'task-config',
  'survey-design',
  'survey-design-record',
  'survey-plan',
  'axioms',
];

let compiled: Map<SchemaKind, ValidateFunction> | null = null;

function validators(): Map<SchemaKind, ValidateFunction> {
  if (compiled) return compiled;
  // ajv is CommonJS: under NodeNext its default import is module.exports, whose `.default` is the class.
  const ajv = new Ajv2020.default({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, discriminator: true });
  const map = new Map<SchemaKind, ValidateFunction>();
  for (const kind of SCHEMA_KINDS) {
    const file = join(packageRoot(), 'schemas', `${kind}.schema.json`);
    map.set(kind, ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object));
  }
  compiled = map;
  return map;
}

function describe(e: ErrorObject): string {
  const at = e.instancePath || '/';
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'type' && typeof e.data === 'number' && !Number.isFinite(e.data)) {
    // ajv's number type excludes NaN and ±Infinity, which JSON cannot carry anyway.
    return `${at}: ${e.data} is not finite (a value that cannot be computed is null with a reason)`;
  }
  switch (e.keyword) {
    case 'additionalProperties':
      return `${at}: unknown field '${String(p.additionalProperty)}'`;
    case 'required':
      return `${at}: missing field '${String(p.missingProperty)}'`;
    case 'enum':
      return `${at}: must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'discriminator':
      return `${e.instancePath}/${String(p.tag)}: ${JSON.stringify(p.tagValue)} is not a known value`;
    case 'const':
      return `${at}: must be ${JSON.stringify(p.allowedValue)}`;
    default:
      return `${at}: ${e.message ?? e.keyword}`;
  }
}

/** Checks a JSON Schema cannot express (array alignment, path parity). */
function semanticErrors(kind: SchemaKind, obj: unknown): string[] {
  if (kind === 'explanation') return explanationErrors(obj);
  if (kind !== 'result') return [];
  const rec = obj as { readonly values: readonly unknown[]; readonly sampleIds: readonly string[] };
  const errors: string[] = [];
  if (rec.values.length !== rec.sampleIds.length) {
    errors.push(`/values: ${rec.values.length} values for ${rec.sampleIds.length} sampleIds`);
  }
  const seen = new Set<string>();
  rec.sampleIds.forEach((id, i) => {
    if (seen.has(id)) errors.push(`/sampleIds/${i}: duplicate sample id '${id}'`);
    seen.add(id);
  });
  return errors;
}

/** Readable errors of `obj` against the `kind` schema; empty when valid. */
export function validate(kind: SchemaKind, obj: unknown): string[] {
  const check = validators().get(kind)!;
  if (!check(obj)) {
    // Deduplicate: allErrors may report one place several times through oneOf branches.
    return [...new Set((check.errors ?? []).map(describe))];
  }
  return semanticErrors(kind, obj);
}

/**
 * Throws UserError("<where>: <kind> <errors>") when `obj` is not a valid `kind`; the caller names the
 * type a valid `kind` has (`assertValid<ResultRecord>('result', ...)`).
 */
export function assertValid<T>(kind: SchemaKind, obj: unknown, where: string): asserts obj is T {
  const errors = validate(kind, obj);
  if (errors.length === 0) return;
  const shown = errors.slice(0, 5).join('; ');
  const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
  throw new UserError(`${where}: not a valid xai-bench/${kind}@1: ${shown}${more}`);
}
