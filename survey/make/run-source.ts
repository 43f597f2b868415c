/** The finished run a packet is made from, with the options that name parts of it checked against it. */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import type { Bilingual } from '../../explainers/types.js';
import { findInstrument } from '../../metrics/human/questionnaires.js';
import { type AnySample, samplesOf } from '../../runner/explanation-record.js';
import { EXPLANATIONS_DIR, RunStore } from '../../runner/results-store.js';
import { ID_PATTERN } from '../cells.js';
import type { MakeOptions } from './make-options.js';
import { readReferences } from './references.js';

export interface RunSource {
  readonly runDir: string;
  readonly store: RunStore;
  readonly runId: string;
  readonly studyId: string;
  /** Tasks to sample, each with explanations in the run. */
  readonly tasks: readonly string[];
  /** Human-written references by task|instance_id. */
  readonly references: ReadonlyMap<string, Bilingual>;
}

export function openRunSource(o: MakeOptions): RunSource {
  const runDir = resolve(o.run);
  if (!existsSync(join(runDir, EXPLANATIONS_DIR)))
    throw new UserError(`--run ${o.run}: no ${EXPLANATIONS_DIR}/ folder (not a finished run folder)`);
  const store = new RunStore(runDir, { readOnly: true });
  const run = store.readRunJson();
  const runId = (run as { id?: string } | null)?.id ?? 'run';
  const studyId = o.studyId ?? `study-${runId}`.replace(/[^A-Za-z0-9._:-]/g, '-');
  if (!ID_PATTERN.test(studyId)) throw new UserError(`--study ${studyId}: not an id (letters, digits, '.', '_', ':' or '-')`);
  for (const name of o.instruments) checkInstrument(name);
  const taskDirs = readdirSync(join(runDir, EXPLANATIONS_DIR)).sort();
  const tasks = o.tasks ?? taskDirs;
  for (const t of tasks) {
    if (!taskDirs.includes(t))
      throw new UserError(`--tasks ${t}: the run has no explanations for task '${t}' (it has ${taskDirs.join(', ')})`);
  }
  const references = o.references ? readReferences(o.references) : new Map<string, Bilingual>();
  return { runDir, store, runId, studyId, tasks, references };
}

function checkInstrument(name: string): void {
  if (!/^(ESS|TRUST|SCS)-/.test(name) || !findInstrument(name.split('-')[0], name.split('-').slice(1).join('-'))) {
    throw new UserError(`--questionnaires ${name}: unknown instrument (known: ESS-2018-8, ESS-2023-9, TRUST-2018-8, SCS-2020-10)`);
  }
}

/** The explainers with an explanations file for a task, in order. */
export function explainersOf(source: RunSource, task: string): string[] {
  return readdirSync(join(source.runDir, EXPLANATIONS_DIR, task))
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => f.slice(0, -'.jsonl'.length))
    .sort();
}

/** One explainer's samples of a task by sample id (empty when it has no explanations file). */
export function runSamples(store: RunStore, task: string, explainer: string): Map<string, AnySample> {
  const out = new Map<string, AnySample>();
  const where = store.explanationsPath(task, explainer);
  if (!existsSync(where)) return out;
  for (const line of store.readExplanations(task, explainer).lines) for (const s of samplesOf(line, where)) out.set(s.sampleId, s);
  return out;
}
