#!/usr/bin/env node
/** The `xai-bench` command: dispatch to subcommands; user errors are one line and exit code 2. */
import { isUserError } from '../core/errors.js';
import { versionInfo } from '../core/version.js';
import { aggregateCommand } from './aggregate-command.js';
import { ciCommand } from './ci-command.js';
import { compareCommand } from './compare-command.js';
import { explainCommand } from './explain-command.js';
import { listCommand } from './list-command.js';
import { runCommand } from './run-command.js';
import { scoreCommand } from './score-command.js';
import { surveyCommand } from './survey-command.js';
import { siteCommand } from './site-command.js';

const COMMANDS: Record<string, (argv: readonly string[]) => Promise<number>> = {
  run: runCommand,
  explain: explainCommand,
  score: scoreCommand,
  aggregate: aggregateCommand,
  compare: compareCommand,
  ci: ciCommand,
  list: listCommand,
  survey: surveyCommand,
  site: siteCommand,
};

const HELP = `xai-bench: evaluation benchmark and leaderboard for explainable-AI methods

Usage: xai-bench <command> [options]      (xai-bench <command> --help for each)

  run         run the benchmark: tasks x explainers x metrics of a profile -> run folder + leaderboard
  explain     explain your model's outputs on your inputs
  score       score explanations of your model (from an explainer, or a file) with the metrics
  aggregate   merge run folders and shards (and scored survey studies) into one leaderboard
  compare     compare two results folders, paired by sample (exit 1 on a regression)
  ci          score an explainer plugin against the published baseline (exit 1 on a regression)
  survey      human-rating studies: plan, make, serve, export, score (survey --help)
  list        explainers | metrics | tasks | profiles
  site        build the leaderboard site from a run or data/leaderboard/ (--serve to view it)

Exit codes: 0 success, 1 a regression (ci, compare), 2 bad input (one line says what and where), 70 internal error.`;

export async function main(argv: readonly string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(`${HELP}\n`);
    return cmd === undefined ? 2 : 0;
  }
  if (cmd === '--version' || cmd === '-v') {
    const v = versionInfo();
    process.stdout.write(`xai-bench ${v.version}${v.commit ? ` (${v.commit.slice(0, 12)})` : ''}, tfjs ${v.tfjs}\n`);
    return 0;
  }
  const run = COMMANDS[cmd];
  if (!run) {
    process.stderr.write(`xai-bench: unknown command '${cmd}' (expected one of ${Object.keys(COMMANDS).join(', ')}; see xai-bench --help)\n`);
    return 2;
  }
  try {
    return await run(rest);
  } catch (e) {
    if (isUserError(e)) {
      process.stderr.write(`xai-bench ${cmd}: error: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`xai-bench ${cmd}: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 70;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`xai-bench: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 70;
  },
);
