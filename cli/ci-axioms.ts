/**
 * The functional tests in `xai-bench ci` (leaderboard/axioms/): the catalogue runs on the built-in
 * explainer the candidate is compared with and on the candidate (in its worker process); a test the
 * built-in passed and the candidate fails is a regression.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainers } from '../explainers/index.js';
import { isAttributionExplainer } from '../explainers/types.js';
import { type AxiomRecord, axiomRegressions } from '../leaderboard/axioms/run-axioms.js';
import { callInWorker } from '../runner/plugin-worker.js';
import { DEFAULT_CELL_TIMEOUT } from '../runner/run-options.js';

interface AxiomCheck {
  readonly regressions: readonly AxiomRecord[];
  readonly text: string;
}

/** Null when `against` is not a built-in attribution explainer (nothing to compare the candidate's tests with). */
export async function ciAxiomCheck(pluginPath: string, against: string, timeoutS = DEFAULT_CELL_TIMEOUT): Promise<AxiomCheck | null> {
  const builtIn = explainers.find((e) => e.id === against);
  if (!builtIn || !isAttributionExplainer(builtIn)) return null;
  // Both catalogues run in worker processes: tfjs is never started in the process that runs the pool and writes the reports.
  const module = new URL('./axioms-command.js', import.meta.url).href;
  const lines = [`## Functional tests (xai-bench axioms) against built-in ${against}`, ''];
  let base: AxiomRecord[];
  try {
    base = (await callInWorker({ module, fn: 'builtInAxiomRecords', args: [against] }, pluginPath, timeoutS)) as AxiomRecord[];
  } catch (e) {
    lines.push(`Not run: the catalogue did not finish on ${against} (${(e as Error).message.split('\n')[0]}).`);
    return { regressions: [], text: `${lines.join('\n')}\n` };
  }
  let cand: AxiomRecord[];
  try {
    cand = (await callInWorker({ module, fn: 'pluginAxiomRecords', args: [pluginPath, true] }, pluginPath, timeoutS)) as AxiomRecord[];
  } catch (e) {
    // A candidate that cannot finish the catalogue (it hangs, its worker dies) fails every test.
    lines.push(`The catalogue did not finish on the candidate (${(e as Error).message.split('\n')[0]}): every test counts as failed.`);
    cand = base.map((r) => ({ ...r, status: 'fail', measured: null }));
  }
  const regressions = axiomRegressions(base, cand);
  if (regressions.length === 0) lines.push(`No regression: the candidate passes every test ${against} passes (${base.filter((r) => r.status === 'pass').length} of ${base.length}).`);
  for (const r of regressions) lines.push(`- REGRESSION ${r.test}: ${against} passes, the candidate fails (measured ${r.measured}, tolerance ${r.tolerance})`);
  return { regressions, text: `${lines.join('\n')}\n` };
}

/** Appends the check to the markdown report (and the GitHub step summary). */
export function reportAxiomCheck(out: string, markdownFile: string, check: AxiomCheck): void {
  appendFileSync(join(out, markdownFile), `\n${check.text}`);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `\n${check.text}`);
}
