/**
 * The leaderboard as CSV (one row per task x metric x explainer), for spreadsheets. Text fields that a
 * spreadsheet would read as a formula (=, +, -, @ first) are prefixed with ' so a hostile plugin name
 * cannot run in the reader's spreadsheet.
 */
import type { Leaderboard } from '../../leaderboard/types.js';

const HEADER = [
  'task',
  'metric',
  'criterion',
  'direction',
  'explainer',
  'mean',
  'ci_low',
  'ci_high',
  'n',
  'nulls',
  'rank',
  'tied_with',
  'output',
  'metric_params',
  'explainer_params',
  'runs',
];

function textField(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function leaderboardCsv(lb: Leaderboard): string {
  const rows = [HEADER.join(',')];
  for (const t of lb.tasks) {
    for (const m of t.metrics) {
      for (const e of m.entries) {
        rows.push(
          [
            textField(t.task),
            textField(m.metric),
            m.criterion,
            m.direction,
            textField(e.explainer),
            num(e.mean),
            num(e.ci?.[0]),
            num(e.ci?.[1]),
            String(e.n),
            String(e.nulls),
            num(e.rank),
            textField(e.tiedWith.join(' ')),
            e.output,
            textField(JSON.stringify(m.params)),
            textField(JSON.stringify(e.explainerParams)),
            textField(e.runs.join(' ')),
          ].join(','),
        );
      }
    }
  }
  return `${rows.join('\n')}\n`;
}
