import { describe, expect, it } from 'vitest';
import { makeRecord, makeRun } from '../test/helpers/result-records.js';
import { aggregate } from '../leaderboard/aggregate.js';
import type { MetricEntry } from '../leaderboard/types.js';
import { explainerOrder, formatCell, formatValue, renderMarkdown, renderTerminal } from './summary-table.js';

const entry = (e: Partial<MetricEntry>): MetricEntry => ({
  explainer: 'a', mean: 0.1234, ci: [0.08, 0.17], n: 5, nulls: 0, nullReasons: {}, rank: 1, homeAdvantage: null, tiedWith: [], output: 'logit', explainerParams: {}, runs: ['r'],
  ...e,
});

const lb = aggregate(
  [
    makeRecord({ explainer: 'good', metric: 'faithfulness', values: [0.9, 0.8, 0.85, 0.95] }),
    makeRecord({ explainer: 'bad', metric: 'faithfulness', values: [0.1, 0.2, 0.15, 0.05] }),
    makeRecord({ explainer: 'random', metric: 'faithfulness', values: [0.12, 0.18, 0.16, 0.06] }),
    makeRecord({ explainer: 'good', metric: 'sparseness', criterion: 'complexity', direction: 'descriptive', values: [3, 4, 5, 6] }),
    makeRecord({ explainer: 'bad', metric: 'max-sensitivity', criterion: 'stability', direction: 'lower', values: [0.3, 0.2, 0.25, 0.3] }),
    makeRecord({ explainer: 'good', metric: 'max-sensitivity', criterion: 'stability', direction: 'lower', values: [0.1, 0.1, 0.12, 0.11] }),
  ],
  [makeRun('run-a')],
  { seed: 1, resamples: 300, generatedAt: '2025-01-02T00:00:00.000Z' },
);

describe('formatting', () => {
  it('formats values and cells', () => {
    expect(formatValue(0.12345)).toBe('0.123');
    expect(formatValue(-2)).toBe('-2.000');
    expect(formatValue(123.45)).toBe('123.5');
    expect(formatValue(0.0001234)).toBe('1.23e-4');
    expect(formatValue(0)).toBe('0');
    expect(formatCell(entry({}))).toBe('0.123 ±0.045 #1');
    expect(formatCell(entry({ rank: 2, tiedWith: ['b'] }))).toBe('0.123 ±0.045 #2=');
    expect(formatCell(entry({ rank: null, ci: null }))).toBe('0.123');
    expect(formatCell(entry({ mean: null }))).toBe('–');
    expect(formatCell(undefined)).toBe('–');
  });

  it('orders explainers by their criterion scores', () => {
    expect(explainerOrder(lb.tasks[0])).toEqual(['good', 'random', 'bad']);
  });
});

describe('renderTerminal', () => {
  it('prints aligned columns with directions, ranks and ties', () => {
    const text = renderTerminal(lb, { width: 200 });
    const lines = text.split('\n');
    const header = lines.find((l) => l.startsWith('explainer') && l.includes('faithfulness ↑'))!;
    expect(header).toContain('sparseness ·');
    expect(header).toContain('max-sensitivity ↓');
    const good = lines.find((l) => l.startsWith('good '))!;
    expect(good).toMatch(/0\.875 ±0\.\d{3} #1 /);
    // bad and random are statistically tied on faithfulness.
    expect(lines.find((l) => l.startsWith('bad '))).toMatch(/#\d=/);
    expect(lines.find((l) => l.startsWith('random '))).toMatch(/–/);
    // Right-aligned value columns end at the same position on every row of the table.
    const table = lines.slice(lines.indexOf(header), lines.indexOf(header) + 5);
    expect(new Set(table.filter((l) => !l.startsWith('-')).map((l) => [...l].length)).size).toBe(1);
    expect(text).toContain('Criterion scores');
  });

  it('wraps value columns into blocks that fit the width', () => {
    const text = renderTerminal(lb, { width: 40 });
    const headers = text.split('\n').filter((l) => l.startsWith('explainer'));
    expect(headers.length).toBeGreaterThan(2);
    for (const l of text.split('\n').filter((l) => !l.startsWith('mean ±') && !l.startsWith('Task') && !l.startsWith('Criterion'))) {
      expect([...l].length).toBeLessThanOrEqual(40);
    }
  });
});

describe('renderMarkdown', () => {
  it('renders provenance, tables and a legend', () => {
    const md = renderMarkdown(lb);
    expect(md).toContain('# xai-bench leaderboard');
    expect(md).toContain('- Run `run-a`: profile smoke, seed 1, backend wasm');
    expect(md).toContain('| explainer | faithfulness ↑ | max-sensitivity ↓ | sparseness · |');
    expect(md).toContain('| --- | ---: | ---: | ---: |');
    expect(md).toMatch(/\| good \| 0\.875 ±0\.\d{3} #1 \|/);
    expect(md).toContain('| explainer | fidelity (1) | stability (1) |');
    expect(md).toContain('## Legend');
  });
});
