/**
 * Result rows are accepted only for cells the run planned: run.json's config lists its tasks,
 * explainers and metrics (run-info.ts). A row for anything else (a plugin is trusted code and could
 * append one to results.jsonl; README "Regression checks for your explainer") is refused, naming it.
 */
import { UserError } from '../core/errors.js';
import type { RunInfo } from './run-info.js';
import type { ResultRecord } from './result-record.js';

const FIELDS = ['task', 'explainer', 'metric'] as const;

export function refuseUnplanned(run: RunInfo, records: readonly ResultRecord[], where: string): void {
  const plan = {
    task: new Set(run.config.tasks),
    explainer: new Set(run.config.explainers),
    metric: new Set(run.config.metrics),
  };
  for (const r of records) {
    const field = FIELDS.find((f) => !plan[f].has(r[f]));
    if (field) {
      throw new UserError(
        `${where}: a result row for ${field} ${r[field]} (${r.task} · ${r.explainer} · ${r.metric}) is not in the run's plan ` +
          `(run.json config.${field}s); refused`,
      );
    }
  }
}
