/**
 * A unit of a run: a (task, explainer) pair and its pending metrics, the plain data it needs (it may
 * travel to a worker), and the sink it hands its explanation lines, pictures and records to.
 */
import { join } from 'node:path';
import type { ExplanationRecord } from './explanation-record.js';
import type { ResolvedVariant } from './metric-variants.js';
import type { AnyParamValues } from '../core/params.js';
import type { ResultRecord } from './result-record.js';
import { ARTIFACTS_DIR } from './results-store.js';

export interface Unit {
  readonly task: string;
  readonly explainer: string;
  /** The metrics still to score (finished cells are never recomputed). */
  readonly metrics: readonly string[];
}

/** Everything a unit needs besides the registries: plain data, so it can travel to a worker. */
export interface UnitContext {
  readonly runId: string;
  readonly seed: number;
  readonly backend: string;
  readonly version: string;
  readonly commit: string | null;
  readonly samplesPerTask: number | 'all';
  /** Binary protected tasks: inputs per group at least (runner/protected-samples.ts); absent = none. */
  readonly protectedGroupMinimum?: number;
  /** Metrics scored on a prefix of the task's inputs (the profile's `metricSamples`). */
  readonly metricSamples: Readonly<Record<string, number>>;
  readonly explainChunk: number;
  /** Resolved parameters of the explainer and of each metric, by id. */
  readonly params: Readonly<Record<string, AnyParamValues>>;
  /** Setting variants to score besides each metric's own setting (the profile's `metricVariants`), by metric id. */
  readonly variants?: Readonly<Record<string, readonly ResolvedVariant[]>>;
  /** Explanation lines of this (task, explainer) already on disk (an interrupted run's). */
  readonly existing: readonly ExplanationRecord[];
  /** Where those lines are, for messages. */
  readonly where: string;
}

export interface Artifact {
  /** Relative to the run folder. */
  readonly path: string;
  readonly data: Uint8Array;
}

export interface UnitSink {
  step(label: string): void;
  /** New explanation lines of (task, explainer) and their pictures. */
  explanations(task: string, explainer: string, lines: readonly ExplanationRecord[], artifacts: readonly Artifact[]): void;
  result(record: ResultRecord): void;
}

/** Where the run keeps a picture of one explanation (docs/formats.md, "Run folder"). */
export function artifactPath(task: string, explainer: string, sampleId: string): string {
  return join(ARTIFACTS_DIR, task, explainer, `${sampleId}.png`);
}
