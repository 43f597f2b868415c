/**
 * The benchmark's own speed, for the site's provenance page: what `npm run bench:perf` and
 * `npm run bench:profile` measured (tools/bench/results/perf.json and profiles.json). A published leaderboard
 * keeps its copy (data/leaderboard/performance.json, written by publish); a site built from a run folder
 * shows the package's bench results when the checkout has them. The file is read as data: rows that do
 * not have the expected fields are dropped, never shown half.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../core/package-root.js';

export const PERFORMANCE_JSON = 'performance.json';

export interface EnginePerf {
  readonly backend: string;
  readonly model: string;
  readonly op: string;
  readonly rows: number;
  readonly rowsPerSecond: number;
}
export interface ExplainerPerf {
  readonly backend: string;
  readonly task: string;
  readonly explainer: string;
  readonly explanationsPerSecond: number;
  readonly forwardPasses: number;
  readonly gradientPasses: number;
  /** Null for explainers that make no pass (the random control). */
  readonly efficiency: number | null;
}
export interface MetricPerf {
  readonly task: string;
  readonly metric: string;
  readonly criterion: string;
  readonly secondsPerInput: number;
  readonly forwardPasses: number;
  readonly gradientPasses: number;
  readonly efficiency: number | null;
}
export interface ProfilePerf {
  readonly profile: string;
  readonly jobs: number;
  readonly seconds: number;
  /** Peak of the summed resident sets of the run's process tree, MiB; null where /proc is not there. */
  readonly peakMemoryMiB: number | null;
  readonly cells: number | null;
  readonly targetSeconds: number | null;
  readonly measuredAt: string;
}
export interface PerformanceReport {
  readonly measuredAt: string | null;
  readonly machine: Readonly<Record<string, string | number>> | null;
  readonly engine: readonly EnginePerf[];
  readonly explainers: readonly ExplainerPerf[];
  readonly metrics: readonly MetricPerf[];
  readonly profiles: readonly ProfilePerf[];
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const numOrNull = (v: unknown) => v === null || isNum(v);

function rowsOf<T>(v: unknown, ok: (r: Record<string, unknown>) => boolean): T[] {
  return Array.isArray(v) ? (v.filter((r) => r !== null && typeof r === 'object' && ok(r as Record<string, unknown>)) as T[]) : [];
}

/** A report from parsed perf.json-shaped data and profile rows; null when neither holds a row. */
export function performanceReport(perf: unknown, profiles: unknown): PerformanceReport | null {
  const p = (perf ?? {}) as Record<string, unknown>;
  const report: PerformanceReport = {
    measuredAt: isStr(p.measuredAt) ? p.measuredAt : null,
    machine: p.machine && typeof p.machine === 'object' ? (p.machine as Record<string, string | number>) : null,
    engine: rowsOf<EnginePerf>(
      p.engine,
      (r) => isStr(r.backend) && isStr(r.model) && isStr(r.op) && isNum(r.rows) && isNum(r.rowsPerSecond),
    ),
    explainers: rowsOf<ExplainerPerf>(
      p.explainers,
      (r) =>
        isStr(r.backend) &&
        isStr(r.task) &&
        isStr(r.explainer) &&
        isNum(r.explanationsPerSecond) &&
        isNum(r.forwardPasses) &&
        isNum(r.gradientPasses) &&
        numOrNull(r.efficiency),
    ),
    metrics: rowsOf<MetricPerf>(
      p.metrics,
      (r) =>
        isStr(r.task) &&
        isStr(r.metric) &&
        isStr(r.criterion) &&
        isNum(r.secondsPerInput) &&
        isNum(r.forwardPasses) &&
        isNum(r.gradientPasses) &&
        numOrNull(r.efficiency),
    ),
    profiles: rowsOf<ProfilePerf>(
      profiles,
      (r) =>
        isStr(r.profile) &&
        isNum(r.jobs) &&
        isNum(r.seconds) &&
        numOrNull(r.peakMemoryMiB) &&
        numOrNull(r.cells) &&
        numOrNull(r.targetSeconds) &&
        isStr(r.measuredAt),
    ),
  };
  const rows = report.engine.length + report.explainers.length + report.metrics.length + report.profiles.length;
  return rows > 0 ? report : null;
}

const readJsonOrNull = (path: string): unknown => {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null; // a broken benchmark file does not stop a site build; the page says nothing was measured
  }
};

/** The package checkout's bench results (null when it has none, e.g. an installed package). */
export function benchPerformance(root = packageRoot()): PerformanceReport | null {
  const dir = join(root, 'tools', 'bench', 'results');
  const profiles = readJsonOrNull(join(dir, 'profiles.json')) as { rows?: unknown } | null;
  return performanceReport(readJsonOrNull(join(dir, 'perf.json')), profiles?.rows ?? null);
}

/** What a site built from `from` shows: the folder's own performance.json, else the checkout's bench results. */
export function sitePerformance(from: string): PerformanceReport | null {
  const own = join(from, PERFORMANCE_JSON);
  if (existsSync(own)) {
    const r = readJsonOrNull(own) as Partial<PerformanceReport> | null;
    return r ? performanceReport(r, r.profiles ?? null) : null;
  }
  return benchPerformance();
}
