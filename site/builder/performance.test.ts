import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchPerformance, performanceReport, sitePerformance } from './performance.js';

const profileRow = {
  profile: 'quick',
  jobs: 2,
  seconds: 70,
  peakMemoryMiB: 1500,
  cells: 2500,
  targetSeconds: 300,
  measuredAt: '2026-01-01T00:00:00.000Z',
};

describe('the performance report the site shows', () => {
  it('keeps well-formed rows and drops the rest, row by row', () => {
    const r = performanceReport(
      {
        measuredAt: '2026-01-01T00:00:00.000Z',
        engine: [
          { backend: 'wasm', model: 'm', op: 'forward', rows: 256, rowsPerSecond: 1000 },
          { backend: 'wasm', rowsPerSecond: 'fast' },
        ],
        explainers: [
          {
            backend: 'cpu',
            task: 't',
            explainer: 'lime',
            explanationsPerSecond: 2,
            forwardPasses: 1000,
            gradientPasses: 0,
            efficiency: Number.NaN,
          },
          {
            backend: 'cpu',
            task: 't',
            explainer: 'random',
            explanationsPerSecond: 9e5,
            forwardPasses: 0,
            gradientPasses: 0,
            efficiency: null,
          },
        ],
        metrics: [
          {
            task: 't',
            metric: 'sparseness',
            criterion: 'complexity',
            secondsPerInput: 0.001,
            forwardPasses: 0,
            gradientPasses: 0,
            efficiency: null,
          },
        ],
      },
      [profileRow, { ...profileRow, jobs: '2' }],
    )!;
    expect(r.engine).toHaveLength(1);
    // NaN efficiency is not a measurement; null is (an explainer that makes no pass has no ratio).
    expect(r.explainers.map((x) => x.explainer)).toEqual(['random']);
    expect(r.metrics).toHaveLength(1);
    expect(r.profiles).toEqual([profileRow]);
  });

  it('is null when nothing was measured or the files are not there', () => {
    expect(performanceReport(null, null)).toBeNull();
    expect(performanceReport({ engine: 'x' }, [{}])).toBeNull();
    expect(benchPerformance(mkdtempSync(join(tmpdir(), 'xai-perf-')))).toBeNull();
  });

  it("prefers the folder's own performance.json (a published leaderboard) and tolerates a broken one", () => {
    const dir = mkdtempSync(join(tmpdir(), 'xai-perf-'));
    writeFileSync(
      join(dir, 'performance.json'),
      JSON.stringify({ measuredAt: null, machine: null, engine: [], explainers: [], metrics: [], profiles: [profileRow] }),
    );
    expect(sitePerformance(dir)!.profiles).toEqual([profileRow]);
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'performance.json'), '{not json');
    expect(sitePerformance(broken)).toBeNull();
  });
});
