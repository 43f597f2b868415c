/**
 * What `xai-bench ci` (cli/ci-command.ts, leaderboard/ci/compare.ts) can and cannot detect against each
 * committed baseline (data/baselines/<profile>/), computed from the baseline's own records for the
 * "score your explainer" page: samples per cell, compared cells per explainer, the smallest p-value a
 * cell can reach and so the most cells under which any change can still pass Holm's correction, and each
 * metric's tolerance. Nothing here is written by hand: a new baseline changes the page.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../core/package-root.js';
import { ALPHA, DEFAULT_TOLERANCE, smallestP } from '../../leaderboard/ci/compare.js';
import { metrics as registeredMetrics } from '../../metrics/index.js';
import { defaultRecords } from '../../runner/metric-variants.js';
import { readRunFolders } from '../../runner/results-store.js';

export interface BaselineFacts {
  readonly profile: string;
  readonly seed: number;
  readonly tasks: number;
  readonly explainers: readonly string[];
  readonly metrics: number;
  /** The profile's inputs per task (config.samplesPerTask). */
  readonly samplesPerTask: number;
  /** Largest and smallest number of paired samples of a compared cell with any value. */
  readonly samplesMax: number;
  readonly samplesMin: number;
  /** Compared cells (ranked metrics with a finite tolerance) of the explainer with the most and the fewest. */
  readonly cellsMax: number;
  readonly cellsMin: number;
  /** The smallest p a cell with samplesMax samples can reach. */
  readonly smallestP: number;
  /** The most compared cells under which a change of samplesMax samples can still pass Holm at ALPHA. */
  readonly cellsThatCanPass: number;
}

export interface CiFacts {
  readonly alpha: number;
  readonly defaultTolerance: number;
  /** Per metric with its own tolerance (Infinity, machine-dependent: written as null). */
  readonly tolerances: readonly { readonly metric: string; readonly tolerance: number | null }[];
  readonly baselines: readonly BaselineFacts[];
}

function baselineFacts(dir: string, profile: string, tolerance: (m: string) => number): BaselineFacts {
  const [folder] = readRunFolders([dir]);
  const config = folder.run.config as { samplesPerTask?: number };
  const compared = defaultRecords(folder.records).filter((r) => r.direction !== 'descriptive' && Number.isFinite(tolerance(r.metric)));
  const perExplainer = new Map<string, number>();
  for (const r of compared) perExplainer.set(r.explainer, (perExplainer.get(r.explainer) ?? 0) + 1);
  const counts = [...perExplainer.values()];
  const samples = compared.map((r) => r.values.filter((v) => v !== null).length).filter((n) => n > 0);
  const samplesMax = samples.length ? Math.max(...samples) : 0;
  const p = smallestP(samplesMax);
  return {
    profile,
    seed: folder.run.seed,
    tasks: new Set(folder.records.map((r) => r.task)).size,
    explainers: [...perExplainer.keys()].sort(),
    metrics: new Set(folder.records.map((r) => r.metric)).size,
    samplesPerTask: config.samplesPerTask ?? samplesMax,
    samplesMax,
    samplesMin: samples.length ? Math.min(...samples) : 0,
    cellsMax: counts.length ? Math.max(...counts) : 0,
    cellsMin: counts.length ? Math.min(...counts) : 0,
    smallestP: p,
    cellsThatCanPass: Math.floor(ALPHA / p + 1e-9),
  };
}

/** The facts of every committed baseline of the package (none: an empty list). */
export function ciFacts(): CiFacts {
  const tolerance = (id: string) => registeredMetrics.find((m) => m.id === id)?.tolerance ?? DEFAULT_TOLERANCE;
  const root = join(packageRoot(), 'data', 'baselines');
  const profiles = existsSync(root) ? readdirSync(root).filter((d) => existsSync(join(root, d, 'run.json'))).sort() : [];
  return {
    alpha: ALPHA,
    defaultTolerance: DEFAULT_TOLERANCE,
    tolerances: registeredMetrics
      .filter((m) => m.tolerance !== undefined && m.direction !== 'descriptive')
      .map((m) => ({ metric: m.id, tolerance: Number.isFinite(m.tolerance) ? m.tolerance! : null })),
    baselines: profiles.map((p) => baselineFacts(join(root, p), p, tolerance)),
  };
}
