/** Hand-made result records and run descriptions for tests of storage and aggregation. */
import type { Criterion, Direction } from '../../metrics/types.js';
import { RESULT_SCHEMA, type ResultRecord } from '../../runner/result-record.js';
import { RUN_SCHEMA, type RunInfo } from '../../runner/run-info.js';

export interface RecordSpec {
  run?: string;
  task?: string;
  explainer: string;
  metric: string;
  criterion?: Criterion;
  direction?: Direction;
  values: readonly (number | null)[];
  sampleIds?: readonly string[];
  explainerParams?: Record<string, number | string | boolean>;
  metricParams?: Record<string, number | string | boolean>;
  modelHash?: string;
  nullReason?: string;
}

export function sampleIds(n: number, from = 0): string[] {
  return Array.from({ length: n }, (_, i) => `s${String(from + i).padStart(4, '0')}`);
}

/** A valid record; `mean` and `n` are filled in honestly (aggregation must not need them). */
export function makeRecord(spec: RecordSpec): ResultRecord {
  const ids = spec.sampleIds ?? sampleIds(spec.values.length);
  const ok = spec.values.filter((v): v is number => v !== null);
  const nullCount = spec.values.length - ok.length;
  return {
    schema: RESULT_SCHEMA,
    run: spec.run ?? 'run-a',
    task: spec.task ?? 'toy',
    explainer: spec.explainer,
    metric: spec.metric,
    criterion: spec.criterion ?? 'fidelity',
    direction: spec.direction ?? 'higher',
    explainerParams: spec.explainerParams ?? {},
    metricParams: spec.metricParams ?? { steps: 10 },
    output: 'logit',
    seed: 1,
    backend: 'wasm',
    version: '0.1.0',
    commit: null,
    modelHash: spec.modelHash ?? 'model-hash',
    datasetHash: 'data-hash',
    sampleIds: ids,
    values: spec.values,
    nulls: nullCount ? { [spec.nullReason ?? 'constant attribution']: nullCount } : {},
    mean: ok.length ? ok.reduce((s, v) => s + v, 0) / ok.length : null,
    n: ok.length,
    cost: { seconds: 0.5, forwardPasses: 10, gradientPasses: 0 },
    timestamp: '2025-01-02T03:04:05.678Z',
  };
}

export function makeRun(id: string, overrides: Partial<RunInfo> = {}): RunInfo {
  return {
    schema: RUN_SCHEMA,
    id,
    profile: 'smoke',
    seed: 1,
    backend: 'wasm',
    version: '0.1.0',
    commit: null,
    status: 'complete',
    startedAt: '2025-01-02T03:04:05.000Z',
    finishedAt: '2025-01-02T03:05:05.000Z',
    config: { tasks: ['toy'], explainers: ['a', 'b'], metrics: ['m'], sets: {}, samplesPerTask: 8 },
    timings: { seconds: 60, cells: 2, cellsDone: 2 },
    versions: { node: 'v20.0.0', tfjs: '4.22.0' },
    ...overrides,
  };
}
