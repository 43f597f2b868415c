import { compareRecords } from '../leaderboard/ci/compare.js';
import { type Format, FORMATS } from '../leaderboard/ci/report.js';
import { UserError } from '../core/errors.js';
import { readRunFolders, writeFileAtomic } from '../runner/results-store.js';
import { many, parseCommand, required, str } from './args.js';
import { parseTolerances, toleranceOf } from './ci-command.js';
import { checkOutFile } from './out-path.js';

const HELP = `xai-bench compare: compare two results folders explainer by explainer, paired by sample

Usage: xai-bench compare --baseline DIR --candidate DIR [--format text|markdown|json|junit] [--tolerance m=x ...] [--out FILE]

Every explainer present in both is compared with itself, per (task, metric), as xai-bench ci does.
Exit codes: 0 nothing regressed, 1 a regression, 2 an error.`;

export async function compareCommand(argv: readonly string[]): Promise<number> {
  const p = parseCommand('compare', argv, {
    baseline: { type: 'string' },
    candidate: { type: 'string' },
    format: { type: 'string' },
    tolerance: { type: 'string', multiple: true },
    out: { type: 'string' },
  }, HELP);
  if (!p) return 0;
  const out = str(p, 'out');
  if (out) checkOutFile('--out', out);
  const format = (str(p, 'format') ?? 'text') as Format;
  if (!(format in FORMATS)) throw new UserError(`--format ${format}: expected one of ${Object.keys(FORMATS).join(', ')}`);
  const [base, cand] = readRunFolders([required('compare', p, 'baseline'), required('compare', p, 'candidate')]);
  const ids = [...new Set(base.records.map((r) => r.explainer))].filter((id) => cand.records.some((r) => r.explainer === id));
  if (ids.length === 0) throw new UserError('compare: the two folders have no explainer in common');
  const report = compareRecords(base.records, cand.records, ids.map((id) => ({ baseline: id, candidate: id })), toleranceOf(parseTolerances(many(p, 'tolerance'))), base.run.seed);
  const text = FORMATS[format](report, `xai-bench compare: ${cand.dir} vs ${base.dir}`);
  if (out) writeFileAtomic(out, text);
  else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  if (report.refused > 0) return 2;
  return report.regressions > 0 ? 1 : 0;
}
