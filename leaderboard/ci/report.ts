/** The comparison as a terminal table, pull-request Markdown, JUnit XML (one case per task x metric) and JSON. */
import type { CellComparison, ComparisonReport } from './compare.js';

const fmt = (x: number | null, digits = 4) => (x === null ? '–' : Math.abs(x) >= 1000 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(2) : x.toFixed(digits));
const MARK: Record<CellComparison['verdict'], string> = { regression: 'REGRESSION', improvement: 'improvement', unchanged: 'ok', refused: 'REFUSED', skipped: 'skipped' };

function headline(r: ComparisonReport): string {
  return `${r.regressions} regression(s), ${r.improvements} improvement(s), ${r.cells.filter((c) => c.verdict === 'unchanged').length} unchanged, ${r.refused} refused, ${r.cells.filter((c) => c.verdict === 'skipped').length} skipped`;
}

function renderText(r: ComparisonReport, title: string): string {
  const rows = r.cells.map((c) => [c.task, c.metric, fmt(c.baselineMean), fmt(c.candidateMean), fmt(c.change), String(c.n), fmt(c.pAdjusted, 3), MARK[c.verdict] + (c.reason ? ` (${c.reason})` : '')]);
  const head = ['task', 'metric', 'baseline', 'candidate', 'change (+ better)', 'n', 'p (Holm)', 'verdict'];
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((row) => (k === 7 ? 0 : row[k].length))));
  const line = (cells: string[]) => cells.map((x, k) => (k === 7 ? x : k < 2 ? x.padEnd(widths[k]) : x.padStart(widths[k]))).join('  ');
  return [title, line(head), ...rows.map(line), '', headline(r), ...r.warnings.map((w) => `warning: ${w}`)].join('\n');
}

const mdEscape = (s: string) => s.replace(/[|\\`*_<>]/g, (c) => `\\${c}`);

function renderMarkdown(r: ComparisonReport, title: string): string {
  const status = r.regressions > 0 ? '❌ regressions found' : r.refused > 0 ? '⚠️ comparison refused' : '✅ no regression';
  const interesting = r.cells.filter((c) => c.verdict !== 'unchanged' && c.verdict !== 'skipped');
  const table = (cells: readonly CellComparison[]) => [
    '| task | metric | baseline | candidate | change (+ better) | n | p (Holm) | verdict |',
    '|---|---|---:|---:|---:|---:|---:|---|',
    ...cells.map(
      (c) =>
        `| ${mdEscape(c.task)} | ${mdEscape(c.metric)} | ${fmt(c.baselineMean)} | ${fmt(c.candidateMean)} | ${fmt(c.change)} | ${c.n} | ${fmt(c.pAdjusted, 3)} | ${MARK[c.verdict]}${c.reason ? ` (${mdEscape(c.reason)})` : ''} |`,
    ),
  ];
  return [
    `## ${mdEscape(title)}: ${status}`,
    '',
    headline(r) + '.',
    '',
    ...(interesting.length ? table(interesting) : ['Every compared cell is within its tolerance or not supported by the paired test.']),
    '',
    ...r.warnings.map((w) => `> **warning:** ${mdEscape(w)}`),
    '',
    '<details><summary>All cells</summary>',
    '',
    ...table(r.cells),
    '',
    '</details>',
    '',
    'A regression is a paired change in the worse direction beyond the metric\'s tolerance that a sign-flip permutation test supports at 5% after Holm\'s correction over all cells.',
    '',
  ].join('\n');
}

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

function renderJunit(r: ComparisonReport, title: string): string {
  const failures = r.cells.filter((c) => c.verdict === 'regression').length;
  const errors = r.refused;
  const skipped = r.cells.filter((c) => c.verdict === 'skipped').length;
  const cases = r.cells.map((c) => {
    const detail = `baseline ${fmt(c.baselineMean)}, candidate ${fmt(c.candidateMean)}, change ${fmt(c.change)} (+ better), n ${c.n}, p (Holm) ${fmt(c.pAdjusted, 3)}, tolerance ${c.tolerance}`;
    const body =
      c.verdict === 'regression'
        ? `<failure message="${xml(`regression of ${c.metric}`)}">${xml(c.reason ?? detail)}</failure>`
        : c.verdict === 'refused'
          ? `<error message="${xml(c.reason ?? 'refused')}"/>`
          : c.verdict === 'skipped'
            ? `<skipped message="${xml(c.reason ?? 'skipped')}"/>`
            : `<system-out>${xml(`${c.verdict}: ${detail}`)}</system-out>`;
    return `    <testcase classname="${xml(`xai-bench.${c.task}`)}" name="${xml(c.metric)}">${body}</testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(title)}" tests="${r.cells.length}" failures="${failures}" errors="${errors}" skipped="${skipped}">`,
    `  <testsuite name="${xml(title)}" tests="${r.cells.length}" failures="${failures}" errors="${errors}" skipped="${skipped}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function renderJson(r: ComparisonReport, title: string): string {
  return `${JSON.stringify({ schema: 'xai-bench/comparison@1', title, ...r }, null, 2)}\n`;
}

export const FORMATS = { text: renderText, markdown: renderMarkdown, junit: renderJunit, json: renderJson } as const;
export type Format = keyof typeof FORMATS;
