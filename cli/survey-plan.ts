/** `xai-bench survey plan`: raters and items a rating study needs, by simulation (survey/plan/study-plan.ts). */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { writeFileAtomic } from '../runner/results-store.js';
import { DEFAULT_PER_RATER, DEFAULT_RATERS_PER_ITEM } from '../survey/make/make-options.js';
import { planStudy, type StudyPlan } from '../survey/plan/study-plan.js';
import { integer, list, parseCommand, str } from './args.js';

export const PLAN_HELP = `Usage: xai-bench survey plan --methods a,b[,c...] --effect D [--agreement R] [--items N] [--alpha A] [--power P]
                         [--baseline B] [--raters-per-item K] [--per-rater N] [--group-size G] [--sims S]
                         [--seed N] [--out FILE]

  How many inputs, raters and groups a rating study needs to tell the methods apart, by seeded
  simulation with the statistics survey score uses (paired sign-flip test, Holm over every pair of
  methods). SIMULATED planning data: it is never a study result and never enters a leaderboard.
  --methods a,b,...   the methods to compare (at least 2); the first two differ by D, others as the first
  --effect D          difference in the sensible-and-specific rate (SSA), and D x 4 points on the 1-5
                      questionnaire scale (Likert)
  --agreement R       intraclass correlation of raters' votes on one item, 0..1 (default 0.6)
  --items N           inputs per method to evaluate (default: the fewest that reach the power)
  --alpha A           family-wise error rate (default 0.05); --power P target power (default 0.8)
  --baseline B        sensible-and-specific rate of the first method (default 0.5)
  --raters-per-item K votes per item (default ${DEFAULT_RATERS_PER_ITEM}); --per-rater N items per rater (default ${DEFAULT_PER_RATER})
  --group-size G      raters per group (class) for the questionnaires (default 12)
  --sims S            simulated studies per size (default 200); --seed N (default 0)
  --out FILE          also write the plan as JSON (schema xai-bench/survey-plan@1)`;

function fraction(v: string | undefined, name: string, fallback: number, lo: number, hi: number, open = false): number {
  if (v === undefined) return fallback;
  const x = Number(v);
  const ok = Number.isFinite(x) && (open ? x > lo && x < hi : x >= lo && x <= hi);
  if (!ok) throw new UserError(`--${name} ${v}: expected a number ${open ? 'strictly ' : ''}between ${lo} and ${hi}`);
  return x;
}

/** --out must name a file in an existing folder (checked before the simulation runs). */
function checkOutFile(out: string): void {
  const dir = dirname(resolve(out));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`--out ${out}: no folder ${dir}`);
  if (existsSync(out) && statSync(out).isDirectory()) throw new UserError(`--out ${out}: is a folder, expected a file name`);
}

function planTable(plan: StudyPlan): string {
  const head = `[SIMULATED] survey plan: ${plan.request.methods.join(', ')}; effect ${plan.request.effect}, agreement ${plan.request.agreement}, ` +
    `alpha ${plan.request.alpha}, power ${plan.request.power} (${plan.settings.sims} simulated studies per size)`;
  const rows = plan.rows.map((r) =>
    `${r.criterion.padEnd(8)} ${String(r.units ?? `> ${20000}`).padStart(7)} ${r.unit.padEnd(7)} ${String(r.raters ?? '-').padStart(7)} raters  ` +
      `power ${r.power === null ? '-' : r.power.toFixed(2)}  ${r.note}`,
  );
  return [head, `criterion  needed unit     raters`, ...rows, plan.note].join('\n');
}

export function surveyPlan(argv: readonly string[]): number {
  const names = ['methods', 'effect', 'agreement', 'items', 'alpha', 'power', 'baseline', 'raters-per-item', 'per-rater', 'group-size', 'sims', 'seed', 'out'];
  const p = parseCommand('survey plan', argv, Object.fromEntries(names.map((n) => [n, { type: 'string' }])), PLAN_HELP);
  if (!p) return 0;
  const out = str(p, 'out');
  if (out) checkOutFile(out);
  const methods = list(p, 'methods') ?? [];
  if (methods.length < 2 || new Set(methods).size !== methods.length) throw new UserError('--methods: name at least two different methods (a,b,...)');
  if (str(p, 'effect') === undefined) throw new UserError('survey plan: --effect is required (see xai-bench survey plan --help)');
  const baseline = fraction(str(p, 'baseline'), 'baseline', 0.5, 0, 1, true);
  const effect = fraction(str(p, 'effect'), 'effect', 0, 0, 1 - baseline, true);
  const plan = planStudy({
    methods,
    effect,
    agreement: fraction(str(p, 'agreement'), 'agreement', 0.6, 0, 1),
    items: integer(p, 'items', 2) ?? null,
    alpha: fraction(str(p, 'alpha'), 'alpha', 0.05, 0, 1, true),
    power: fraction(str(p, 'power'), 'power', 0.8, 0, 1, true),
    baseline,
    ratersPerItem: integer(p, 'raters-per-item', 1) ?? DEFAULT_RATERS_PER_ITEM,
    perRater: integer(p, 'per-rater', 1) ?? DEFAULT_PER_RATER,
    controls: 2,
    groupSize: integer(p, 'group-size', methods.length) ?? 12,
    sims: integer(p, 'sims', 20) ?? 200,
    seed: integer(p, 'seed', 0) ?? 0,
  });
  process.stdout.write(`${planTable(plan)}\n`);
  if (out) {
    writeFileAtomic(resolve(out), `${JSON.stringify(plan, null, 1)}\n`);
    process.stderr.write(`wrote ${resolve(out)}\n`);
  }
  return 0;
}
