/** `xai-bench survey score STUDY_DIR [--out DIR]`: score a human-rating study (docs/metrics.md). */
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { scoreStudyDir, writeScoredStudy } from '../survey/score.js';
import { integer, parseCommand, str } from './args.js';
import { checkOutDir } from './out-path.js';
import { PLAN_HELP, surveyPlan } from './survey-plan.js';
import { EXPORT_HELP, MAKE_HELP, SERVE_HELP, surveyExport, surveyMake, surveyServe } from './survey-study-commands.js';

const HELP = `xai-bench survey: human-rating studies

Usage: xai-bench survey make --run DIR --out PACKET ...      build a blinded rating packet from a run
       xai-bench survey serve --packet PACKET --db FILE ...  run the rating app (Korean and English)
       xai-bench survey export --db FILE --out STUDY_DIR     write the study files of the ratings
       xai-bench survey score STUDY_DIR [--out DIR] [--seed N] [--resamples B] [--ci bca|percentile] [--tie-rule zero|one]
       xai-bench survey plan --methods a,b --effect D ...      raters and items needed (simulated planning)

  score          read items.csv, raters.csv and whichever of ssa_ratings.csv, likert_ratings.csv,
                 pairwise_prefs.csv, sessions.csv are present; validate them strictly; write
                 human_summary.csv, human_pairwise.csv and human.json (merge it with aggregate --human)
  --out DIR      output folder (default STUDY_DIR/scored)
  --seed N       bootstrap and permutation seed (default 0)
  --resamples B  bootstrap resamples (default 2000)
  --ci M         bca (default) or percentile bootstrap intervals
  --tie-rule R   SSA label of an even panel split in half: zero (default, conservative) or one

${MAKE_HELP}

${SERVE_HELP}

${EXPORT_HELP}

${PLAN_HELP}`;

export async function surveyCommand(argv: readonly string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    process.stdout.write(`${HELP}\n`);
    return sub === undefined ? 2 : 0;
  }
  if (sub === 'make') return surveyMake(rest);
  if (sub === 'serve') return surveyServe(rest);
  if (sub === 'export') return surveyExport(rest);
  if (sub === 'plan') return surveyPlan(rest);
  if (sub !== 'score') throw new UserError(`survey: unknown subcommand '${sub}' (expected make, serve, export, score or plan; see xai-bench survey --help)`);
  const p = parseCommand(
    'survey score',
    rest,
    { out: { type: 'string' }, seed: { type: 'string' }, resamples: { type: 'string' }, ci: { type: 'string' }, 'tie-rule': { type: 'string' } },
    HELP,
    true,
  );
  if (!p) return 0;
  if (p.positionals.length !== 1) throw new UserError('survey score: name exactly one study folder (see xai-bench survey --help)');
  const dir = p.positionals[0];
  const ci = str(p, 'ci') ?? 'bca';
  if (ci !== 'bca' && ci !== 'percentile') throw new UserError(`--ci ${ci}: expected bca or percentile`);
  const tie = str(p, 'tie-rule') ?? 'zero';
  if (tie !== 'zero' && tie !== 'one') throw new UserError(`--tie-rule ${tie}: expected zero or one`);
  const out = str(p, 'out') ?? join(dir, 'scored');
  checkOutDir('--out', out);
  const scored = scoreStudyDir(dir, { seed: integer(p, 'seed', 0) ?? 0, resamples: integer(p, 'resamples', 1) ?? 2000, ciMethod: ci, tieRule: tie });
  const files = writeScoredStudy(out, scored);
  const s = scored.study;
  if (s.simulated) process.stderr.write(`NOTE: study '${s.studyId}' is SIMULATED data, marked simulated: true in every output\n`);
  for (const n of s.notes) process.stderr.write(`note: ${n}\n`);
  const lines = [...s.methods, ...s.controls].flatMap((m) =>
    m.values
      .filter((v) => v.group === null && !v.metric.endsWith('_soft'))
      .map((v) => `${m.method.padEnd(22)} ${[v.metric, v.instrument, v.phase, v.criterion].filter(Boolean).join(' ').padEnd(34)} ${v.value === null ? 'no ratings' : v.value.toFixed(3)}${v.ci ? ` [${v.ci[0].toFixed(3)}, ${v.ci[1].toFixed(3)}]` : ''} n=${v.n} ${v.unit}`),
  );
  process.stdout.write(`${s.simulated ? '[SIMULATED] ' : ''}study ${s.studyId}\n${lines.join('\n')}\n`);
  const better = s.pairwise.filter((p) => p.better);
  if (better.length) process.stdout.write(`${better.map((p) => `${p.metric}${p.criterion ? ` ${p.criterion}` : ''}${p.instrument ? ` ${p.instrument} ${p.phase}` : ''}: ${p.better} better than ${p.better === p.methodA ? p.methodB : p.methodA} (Holm p = ${p.pHolm.toPrecision(3)})`).join('\n')}\n`);
  process.stderr.write(`wrote ${files.map((f) => join(out, f)).join(', ')}\n`);
  return 0;
}
