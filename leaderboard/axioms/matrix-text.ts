/** The pass / fail / not-applicable matrix as text: one row per explainer, one column per test, measured values. */
import type { AxiomReport } from './run-axioms.js';

const fmt = (v: number | null) => (v === null ? '' : Math.abs(v) >= 1e3 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(1) : v.toFixed(3));

export function axiomMatrixText(report: AxiomReport): string {
  const tests = report.tests.map((t) => t.id);
  const ids = [...new Set(report.records.map((r) => r.explainer))];
  const cell = (id: string, test: string) => {
    const r = report.records.find((x) => x.explainer === id && x.test === test);
    if (!r) return '';
    const mark = r.status === 'pass' ? 'pass' : r.status === 'fail' ? (r.claimed ? 'FAIL!' : 'fail') : 'n/a';
    return r.status === 'not-applicable' ? mark : `${mark} ${fmt(r.measured)}`;
  };
  const width = Math.max(...ids.map((s) => s.length), 9);
  const colW = tests.map((t) => Math.max(t.length, 12));
  const lines = [['explainer'.padEnd(width), ...tests.map((t, j) => t.padEnd(colW[j]))].join('  ')];
  for (const id of ids) lines.push([id.padEnd(width), ...tests.map((t, j) => cell(id, t).padEnd(colW[j]))].join('  '));
  lines.push('', "pass/fail: the measured value against the test's tolerance; FAIL!: failed a property the method claims; n/a: not applicable.");
  for (const t of report.tests) lines.push(`  ${t.id}: ${t.measure.en} (tolerance ${t.tolerance}; ${t.citation})`);
  return lines.join('\n');
}
