/**
 * Setting variants of a metric (to measure how much a ranking moves when a metric's own setting
 * changes): a profile declares, per metric, overrides of the metric's parameters (e.g. deletion-auc
 * with baseline=zero). The run scores them on the same explanations as the default setting and writes
 * them as result records carrying `variant` (the overriding parameters). Variant records never enter
 * ranks, criterion scores, the summary table, CI comparisons or resume bookkeeping: only the
 * leaderboard's `meta.sensitivity` reads them.
 */
import { UserError } from '../core/errors.js';
import type { ResultRecord } from './result-record.js';
import { type AnyParamValues, type ParamSpecs, resolveParams } from '../core/params.js';

export type VariantOverrides = Readonly<Record<string, number | string | boolean>>;

/** One variant of a metric as a run evaluates it. */
export interface ResolvedVariant {
  /** Only the parameters that differ from the run's own setting of the metric, as declared. */
  readonly overrides: VariantOverrides;
  /** The metric's complete parameters under the variant. */
  readonly params: AnyParamValues;
}

/** JSON with sorted keys: {a, b} and {b, a} name the same variant. */
function canonical(o: VariantOverrides): string {
  return JSON.stringify(Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]])));
}

/** A stable key of a variant (the empty string for the default setting). */
export function variantKey(variant: VariantOverrides | null | undefined): string {
  return variant ? canonical(variant) : '';
}

/** `baseline=zero` (`k=v,k=v` in key order), for people. */
export function variantLabel(variant: VariantOverrides): string {
  return Object.keys(variant)
    .sort()
    .map((k) => `${k}=${variant[k]}`)
    .join(',');
}

export const isVariantRecord = (r: ResultRecord): boolean => r.variant !== undefined;

/** The records of the metrics' own (default) settings: what ranks, tables and comparisons read. */
export function defaultRecords<R extends ResultRecord>(records: readonly R[]): R[] {
  return records.filter((r) => !isVariantRecord(r));
}

/**
 * Resolves a metric's declared variants against the run's setting of it (`base`: profile and user
 * overrides). Bad names or values fail like a bad --set, naming the profile. A variant that resolves to
 * the run's own setting says nothing and is dropped; duplicates are dropped.
 */
export function resolveVariants(
  metricId: string,
  specs: ParamSpecs,
  base: Readonly<Record<string, number | string | boolean>>,
  declared: readonly VariantOverrides[],
  where: string,
): ResolvedVariant[] {
  const own = JSON.stringify(resolveParams(specs, base, metricId));
  const seen = new Set<string>([own]);
  const out: ResolvedVariant[] = [];
  for (const overrides of declared) {
    if (Object.keys(overrides).length === 0) continue;
    let params: AnyParamValues;
    try {
      params = resolveParams(specs, { ...base, ...overrides }, metricId);
    } catch (e) {
      throw new UserError(`${where}: metricVariants of ${metricId}: ${(e as Error).message}`);
    }
    const key = JSON.stringify(params);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ overrides, params });
  }
  return out;
}
