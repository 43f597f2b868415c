import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { aggregate } from '../leaderboard/aggregate.js';
import { protectedSection, protectedTaskIds } from '../leaderboard/protected/section.js';
import { BACKENDS, type BackendChoice, useBackend } from '../core/backend.js';
import { LEADERBOARD_JSON, readRunFolders, RunStore, SUMMARY_MD } from '../runner/results-store.js';
import { renderMarkdown, renderTerminal } from '../runner/summary-table.js';
import { writeCatalog } from '../site/builder/catalog.js';
import { readHumanSection } from '../survey/read-human.js';
import { integer, many, parseCommand, required } from './args.js';
import { checkOutDir } from './out-path.js';

const HELP = `xai-bench aggregate: merge runs and shards into one leaderboard

Usage: xai-bench aggregate DIR... [--human STUDY_OUT...] --out DIR [--seed N] [--resamples B]
                           [--group-resamples B] [--include-home-advantage]

  DIR...         run folders (each with run.json and results.jsonl)
  --human DIR    a folder written by 'survey score' (its human.json becomes a study of the
                 leaderboard's human section); repeat the flag for several studies
  --out DIR      where leaderboard.json and summary.md are written (with the protected-attribute
                 evidence of the high-stakes tasks, whose models are run again to measure it)
  --seed N       seed of the bootstrap (default 0)
  --resamples B  bootstrap resamples per (task, metric) cell (default 2000, at most 100000)
  --group-resamples B
                 bootstrap resamples of the comparison-group scores (default: --resamples, at most
                 1000; at most 10000;
                 they are shipped in leaderboard.json for the explorer's intervals)
  --include-home-advantage
                 also rank an explainer on a metric that is its own objective (declared pairs,
                 leaderboard/home-advantage.ts); by default such cells are marked, unranked

Means, confidence intervals, ranks and ties are recomputed from the per-sample values of every record;
the same (task, explainer, metric) from several folders is merged by sample id. Criterion and overall
scores exist only within a comparison group (explainer family); the rules are written in
leaderboard.json ("rules").`;

const MAX_RESAMPLES = 100_000;
const MAX_GROUP_RESAMPLES = 10_000;

function bounded(p: Parameters<typeof integer>[0], name: string, max: number): number | undefined {
  const v = integer(p, name, 100);
  if (v !== undefined && v > max) throw new UserError(`--${name} ${v}: at most ${max} (more resamples do not sharpen a 95% interval and only cost time)`);
  return v;
}

/** The runs' backend when they agree on a known one, else wasm (available everywhere). */
function backendOf(used: readonly string[]): BackendChoice {
  const one = [...new Set(used)];
  return one.length === 1 && (BACKENDS as readonly string[]).includes(one[0]) ? (one[0] as BackendChoice) : 'wasm';
}

export async function aggregateCommand(argv: readonly string[]): Promise<number> {
  const p = parseCommand('aggregate', argv, {
      out: { type: 'string' },
      seed: { type: 'string' },
      resamples: { type: 'string' },
      'group-resamples': { type: 'string' },
      'include-home-advantage': { type: 'boolean' },
      human: { type: 'string', multiple: true },
    }, HELP, true);
  if (!p) return 0;
  if (p.positionals.length === 0) throw new UserError('aggregate: name at least one run folder (see xai-bench aggregate --help)');
  const out = required('aggregate', p, 'out');
  checkOutDir('--out', out);
  const humanDirs = many(p, 'human');
  const human = humanDirs.length ? readHumanSection(humanDirs) : null;
  const folders = readRunFolders(p.positionals);
  for (const f of folders) if (f.dropped) process.stderr.write(`${f.dir}: dropped ${f.dropped} torn line(s) at the end of results.jsonl\n`);
  if (folders.every((f) => f.records.length === 0)) {
    throw new UserError(`aggregate: no result records in ${p.positionals.join(', ')} (their results.jsonl are empty); nothing to rank`);
  }
  const records = folders.flatMap((f) => f.records);
  const seed = integer(p, 'seed', 0) ?? 0;
  // The protected evidence runs the high-stakes tasks' models: on the backend the runs used (wasm by default).
  if (protectedTaskIds(records).length > 0) await useBackend(backendOf(folders.map((f) => f.run.backend)));
  const evidence = await protectedSection(records, seed);
  const leaderboard = aggregate(
    records,
    folders.map((f) => f.run),
    {
      seed,
      resamples: bounded(p, 'resamples', MAX_RESAMPLES),
      groupResamples: bounded(p, 'group-resamples', MAX_GROUP_RESAMPLES),
      includeHomeAdvantage: p.values['include-home-advantage'] === true,
      human,
      protected: evidence,
    },
  );
  const store = new RunStore(resolve(out));
  store.writeFileAtomic(LEADERBOARD_JSON, `${JSON.stringify(leaderboard, null, 2)}\n`);
  store.writeFileAtomic(SUMMARY_MD, renderMarkdown(leaderboard));
  writeCatalog(resolve(out));
  process.stdout.write(`${renderTerminal(leaderboard)}\n`);
  for (const s of human?.studies ?? []) {
    process.stderr.write(`human: study ${s.studyId}${s.simulated ? ' (SIMULATED ratings, marked simulated: true)' : ''}, ${s.methods.length} method(s), ${s.controls.length} control(s)\n`);
  }
  process.stderr.write(`wrote ${out}/${LEADERBOARD_JSON}, ${SUMMARY_MD} and catalog.json from ${folders.length} run folder(s)\n`);
  return 0;
}
