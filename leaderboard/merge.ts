/**
 * Merges result records of the same (task, explainer, metric) cell, from one run or from several runs
 * and shards, by sample id. The same sample may appear twice (a shard re-run, a run aggregated twice)
 * only with the same value; everything that defines what a number means (model, dataset, parameters,
 * output, criterion, direction) must agree, or the merge is refused naming both runs.
 */
import { UserError } from '../core/errors.js';
import type { ResultRecord } from '../runner/result-record.js';
import { variantKey } from '../runner/metric-variants.js';
import { cellKey } from '../runner/results-store.js';
import type { Criterion, Direction } from '../metrics/types.js';
import type { OutputKind } from '../core/model.js';
import type { ParamRecord } from './types.js';

export interface MergedCell {
  readonly task: string;
  readonly explainer: string;
  readonly metric: string;
  readonly criterion: Criterion;
  readonly direction: Direction;
  readonly explainerParams: ParamRecord;
  readonly metricParams: ParamRecord;
  readonly output: OutputKind;
  readonly modelHash: string;
  readonly datasetHash: string;
  /** Sample id to value (null: could not be computed). */
  readonly values: ReadonlyMap<string, number | null>;
  readonly nullReasons: Readonly<Record<string, number>>;
  /** Contributing run ids, sorted. */
  readonly runs: readonly string[];
  /** The overridden parameters of a setting variant; null for the metric's own setting. */
  readonly variant: ParamRecord | null;
}

/** JSON with sorted keys, so {a, b} and {b, a} compare equal. */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

/** Remembers the first run that stated each fact and refuses a different statement. */
class Agreement {
  private readonly seen = new Map<string, { value: string; run: string }>();

  check(scope: string, field: string, value: unknown, run: string): void {
    const key = `${scope}\u0000${field}`;
    const v = canonical(value);
    const first = this.seen.get(key);
    if (!first) {
      this.seen.set(key, { value: v, run });
    } else if (first.value !== v) {
      throw new UserError(
        `runs ${first.run} and ${run} disagree on ${field} of ${scope}: ${first.value} vs ${v} (they cannot be merged)`,
      );
    }
  }
}

interface Building {
  first: ResultRecord;
  values: Map<string, { value: number | null; run: string }>;
  nullReasons: Record<string, number>;
  runs: Set<string>;
}

export function mergeCells(records: readonly ResultRecord[]): MergedCell[] {
  const agree = new Agreement();
  const cells = new Map<string, Building>();
  for (const rec of records) {
    // A setting variant is a cell of its own: its parameters differ from the default's by design.
    const vKey = variantKey(rec.variant);
    const variantNote = rec.variant ? ` (variant ${vKey})` : '';
    const cell = `cell ${rec.task}/${rec.explainer}/${rec.metric}${variantNote}`;
    // A failed cell (a plugin threw or timed out) never loaded its task: it has no hashes to compare.
    if (!rec.failure) {
      agree.check(`task ${rec.task}`, 'modelHash', rec.modelHash, rec.run);
      agree.check(`task ${rec.task}`, 'datasetHash', rec.datasetHash, rec.run);
    }
    const metricScope = `metric ${rec.metric}${variantNote} on task ${rec.task}`;
    agree.check(metricScope, 'criterion', rec.criterion, rec.run);
    agree.check(metricScope, 'direction', rec.direction, rec.run);
    agree.check(metricScope, 'metricParams', rec.metricParams, rec.run);
    agree.check(cell, 'explainerParams', rec.explainerParams, rec.run);
    agree.check(cell, 'output', rec.output, rec.run);

    const key = `${cellKey(rec.task, rec.explainer, rec.metric)}|${vKey}`;
    let b = cells.get(key);
    if (!b) {
      b = { first: rec, values: new Map(), nullReasons: {}, runs: new Set() };
      cells.set(key, b);
    }
    b.runs.add(rec.run);
    if (rec.failure) b.nullReasons[rec.failure] = (b.nullReasons[rec.failure] ?? 0) + 1;
    let newNulls = 0;
    rec.sampleIds.forEach((id, i) => {
      const value = rec.values[i];
      const prev = b.values.get(id);
      if (!prev) {
        b.values.set(id, { value, run: rec.run });
        if (value === null) newNulls++;
      } else if (prev.value !== value) {
        throw new UserError(
          `runs ${prev.run} and ${rec.run} give different values for sample ${id} in ${cell}: ${prev.value} vs ${value}`,
        );
      }
    });
    // Reasons are counted per record, not per sample: add them only for nulls this record brought.
    const recNulls = rec.values.filter((v) => v === null).length;
    if (newNulls > 0) {
      const reasons = Object.entries(rec.nulls);
      if (newNulls === recNulls) {
        for (const [reason, count] of reasons) b.nullReasons[reason] = (b.nullReasons[reason] ?? 0) + count;
      } else {
        const reason = reasons.length === 1 ? reasons[0][0] : 'unattributed (partly overlapping shards)';
        b.nullReasons[reason] = (b.nullReasons[reason] ?? 0) + newNulls;
      }
    }
  }
  return [...cells.values()].map(({ first, values, nullReasons, runs }) => ({
    task: first.task,
    explainer: first.explainer,
    metric: first.metric,
    criterion: first.criterion,
    direction: first.direction,
    explainerParams: first.explainerParams,
    metricParams: first.metricParams,
    output: first.output,
    modelHash: first.modelHash,
    datasetHash: first.datasetHash,
    values: new Map([...values].map(([id, v]) => [id, v.value])),
    nullReasons,
    runs: [...runs].sort(),
    variant: first.variant ?? null,
  }));
}
