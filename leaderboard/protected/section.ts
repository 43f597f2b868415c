/**
 * The `protected` section of leaderboard.json: the protected-attribute evidence of every task in the
 * records that has a protected attribute (evidence.ts), its models loaded to measure the interventional
 * effect. Written by the run's last stage (runner/run-finish.ts) and by `xai-bench aggregate`; null
 * when no such task ran. Tasks unknown to this process (a user's config task of another run folder) are
 * left out, since their data and model cannot be loaded here.
 */
import { assertValid } from '../../core/schemas.js';
import { loadTask, taskSpecs } from '../../datasets/index.js';
import type { ResultRecord } from '../../runner/result-record.js';
import type { ProtectedEvidence } from './evidence-types.js';
import { protectedEvidence } from './evidence.js';

/** Ids of the records' tasks that have a protected attribute and can be loaded here, sorted. */
export function protectedTaskIds(records: readonly ResultRecord[]): string[] {
  const ids = new Set(records.map((r) => r.task));
  return taskSpecs.filter((s) => ids.has(s.id) && s.hasProtectedAttribute).map((s) => s.id).sort();
}

export async function protectedSection(records: readonly ResultRecord[], seed: number): Promise<ProtectedEvidence | null> {
  const ids = protectedTaskIds(records);
  if (ids.length === 0) return null;
  const tasks = [];
  // One task at a time: each holds a model and its data.
  for (const id of ids) tasks.push(await loadTask(id));
  const ev = protectedEvidence(records.filter((r) => ids.includes(r.task)), tasks, seed);
  // Round-trip through JSON so the check sees what is written (no typed arrays, no undefined).
  assertValid('protected-evidence', JSON.parse(JSON.stringify(ev)), 'protected evidence');
  return ev;
}
