/**
 * The last stage of a run: the leaderboard aggregated from every record in the folder, written with
 * its summary and the site catalog (the protected-attribute evidence of high-stakes tasks included),
 * and run.json marked complete. A complete run asked for again gives its folder back as it is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { aggregate } from '../leaderboard/aggregate.js';
import { protectedSection } from '../leaderboard/protected/section.js';
import type { Leaderboard } from '../leaderboard/types.js';
import { buildCatalog, writeCatalog } from '../site/builder/catalog.js';
import { formatDuration } from './progress.js';
import { LEADERBOARD_JSON, type RunStore, SUMMARY_MD } from './results-store.js';
import type { RunInfo } from './run-info.js';
import type { RunOutcome } from './run-options.js';
import type { RunningRun } from './running-run.js';
import { renderMarkdown, renderTerminal } from './summary-table.js';

export async function finishRun(r: RunningRun): Promise<RunOutcome> {
  r.progress.step('aggregating the leaderboard');
  const { records } = r.store.readResults();
  // The leaderboard's provenance describes the run as it is once run.json is written just after.
  const finishedAt = new Date().toISOString();
  const provenance = [{ ...r.journal.run, status: 'complete' as const, finishedAt }];
  // The protected-attribute evidence loads the high-stakes tasks' models: measured before aggregation.
  const evidence = await protectedSection(records, r.seed);
  const leaderboard = aggregate(records, provenance, { seed: r.seed, resamples: r.profile.bootstrapResamples, protected: evidence });
  r.store.writeFileAtomic(LEADERBOARD_JSON, JSON.stringify(leaderboard, null, 2) + '\n');
  r.store.writeFileAtomic(SUMMARY_MD, renderMarkdown(leaderboard));
  writeCatalog(r.dir, buildCatalog(r.explainers, r.metrics));
  r.journal.write('complete', { finishedAt });
  r.progress.done();
  const run = r.journal.run;
  r.progress.note(`done in ${formatDuration(run.timings.seconds)}: ${records.length} results in ${r.dir}`);
  return { dir: r.dir, run, leaderboard, records, table: renderTerminal(leaderboard) };
}

/** A complete run asked for again: its folder is the answer, left as it is. */
export function completedOutcome(store: RunStore, run: RunInfo): RunOutcome {
  const path = join(store.dir, LEADERBOARD_JSON);
  let leaderboard: Leaderboard;
  try {
    leaderboard = JSON.parse(readFileSync(path, 'utf8')) as Leaderboard;
  } catch (e) {
    throw new UserError(`${path}: not valid JSON (${(e as Error).message.split('\n')[0]}); pass --overwrite to run again`);
  }
  return { dir: store.dir, run, leaderboard, records: store.readResults().records, table: renderTerminal(leaderboard) };
}
