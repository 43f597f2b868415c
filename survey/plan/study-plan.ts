/**
 * `survey plan`: how many inputs, raters and groups a study needs to tell methods apart, by seeded
 * simulation with the scorer's statistics (power.ts). SSA: each method's item on an input gets K
 * votes; a vote is "sensible and specific" with the method's rate (method 0 at the baseline, method
 * 1 at baseline + effect, the others at the baseline), votes on one item correlate by --agreement (a
 * beta-binomial item rate, so agreement is the intraclass correlation of votes); the item label is
 * the scorer's strict majority (ties to 0), and methods are compared paired by input. Likert: groups
 * (classes) of raters, each group's raters split evenly over the methods, one questionnaire (8 items,
 * 1-5) each; a response is the method's mean (method 1 higher by effect x 4 points, the scale's range)
 * plus the rater's own leaning (sd 0.8) plus noise (sd 1), rounded and clipped; methods are compared
 * paired by group, as the scorer does when raters come in groups. The simulated data never enters a
 * leaderboard: the plan says `simulated: true` and is a different file format from a study.
 */
import { ssaItemLabel } from '../../metrics/human/ssa.js';
import { normalQuantile } from '../../numeric/normal-distribution.js';
import { itemRate } from './beta-sample.js';
import { fewestUnits, power, type SimSettings, type StudyScores, unitRng } from './power.js';

const PLAN_SCHEMA = 'xai-bench/survey-plan@1';

export interface PlanRequest {
  readonly methods: readonly string[];
  readonly effect: number;
  readonly agreement: number;
  /** Inputs per method to evaluate; omitted: the fewest that reach the power. */
  readonly items: number | null;
  readonly alpha: number;
  readonly power: number;
  readonly baseline: number;
  readonly ratersPerItem: number;
  readonly perRater: number;
  /** Control items per input besides the methods (a packet has 2: constant and random). */
  readonly controls: number;
  readonly groupSize: number;
  readonly sims: number;
  readonly seed: number;
}

export interface PlanRow {
  readonly criterion: 'ssa' | 'likert';
  /** What is counted: inputs (SSA, paired by input) or groups (Likert, paired by group). */
  readonly unit: 'inputs' | 'groups';
  /** Units needed (or given), null when not reached within the search limit. */
  readonly units: number | null;
  readonly raters: number | null;
  readonly power: number | null;
  readonly note: string;
}

export interface StudyPlan {
  readonly schema: typeof PLAN_SCHEMA;
  readonly simulated: true;
  readonly note: string;
  readonly request: PlanRequest;
  readonly settings: SimSettings & { readonly test: 'sign-flip'; readonly adjustment: 'holm'; readonly ssaTieRule: 'zero' };
  readonly rows: readonly PlanRow[];
}

const MAX_UNITS = 20_000;

function ssaScores(r: PlanRequest): StudyScores {
  const rates = r.methods.map((_, m) => Math.min(1, r.baseline + (m === 1 ? r.effect : 0)));
  return (sim, n) => {
    const out = rates.map(() => new Array<number>(n));
    for (let i = 0; i < n; i++) {
      const rng = unitRng(r.seed, 'ssa', sim, i);
      rates.forEach((mean, m) => {
        const q = itemRate(rng, mean, r.agreement);
        const votes = Array.from({ length: r.ratersPerItem }, () => (rng.next() < q ? 1 : 0) as 0 | 1);
        const l = ssaItemLabel(votes.map((v) => ({ sensible: v, specific: v })), 'zero');
        out[m][i] = (l.sensible + l.specific) / 2;
      });
    }
    return out;
  };
}

function likertScores(r: PlanRequest): StudyScores {
  const shift = r.effect * 4;
  return (sim, n) => {
    const out = r.methods.map(() => new Array<number>(n));
    for (let g = 0; g < n; g++) {
      const rng = unitRng(r.seed, 'likert', sim, g);
      r.methods.forEach((_, m) => {
        let sum = 0;
        const raters = Math.max(1, Math.floor(r.groupSize / r.methods.length));
        for (let k = 0; k < raters; k++) {
          const lean = 0.8 * rng.normal();
          for (let q = 0; q < 8; q++) sum += Math.min(5, Math.max(1, Math.round(3 + (m === 1 ? shift : 0) + lean + rng.normal())));
        }
        out[m][g] = sum / (8 * raters);
      });
    }
    return out;
  };
}

/** Normal-approximation inputs for two proportions (Fleiss 1981, Statistical methods for rates and proportions), a start for the search. */
function twoProportionN(p1: number, p2: number, alpha: number, pow: number): number {
  const z = normalQuantile;
  const bar = (p1 + p2) / 2;
  const a = z(1 - alpha / 2) * Math.sqrt(2 * bar * (1 - bar));
  const b = z(pow) * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil(((a + b) * (a + b)) / ((p2 - p1) * (p2 - p1)));
}

export function planStudy(r: PlanRequest): StudyPlan {
  const s: SimSettings = { seed: r.seed, sims: r.sims, alpha: r.alpha, resamples: 1000, exactUpTo: 10 };
  const perInput = (r.methods.length + r.controls) * r.ratersPerItem;
  const ratersFor = (inputs: number) => Math.ceil((inputs * perInput) / r.perRater);
  const ssa = ssaScores(r);
  let ssaRow: PlanRow;
  const ssaNote =
    `inputs per method, each method's item rated by ${r.ratersPerItem} rater${r.ratersPerItem > 1 ? 's' : ''}; ` +
    `${r.methods.length} methods and ${r.controls} controls an input; ${r.perRater} items a rater`;
  if (r.items !== null) {
    const p = power(ssa, r.items, s, 'ssa');
    ssaRow = { criterion: 'ssa', unit: 'inputs', units: r.items, raters: ratersFor(r.items), power: p, note: ssaNote };
  } else {
    const start = twoProportionN(r.baseline, Math.min(0.999, r.baseline + r.effect), r.alpha, r.power);
    const found = fewestUnits((n) => power(ssa, n, s, 'ssa'), r.power, start, MAX_UNITS);
    ssaRow = { criterion: 'ssa', unit: 'inputs', units: found?.n ?? null, raters: found ? ratersFor(found.n) : null, power: found?.power ?? null, note: ssaNote };
  }
  const likert = likertScores(r);
  const found = fewestUnits((n) => power(likert, n, s, 'likert'), r.power, 8, MAX_UNITS);
  const likertRow: PlanRow = {
    criterion: 'likert',
    unit: 'groups',
    units: found?.n ?? null,
    raters: found ? found.n * r.groupSize : null,
    power: found?.power ?? null,
    note: `groups of ${r.groupSize} raters split over the methods, one 8-item questionnaire each; difference ${r.effect * 4} points on 1-5`,
  };
  return {
    schema: PLAN_SCHEMA,
    simulated: true,
    note: 'SIMULATED planning data: never a study result, never enters a leaderboard',
    request: r,
    settings: { ...s, test: 'sign-flip', adjustment: 'holm', ssaTieRule: 'zero' },
    rows: [ssaRow, likertRow],
  };
}
