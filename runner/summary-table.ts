/**
 * The leaderboard as text: a terminal table per task (printed at the end of a run) and summary.md
 * (the same content in Markdown, with a legend). Cells read "0.123 ±0.045 #1=": mean, half-width of
 * the 95% interval, rank, and '=' when the explainer is statistically tied with another one.
 */
import type { Direction } from '../metrics/types.js';
import type { CriterionBoard, Leaderboard, MetricBoard, MetricEntry, TaskBoard } from '../leaderboard/types.js';

const ARROW: Record<Direction, string> = { higher: '↑', lower: '↓', descriptive: '·' };
const MISSING = '–';

/** Three decimals for everyday magnitudes, exponent form where that would hide the value. */
export function formatValue(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e4 || a < 1e-3) return x.toExponential(2);
  if (a >= 100) return x.toFixed(1);
  return x.toFixed(3);
}

/** "0.123 ±0.045 #1=": '±' half the interval width, '#' the rank, '=' a statistical tie. */
export function formatCell(e: MetricEntry | undefined): string {
  if (!e || e.mean === null) return MISSING;
  let s = formatValue(e.mean);
  if (e.ci) s += ` ±${formatValue((e.ci[1] - e.ci[0]) / 2)}`;
  const tie = e.tiedWith.length > 0 ? '=' : '';
  if (e.rank !== null) s += ` #${e.rank}${tie}`;
  else if (tie) s += ` ${tie}`;
  return s;
}

function metricHeader(m: MetricBoard): string {
  return `${m.metric} ${ARROW[m.direction]}`;
}

/** Explainers best first: by their mean criterion score (those without one last), then by id. */
export function explainerOrder(t: TaskBoard): string[] {
  const avg = (explainer: string): number | null => {
    const s = t.criteria.map((c) => c.scores.find((x) => x.explainer === explainer)?.score ?? null).filter((x): x is number => x !== null);
    return s.length ? s.reduce((a, b) => a + b, 0) / s.length : null;
  };
  const scored = t.explainers.map((e) => ({ e, s: avg(e) }));
  return scored
    .sort((a, b) => (a.s === null ? (b.s === null ? 0 : 1) : b.s === null ? -1 : b.s - a.s) || (a.e < b.e ? -1 : a.e > b.e ? 1 : 0))
    .map((x) => x.e);
}

interface Grid {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

function metricGrid(t: TaskBoard, order: readonly string[]): Grid {
  return {
    header: ['explainer', ...t.metrics.map(metricHeader)],
    rows: order.map((e) => [e, ...t.metrics.map((m) => formatCell(m.entries.find((x) => x.explainer === e)))]),
  };
}

function criterionGrid(criteria: readonly CriterionBoard[], order: readonly string[]): Grid {
  return {
    header: ['explainer', ...criteria.map((c) => `${c.criterion} (${c.metrics.length})`)],
    rows: order.map((e) => [
      e,
      ...criteria.map((c) => {
        const s = c.scores.find((x) => x.explainer === e)?.score ?? null;
        return s === null ? MISSING : s.toFixed(2);
      }),
    ]),
  };
}

/** Display width in terminal columns (code points; the arrows and '±' are one column wide). */
function width(s: string): number {
  return [...s].length;
}

function pad(s: string, w: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

/** Aligned columns; when too wide, the value columns wrap into blocks that repeat the first column. */
function renderGrid(g: Grid, maxWidth: number): string {
  const cols = g.header.length;
  const widths = Array.from({ length: cols }, (_, c) => Math.max(width(g.header[c]), ...g.rows.map((r) => width(r[c]))));
  const gap = 2;
  const blocks: number[][] = [];
  let current: number[] = [];
  let used = widths[0];
  for (let c = 1; c < cols; c++) {
    if (current.length > 0 && used + gap + widths[c] > maxWidth) {
      blocks.push(current);
      current = [];
      used = widths[0];
    }
    current.push(c);
    used += gap + widths[c];
  }
  if (current.length || blocks.length === 0) blocks.push(current);
  const line = (cells: readonly string[], block: number[]) =>
    [pad(cells[0], widths[0], false), ...block.map((c) => pad(cells[c], widths[c], true))].join(' '.repeat(gap)).trimEnd();
  return blocks
    .map((block) => {
      const head = line(g.header, block);
      const rule = '-'.repeat(width(head));
      return [head, rule, ...g.rows.map((r) => line(r, block))].join('\n');
    })
    .join('\n\n');
}

function taskTitle(t: TaskBoard): string {
  const samples = Math.max(0, ...t.metrics.map((m) => m.sampleCount));
  return `${t.task}  (${t.explainers.length} explainers, ${samples} samples, model ${t.modelHash.slice(0, 12)})`;
}

/** One table per task for the terminal; `width` defaults to 100 columns. */
export function renderTerminal(lb: Leaderboard, opts: { width?: number } = {}): string {
  const maxWidth = opts.width ?? 100;
  const parts: string[] = [];
  for (const t of lb.tasks) {
    const order = explainerOrder(t);
    parts.push(`Task ${taskTitle(t)}`);
    parts.push(renderGrid(metricGrid(t, order), maxWidth));
    if (t.criteria.length) {
      parts.push('', 'Criterion scores (1 = best, 0 = worst, rank-based; metrics counted in brackets):');
      parts.push(renderGrid(criterionGrid(t.criteria, order), maxWidth));
    }
    parts.push('');
  }
  parts.push(`mean ±half 95% CI #rank; = tied with another explainer; ↑ higher is better, ↓ lower is better, · descriptive (unranked); ${MISSING} no value`);
  return parts.join('\n') + '\n';
}

function markdownTable(g: Grid): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${g.header.map(esc).join(' | ')} |`,
    `| ${g.header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...g.rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

/** summary.md: provenance, one metric table and one criterion table per task, and a legend. */
export function renderMarkdown(lb: Leaderboard): string {
  const p = lb.provenance;
  const out: string[] = ['# xai-bench leaderboard', ''];
  out.push(`- Profile: ${lb.profile ?? `mixed (${lb.profiles.join(', ')})`}`);
  out.push(`- Generated: ${lb.generatedAt}`);
  for (const r of p.runs) {
    out.push(`- Run \`${r.id}\`: profile ${r.profile}, seed ${r.seed}, backend ${r.backend}, xai-bench ${r.version}, commit ${r.commit ?? 'unknown'}, ${r.status}`);
  }
  out.push(`- Intervals: ${Math.round(p.confidence * 100)}% paired bootstrap over sample ids, ${p.resamples} resamples, seed ${p.bootstrapSeed}`);
  out.push('');
  for (const t of lb.tasks) {
    const order = explainerOrder(t);
    out.push(`## ${t.task}`, '', `${t.explainers.length} explainers, ${Math.max(0, ...t.metrics.map((m) => m.sampleCount))} samples, model \`${t.modelHash}\`.`, '');
    out.push(markdownTable(metricGrid(t, order)), '');
    if (t.criteria.length) {
      out.push('Criterion scores:', '', markdownTable(criterionGrid(t.criteria, order)), '');
    }
  }
  out.push(
    '## Legend',
    '',
    '- A cell reads `mean ±h #r=`: the mean over samples with a value, `h` half the width of its 95% confidence interval, `r` the rank among explainers (1 = best; equal means share a rank), and `=` when the paired-bootstrap interval of its difference to at least one other explainer contains 0 (statistically tied).',
    `- ↑ higher is better, ↓ lower is better, · descriptive (reported, never ranked); ${MISSING}: no value (not run, or every sample null).`,
    '- Criterion score: the mean over the criterion\'s ranked metrics of (k − rank)/(k − 1), k the explainers ranked on that metric; 1 = best on all, 0 = worst on all. Metrics an explainer lacks are left out, never counted as 0; the bracket gives how many metrics the criterion has on the task.',
    '- Every number is recomputed from the per-sample values in results.jsonl.',
    '',
  );
  return out.join('\n');
}
