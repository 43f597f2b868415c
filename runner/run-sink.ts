/**
 * Where a run's units deliver: pictures and explanation lines to the folder, result records appended
 * as cells finish (a cell's setting variants in one write with its own record), and the record of a
 * cell whose plugin failed.
 */
import { getExplainer } from '../explainers/index.js';
import { getMetric } from '../metrics/index.js';
import { isVariantRecord } from './metric-variants.js';
import { resultRecord, type ResultRecord } from './result-record.js';
import { cellKey } from './results-store.js';
import type { RunningRun } from './running-run.js';
import type { Unit, UnitSink } from './unit.js';

export function runSink(r: RunningRun): UnitSink {
  const heldVariants = new Map<string, ResultRecord[]>();
  return {
    step: (label) => r.progress.step(label),
    explanations: (task, explainer, lines, artifacts) => {
      // Pictures first: a line in the explanations file promises its picture is on disk.
      for (const a of artifacts) r.store.writeFileAtomic(a.path, a.data);
      r.store.appendExplanations(task, explainer, lines);
    },
    result: (rec) => {
      const key = cellKey(rec.task, rec.explainer, rec.metric);
      // A unit sends a cell's setting variants before its own record: all are appended in one write.
      if (isVariantRecord(rec)) {
        heldVariants.set(key, [...(heldVariants.get(key) ?? []), rec]);
        return;
      }
      r.store.appendResults([rec, ...(heldVariants.get(key) ?? [])]);
      heldVariants.delete(key);
      r.done.add(key);
      r.journal.cellsDone++;
      r.progress.advance();
    },
  };
}

/** A failed plugin unit: its unfinished cells are recorded with the reason and no values; the run goes on. */
export function failCells(r: RunningRun, sink: UnitSink, u: Unit, reason: string): void {
  const provenance = { run: r.journal.run.id, seed: r.seed, backend: r.backend, version: r.v.version, commit: r.v.commit };
  const explainer = getExplainer(u.explainer);
  for (const m of u.metrics) {
    if (r.done.has(cellKey(u.task, u.explainer, m))) continue;
    const cell = {
      task: u.task,
      explainer: u.explainer,
      output: explainer.output,
      explainerParams: r.params.get(u.explainer)!,
      metric: getMetric(m),
      metricParams: r.params.get(m)!,
      modelHash: 'unknown',
      datasetHash: 'unknown',
    };
    sink.result(resultRecord(provenance, cell, { failure: `explainer ${u.explainer} failed: ${reason}` }));
  }
  r.progress.note(`${u.task} · ${u.explainer}: cells failed: ${reason}`);
}
