/**
 * Scores an ingested study into its `human` section (xai-bench/human@1): per method the SSA values
 * (majority and the labelled soft variant), questionnaire scale scores per instrument version and
 * phase (pooled over groups and per group), Bradley-Terry strengths per criterion and CPS; agreement
 * statistics; and paired comparisons with Holm-adjusted p-values. Every interval is a seeded
 * bootstrap over the unit named beside it (items for SSA, groups or else raters for questionnaires,
 * users for CPS); Bradley-Terry intervals are Wald intervals from the Fisher information.
 */
import { bootstrapInterval, meanOf, type CiMethod } from '../metrics/human/bootstrap.js';
import { bradleyTerry, centred, comparisonGraph } from '../metrics/human/bradley-terry.js';
import { cpsSummary } from '../metrics/human/cps.js';
import { fleissKappa, fleissTable } from '../metrics/human/fleiss-kappa.js';
import { holm } from '../metrics/human/holm.js';
import { icc } from '../metrics/human/icc.js';
import { krippendorffAlpha, type AlphaLevel } from '../metrics/human/krippendorff-alpha.js';
import { normalQuantile, normalTwoSidedP } from '../numeric/normal-distribution.js';
import { keyed, scaleScore, type Instrument } from '../metrics/human/questionnaires.js';
import { signFlipTest } from '../metrics/human/sign-flip.js';
import { ssaItemLabel, ssaMajority, ssaSoft, type SsaVote, type TieRule } from '../metrics/human/ssa.js';
import { wilcoxonSignedRank } from '../metrics/human/wilcoxon.js';
import {
  HUMAN_SCHEMA,
  type HumanAgreement,
  type HumanAgreementValue,
  type HumanMethodEntry,
  type HumanMetric,
  type HumanPair,
  type HumanStudy,
  type HumanValue,
  type ResamplingUnit,
} from '../leaderboard/types.js';
import type { Preference, Study } from './study.js';

export interface ScoreOptions {
  readonly seed?: number;
  readonly resamples?: number;
  readonly ciMethod?: CiMethod;
  readonly tieRule?: TieRule;
}

const CONFIDENCE = 0.95;
const ALPHA = 0.05;
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const uniq = <T>(xs: Iterable<T>) => [...new Set(xs)];

interface Ctx {
  readonly study: Study;
  readonly seed: number;
  readonly resamples: number;
  readonly ciMethod: CiMethod;
  readonly tieRule: TieRule;
}

/** One row per (unit of agreement), rows = raters: the shape krippendorffAlpha takes. */
function alphaOf(
  cells: readonly { rater: string; unit: string; value: number }[],
  level: AlphaLevel,
): { value: HumanAgreementValue; note: string } {
  const raters = uniq(cells.map((c) => c.rater)).sort(byString);
  const units = uniq(cells.map((c) => c.unit)).sort(byString);
  const ri = new Map(raters.map((r, i) => [r, i]));
  const ui = new Map(units.map((u, i) => [u, i]));
  const data = raters.map(() => new Array<number | null>(units.length).fill(null));
  for (const c of cells) data[ri.get(c.rater)!][ui.get(c.unit)!] = c.value;
  try {
    const r = krippendorffAlpha(data, level);
    return { value: { stat: 'krippendorff-alpha', level, value: r.alpha, nUnits: r.pairableUnits }, note: '' };
  } catch (e) {
    return {
      value: { stat: 'krippendorff-alpha', level, value: null, nUnits: 0 },
      note: (e as Error).message.replace(/^krippendorffAlpha: /, ''),
    };
  }
}

function interval<T>(ctx: Ctx, units: readonly T[], stat: (s: readonly T[]) => number, stream: string[]) {
  return bootstrapInterval(units, stat, {
    seed: ctx.seed,
    stream: ['survey', ctx.study.studyId, ...stream],
    resamples: ctx.resamples,
    method: ctx.ciMethod,
    level: CONFIDENCE,
  });
}

function value(
  v: Partial<HumanValue> & Pick<HumanValue, 'metric' | 'value' | 'ci' | 'unit' | 'n' | 'nItems' | 'nRaters' | 'nObs'>,
  ciMethod: string,
): HumanValue {
  const direction = v.metric === 'cps' ? 'descriptive' : 'higher';
  return {
    instrument: null,
    phase: null,
    group: null,
    criterion: null,
    direction,
    defaultWeight: direction === 'descriptive' ? 0 : 1,
    ciMethod,
    agreement: null,
    notes: '',
    ...v,
  };
}

// ---- SSA ----

interface SsaItem {
  readonly item: string;
  readonly instance: string | null;
  readonly votes: readonly SsaVote[];
  readonly raters: readonly string[];
}

function ssaItemsByMethod(study: Study): Map<string, SsaItem[]> {
  const byItem = new Map<string, { votes: SsaVote[]; raters: string[] }>();
  for (const r of study.ssa) {
    const e = byItem.get(r.item) ?? { votes: [], raters: [] };
    e.votes.push({ sensible: r.sensible, specific: r.specific });
    e.raters.push(r.rater);
    byItem.set(r.item, e);
  }
  const out = new Map<string, SsaItem[]>();
  for (const [item, e] of [...byItem.entries()].sort((a, b) => byString(a[0], b[0]))) {
    const it = study.items.get(item)!;
    out.set(it.method, [...(out.get(it.method) ?? []), { item, instance: it.instance, votes: e.votes, raters: e.raters }]);
  }
  return out;
}

function ssaValues(ctx: Ctx, method: string, items: readonly SsaItem[]): HumanValue[] {
  const nRaters = uniq(items.flatMap((i) => i.raters)).length;
  const nObs = items.reduce((s, i) => s + i.votes.length, 0);
  const ties = items.filter((i) => ssaItemLabel(i.votes, ctx.tieRule).tie).length;
  const tieNote = ties ? `${ties} item label(s) decided by the tie rule (${ctx.tieRule})` : '';
  const question = (q: 'sensible' | 'specific') =>
    alphaOf(
      items.flatMap((i) =>
        i.votes.map((v, k) => ({ rater: i.raters[k], unit: i.item, value: q === 'sensible' ? v.sensible : v.specific })),
      ),
      'nominal',
    );
  const agree = { sensibleness: question('sensible'), specificity: question('specific') };
  const votes = items.map((i) => i.votes);
  const out: HumanValue[] = [];
  const metrics: [HumanMetric, (s: readonly (readonly SsaVote[])[]) => number, string][] = [
    ['sensibleness', (s) => ssaMajority(s, ctx.tieRule).sensibleness, `strict majority per item; ${tieNote}`],
    ['specificity', (s) => ssaMajority(s, ctx.tieRule).specificity, `strict majority per item; ${tieNote}`],
    ['ssa', (s) => ssaMajority(s, ctx.tieRule).ssa, `strict majority per item; ${tieNote}`],
    ['sensibleness_soft', (s) => ssaSoft(s).sensibleness, 'soft variant: mean of all ratings, no vote (sensitivity check)'],
    ['specificity_soft', (s) => ssaSoft(s).specificity, 'soft variant: mean of all ratings, no vote (sensitivity check)'],
    ['ssa_soft', (s) => ssaSoft(s).ssa, 'soft variant: mean of all ratings, no vote (sensitivity check)'],
  ];
  for (const [metric, stat, note] of metrics) {
    const b = interval(ctx, votes, stat, [metric, method]);
    const base = metric.replace('_soft', '') as 'sensibleness' | 'specificity' | 'ssa';
    const a = base === 'ssa' ? null : agree[base];
    out.push(
      value(
        {
          metric,
          value: b.estimate,
          ci: b.ci,
          unit: 'items',
          n: items.length,
          nItems: items.length,
          nRaters,
          nObs,
          agreement: a ? a.value : null,
          notes: [note.replace(/; $/, ''), a?.note].filter(Boolean).join('; '),
        },
        b.method,
      ),
    );
  }
  return out;
}

// ---- questionnaires ----

interface Sheet {
  readonly rater: string;
  readonly group: string | null;
  readonly method: string;
  readonly item: string | null;
  readonly instrument: Instrument;
  readonly phase: string;
  readonly responses: Map<string, number | null>;
}

function sheets(study: Study): Sheet[] {
  const map = new Map<string, Sheet>();
  for (const r of study.likert) {
    const key = [r.rater, r.method, r.item ?? '', r.instrument.name, r.phase].join('\u0000');
    const s = map.get(key) ?? {
      rater: r.rater,
      group: r.group,
      method: r.method,
      item: r.item,
      instrument: r.instrument,
      phase: r.phase,
      responses: new Map(),
    };
    s.responses.set(r.question, r.response);
    map.set(key, s);
  }
  return [...map.values()];
}

/** Respondent-level scores: the mean of a respondent's complete sheets for one method. */
interface Respondent {
  readonly rater: string;
  readonly group: string | null;
  readonly score: number;
  readonly sheets: number;
}

function respondents(list: readonly Sheet[]): { resp: Respondent[]; incomplete: number } {
  const byRater = new Map<string, { group: string | null; scores: number[] }>();
  let incomplete = 0;
  for (const s of list) {
    const score = scaleScore(s.instrument, s.responses);
    if (score === null) {
      incomplete++;
      continue;
    }
    const e = byRater.get(s.rater) ?? { group: s.group, scores: [] };
    e.scores.push(score);
    byRater.set(s.rater, e);
  }
  const resp = [...byRater.entries()]
    .sort((a, b) => byString(a[0], b[0]))
    .map(([rater, e]) => ({ rater, group: e.group, score: meanOf(e.scores), sheets: e.scores.length }));
  return { resp, incomplete };
}

/** Cluster units: groups when every respondent has one and there are >= 2 groups, else raters. */
function clusters(resp: readonly Respondent[]): { unit: ResamplingUnit; units: number[][] } {
  const groups = uniq(resp.map((r) => r.group));
  if (groups.length >= 2 && !groups.includes(null)) {
    return { unit: 'groups', units: (groups as string[]).sort(byString).map((g) => resp.filter((r) => r.group === g).map((r) => r.score)) };
  }
  return { unit: 'raters', units: resp.map((r) => [r.score]) };
}

const pooledMean = (units: readonly number[][]) => meanOf(units.flat());

/** How many answers the sheets hold (empty responses are missing). */
const answered = (list: readonly Sheet[]): number =>
  list.reduce((s, sh) => s + [...sh.responses.values()].filter((v) => v !== null).length, 0);

/** Each focus group apart, bootstrapped over its respondents. */
function focusGroupValues(
  ctx: Ctx,
  [name, phase, method]: readonly [string, string, string],
  common: Pick<HumanValue, 'metric' | 'instrument' | 'phase' | 'nItems' | 'nObs'>,
  list: readonly Sheet[],
  resp: readonly Respondent[],
): HumanValue[] {
  return uniq(resp.map((r) => r.group!))
    .sort(byString)
    .map((g) => {
      const members = resp.filter((r) => r.group === g).map((r) => [r.score]);
      const gb = interval(ctx, members, pooledMean, [name, phase, method, 'group', g]);
      const nObs = answered(list.filter((sh) => sh.group === g));
      return value(
        {
          ...common,
          nObs,
          group: g,
          value: gb.estimate,
          ci: gb.ci,
          unit: 'raters',
          n: members.length,
          nRaters: members.length,
          notes: 'one focus group',
        },
        gb.method,
      );
    });
}

function questionnaireValues(ctx: Ctx, method: string, all: readonly Sheet[]): HumanValue[] {
  const out: HumanValue[] = [];
  const keys = uniq(all.map((s) => `${s.instrument.name}\u0000${s.phase}`)).sort(byString);
  for (const key of keys) {
    const [name, phase] = key.split('\u0000');
    const list = all.filter((s) => s.instrument.name === name && s.phase === phase);
    const instrument = list[0].instrument;
    const { resp, incomplete } = respondents(list);
    const incompleteNote = incomplete ? `${incomplete} incomplete answer sheet(s) without a score` : '';
    const nItems = uniq(list.map((s) => s.item).filter((i) => i !== null)).length;
    const nObs = answered(list);
    const agreement = alphaOf(
      list.flatMap((s) =>
        [...s.responses.entries()]
          .filter(([, v]) => v !== null)
          .map(([q, v]) => ({ rater: s.rater, unit: `${s.item ?? s.method}|${q}`, value: keyed(instrument, q, v!) })),
      ),
      'ordinal',
    );
    const common = { metric: instrument.metric, instrument: name, phase, nItems, nObs } as const;
    if (resp.length === 0) {
      out.push(
        value(
          { ...common, value: null, ci: null, unit: 'raters', n: 0, nRaters: 0, notes: `no complete answer sheet; ${incompleteNote}` },
          ctx.ciMethod,
        ),
      );
      continue;
    }
    const { unit, units } = clusters(resp);
    const b = interval(ctx, units, pooledMean, [name, phase, method]);
    const few = unit === 'groups' && units.length < 10 ? `only ${units.length} groups: the interval is rough` : '';
    out.push(
      value(
        {
          ...common,
          value: b.estimate,
          ci: b.ci,
          unit,
          n: units.length,
          nRaters: resp.length,
          agreement: agreement.value,
          notes: [
            `${instrument.scoring === 'mean' ? 'mean of keyed items' : 'sum of items / (items x max)'}; scored only on complete sheets`,
            incompleteNote,
            few,
            agreement.note,
          ]
            .filter(Boolean)
            .join('; '),
        },
        b.method,
      ),
    );
    if (unit === 'groups') out.push(...focusGroupValues(ctx, [name, phase, method], common, list, resp));
  }
  return out;
}

// ---- CPS ----

function cpsValue(ctx: Ctx, method: string): HumanValue | null {
  const sessions = ctx.study.sessions.filter((s) => s.method === method);
  if (sessions.length === 0) return null;
  const users = uniq(sessions.map((s) => s.user)).sort(byString);
  const units = users.map((u) => sessions.filter((s) => s.user === u).map((s) => s.turns));
  const b = interval(ctx, units, pooledMean, ['cps', method]);
  const s = cpsSummary(sessions.map((x) => ({ user: x.user, turns: x.turns })));
  return value(
    {
      metric: 'cps',
      value: b.estimate,
      ci: b.ci,
      unit: 'users',
      n: users.length,
      nItems: 0,
      nRaters: users.length,
      nObs: sessions.length,
      notes:
        `descriptive (more turns can mean engagement or confusion); median ${s.median}, p90 ${s.p90}; turn = one user message ` +
        `answered by one system reply; cap ${ctx.study.cps!.maxTurns}, idle timeout ${ctx.study.cps!.idleTimeoutS} s`,
    },
    b.method,
  );
}

// ---- Bradley-Terry ----

type RawPair = Omit<HumanPair, 'pHolm' | 'familySize' | 'better'>;

/** Wins of the row method over the column method; a tie counts half a win each way. */
function winMatrix(prefs: readonly Preference[], methods: readonly string[]): { wins: number[][]; ties: number } {
  const idx = new Map(methods.map((m, i) => [m, i]));
  const wins = methods.map(() => new Array<number>(methods.length).fill(0));
  let ties = 0;
  for (const p of prefs) {
    const a = idx.get(p.methodA)!;
    const b = idx.get(p.methodB)!;
    if (p.outcome === 'a') wins[a][b]++;
    else if (p.outcome === 'b') wins[b][a]++;
    else {
      wins[a][b] += 0.5;
      wins[b][a] += 0.5;
      ties++;
    }
  }
  return { wins, ties };
}

/** Each method's fitted log-strength with its Wald interval. */
function strengthValue(
  criterion: string,
  prefs: readonly Preference[],
  m: string,
  beta: number,
  se: number,
  warn: readonly string[],
): HumanValue {
  const z = normalQuantile((1 + CONFIDENCE) / 2);
  const n = prefs.filter((p) => p.methodA === m || p.methodB === m).length;
  const raters = uniq(prefs.filter((p) => p.methodA === m || p.methodB === m).map((p) => p.rater)).length;
  return value(
    {
      metric: 'bt_strength',
      criterion,
      value: beta,
      ci: [beta - z * se, beta + z * se],
      unit: 'comparisons',
      n,
      nItems: 0,
      nRaters: raters,
      nObs: n,
      notes: [
        `log-strength centred to mean 0 over methods; Wald interval from the Fisher information (se ${se.toPrecision(4)})`,
        ...warn,
      ].join('; '),
    },
    'wald',
  );
}

/** Wald z tests of every two methods' strength difference. */
function strengthPairs(
  criterion: string,
  prefs: readonly Preference[],
  methods: readonly string[],
  fit: ReturnType<typeof centred>,
): RawPair[] {
  const z = normalQuantile((1 + CONFIDENCE) / 2);
  const raw: RawPair[] = [];
  for (let a = 0; a < methods.length; a++) {
    for (let b = a + 1; b < methods.length; b++) {
      const diff = fit.beta[a] - fit.beta[b];
      const se = Math.sqrt(Math.max(0, fit.covariance[a][a] + fit.covariance[b][b] - 2 * fit.covariance[a][b]));
      const zs = diff / se;
      const n = prefs.filter(
        (p) => (p.methodA === methods[a] && p.methodB === methods[b]) || (p.methodA === methods[b] && p.methodB === methods[a]),
      ).length;
      raw.push({
        metric: 'bt_strength',
        instrument: null,
        phase: null,
        criterion,
        methodA: methods[a],
        methodB: methods[b],
        diff,
        ci: [diff - z * se, diff + z * se],
        test: 'wald-z',
        primary: true,
        statistic: zs,
        pRaw: normalTwoSidedP(zs),
        n,
        unit: 'comparisons',
      });
    }
  }
  return raw;
}

/**
 * The pseudo-count the fit needs (0 when the MLE exists), or null when the comparison graph is not
 * connected and no fit is comparable; warnings go to the study notes and the values' notes.
 */
function pseudoCount(criterion: string, methods: readonly string[], wins: number[][], notes: string[], warn: string[]): number | null {
  const g = comparisonGraph(wins);
  if (!g.connected) {
    notes.push(
      `pairwise '${criterion}': WARNING the comparison graph is not connected, so no Bradley-Terry strengths are comparable; not fitted`,
    );
    return null;
  }
  if (g.stronglyConnected) return 0;
  const names = (ix: readonly number[]) => ix.map((i) => methods[i]).join(', ');
  const detail = [
    g.neverWins.length ? `never wins: ${names(g.neverWins)}` : '',
    g.neverLoses.length ? `never loses: ${names(g.neverLoses)}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  notes.push(
    `pairwise '${criterion}': WARNING the MLE does not exist (${detail || 'the win graph is not strongly connected'}); fitted with ` +
      `0.5 pseudo-wins each way per compared pair`,
  );
  warn.push('fitted with 0.5 pseudo-wins each way per compared pair (MLE does not exist)');
  return 0.5;
}

function bradleyTerryResults(ctx: Ctx, notes: string[]): { values: Map<string, HumanValue[]>; pairs: HumanPair[] } {
  const values = new Map<string, HumanValue[]>();
  const pairs: HumanPair[] = [];
  const criteria = uniq(ctx.study.preferences.map((p) => p.criterion)).sort(byString);
  for (const criterion of criteria) {
    const prefs = ctx.study.preferences.filter((p) => p.criterion === criterion);
    const methods = uniq(prefs.flatMap((p) => [p.methodA, p.methodB])).sort(byString);
    const { wins, ties } = winMatrix(prefs, methods);
    const warn: string[] = [];
    if (ties) warn.push(`${ties} tie(s) counted as half a win each way`);
    const pseudo = pseudoCount(criterion, methods, wins, notes, warn);
    if (pseudo === null) continue;
    const fit = centred(bradleyTerry(wins, { pseudoCount: pseudo }));
    methods.forEach((m, i) => values.set(m, [...(values.get(m) ?? []), strengthValue(criterion, prefs, m, fit.beta[i], fit.se[i], warn)]));
    pairs.push(...withHolm(strengthPairs(criterion, prefs, methods, fit)));
  }
  return { values, pairs };
}

// ---- paired comparisons ----

function withHolm(raw: readonly RawPair[]): HumanPair[] {
  const adj = holm(raw.map((r) => r.pRaw));
  return raw.map((r, i) => ({
    ...r,
    pHolm: adj[i],
    familySize: raw.length,
    better: r.primary && adj[i] <= ALPHA && r.diff !== 0 ? (r.diff > 0 ? r.methodA : r.methodB) : null,
  }));
}

interface PairedUnits {
  readonly metric: HumanMetric;
  readonly instrument: string | null;
  readonly phase: string | null;
  readonly unit: ResamplingUnit;
  /** Per method: unit id → score. */
  readonly scores: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

function pairedComparisons(ctx: Ctx, spec: PairedUnits): HumanPair[] {
  const methods = [...spec.scores.keys()].sort(byString);
  const rows: Record<'sign-flip' | 'wilcoxon-signed-rank', Omit<HumanPair, 'pHolm' | 'familySize' | 'better'>[]> = {
    'sign-flip': [],
    'wilcoxon-signed-rank': [],
  };
  for (let a = 0; a < methods.length; a++) {
    for (let b = a + 1; b < methods.length; b++) {
      const A = spec.scores.get(methods[a])!;
      const B = spec.scores.get(methods[b])!;
      const shared = [...A.keys()].filter((u) => B.has(u)).sort(byString);
      if (shared.length < 2) continue;
      const d = shared.map((u) => A.get(u)! - B.get(u)!);
      const stream = [spec.metric, spec.instrument ?? '', spec.phase ?? '', methods[a], methods[b]];
      const ci = interval(ctx, d, meanOf, ['diff', ...stream]);
      const sf = signFlipTest(d, { seed: ctx.seed, stream: ['survey', ctx.study.studyId, 'sign-flip', ...stream] });
      const w = wilcoxonSignedRank(d);
      const common = {
        metric: spec.metric,
        instrument: spec.instrument,
        phase: spec.phase,
        criterion: null,
        methodA: methods[a],
        methodB: methods[b],
        diff: meanOf(d),
        ci: ci.ci,
        n: shared.length,
        unit: spec.unit,
      };
      rows['sign-flip'].push({ ...common, test: 'sign-flip', primary: true, statistic: sf.statistic, pRaw: sf.p });
      rows['wilcoxon-signed-rank'].push({ ...common, test: 'wilcoxon-signed-rank', primary: false, statistic: w.wPlus, pRaw: w.p });
    }
  }
  return [...withHolm(rows['sign-flip']), ...withHolm(rows['wilcoxon-signed-rank'])];
}

// ---- agreement pooled over methods ----

function pooledAgreement(ctx: Ctx, sheetList: readonly Sheet[]): HumanAgreement[] {
  const out: HumanAgreement[] = [];
  const study = ctx.study;
  for (const q of ['sensible', 'specific'] as const) {
    if (study.ssa.length === 0) break;
    const metric = q === 'sensible' ? 'sensibleness' : 'specificity';
    const a = alphaOf(
      study.ssa.map((r) => ({ rater: r.rater, unit: r.item, value: r[q] })),
      'nominal',
    );
    out.push({
      metric,
      instrument: null,
      phase: null,
      method: null,
      ...a.value,
      note: a.note || 'rows = raters, units = items, after the coupling rule',
    });
    const perItem = new Map<string, number[]>();
    for (const r of study.ssa) perItem.set(r.item, [...(perItem.get(r.item) ?? []), r[q]]);
    const panels = uniq([...perItem.values()].map((v) => v.length));
    const fleiss = (value: number | null, nUnits: number, note: string) =>
      out.push({ metric, instrument: null, phase: null, method: null, stat: 'fleiss-kappa', level: 'nominal', value, nUnits, note });
    if (panels.length === 1 && panels[0] >= 2) {
      try {
        const f = fleissKappa(fleissTable([...perItem.values()], [0, 1]));
        fleiss(f.kappa, f.subjects, `z = ${f.z.toPrecision(4)} against kappa = 0`);
      } catch (e) {
        fleiss(null, perItem.size, (e as Error).message);
      }
    } else fleiss(null, perItem.size, 'items have panels of different sizes: see Krippendorff alpha');
  }
  const keys = uniq(sheetList.map((s) => `${s.instrument.name}\u0000${s.phase}`)).sort(byString);
  for (const key of keys) {
    const [name, phase] = key.split('\u0000');
    const list = sheetList.filter((s) => s.instrument.name === name && s.phase === phase);
    const ins = list[0].instrument;
    const a = alphaOf(
      list.flatMap((s) =>
        [...s.responses.entries()]
          .filter(([, v]) => v !== null)
          .map(([q, v]) => ({ rater: s.rater, unit: `${s.item ?? s.method}|${q}`, value: keyed(ins, q, v!) })),
      ),
      'ordinal',
    );
    out.push({
      metric: ins.metric,
      instrument: name,
      phase,
      method: null,
      ...a.value,
      note: a.note || 'rows = raters, units = (item or method) x question, keyed responses',
    });
    // ICC(2,1) of scale scores: targets = rated explanations (or methods), judges = raters, when complete.
    const targets = uniq(list.map((s) => s.item ?? s.method)).sort(byString);
    const judges = uniq(list.map((s) => s.rater)).sort(byString);
    const score = new Map(list.map((s) => [`${s.item ?? s.method}\u0000${s.rater}`, scaleScore(ins, s.responses)]));
    const matrix = targets.map((t) => judges.map((j) => score.get(`${t}\u0000${j}`) ?? null));
    if (targets.length >= 3 && judges.length >= 2 && matrix.every((row) => row.every((v) => v !== null))) {
      const r = icc(matrix as number[][]).forms.find((f) => f.form === 'ICC(2,1)')!;
      out.push({
        metric: ins.metric,
        instrument: name,
        phase,
        method: null,
        stat: 'icc',
        level: 'ICC(2,1)',
        value: r.value,
        nUnits: targets.length,
        note:
          `targets = ${list[0].item ? 'items' : 'methods'}, judges = raters; 95% CI [${r.ci[0].toPrecision(3)}, ` +
          `${r.ci[1].toPrecision(3)}]`,
      });
    }
  }
  return out;
}

/** One entry per method and control: SSA, questionnaire scores, Bradley-Terry strengths and CPS. */
function methodEntries(
  ctx: Ctx,
  ssaByMethod: ReadonlyMap<string, SsaItem[]>,
  sheetList: readonly Sheet[],
  bt: ReturnType<typeof bradleyTerryResults>,
): HumanMethodEntry[] {
  const methodIds = uniq([...ctx.study.items.values()].map((i) => i.method)).sort(byString);
  const controlOf = new Map([...ctx.study.items.values()].map((i) => [i.method, i.control]));
  return methodIds.map((method) => {
    const values: HumanValue[] = [];
    const ssaItems = ssaByMethod.get(method);
    if (ssaItems?.length) values.push(...ssaValues(ctx, method, ssaItems));
    values.push(
      ...questionnaireValues(
        ctx,
        method,
        sheetList.filter((s) => s.method === method),
      ),
    );
    values.push(...(bt.values.get(method) ?? []));
    const c = cpsValue(ctx, method);
    if (c) values.push(c);
    return { method, control: controlOf.get(method) ?? null, values };
  });
}

/** Paired comparisons of SSA: each method's item score on the shared instances. */
function ssaPairs(ctx: Ctx, ssaByMethod: ReadonlyMap<string, SsaItem[]>, isMethod: (m: string) => boolean): HumanPair[] {
  const ssaScores = new Map<string, Map<string, number>>();
  for (const [method, items] of ssaByMethod) {
    if (!isMethod(method)) continue;
    const m = new Map<string, number>();
    for (const it of items) {
      if (it.instance === null) continue;
      const l = ssaItemLabel(it.votes, ctx.tieRule);
      m.set(it.instance, (l.sensible + l.specific) / 2);
    }
    if (m.size) ssaScores.set(method, m);
  }
  return ssaScores.size >= 2
    ? pairedComparisons(ctx, { metric: 'ssa', instrument: null, phase: null, unit: 'items', scores: ssaScores })
    : [];
}

/** Paired comparisons of each questionnaire and phase. */
function questionnairePairs(ctx: Ctx, sheetList: readonly Sheet[], isMethod: (m: string) => boolean): HumanPair[] {
  const pairwise: HumanPair[] = [];
  const qKeys = uniq(sheetList.map((s) => `${s.instrument.name}\u0000${s.phase}`)).sort(byString);
  for (const key of qKeys) {
    const [name, phase] = key.split('\u0000');
    const list = sheetList.filter((s) => s.instrument.name === name && s.phase === phase && isMethod(s.method));
    const perMethod = new Map<string, Respondent[]>();
    for (const m of uniq(list.map((s) => s.method))) perMethod.set(m, respondents(list.filter((s) => s.method === m)).resp);
    const all = [...perMethod.values()].flat();
    const { unit } = clusters(all);
    // The paired unit is the group when ratings are clustered in groups (raters of one group are not
    // independent), else the respondent.
    const scores = new Map(
      [...perMethod.entries()].map(([m, resp]) => {
        if (unit === 'raters') return [m, new Map(resp.map((r) => [r.rater, r.score]))] as const;
        const byGroup = new Map<string, number[]>();
        for (const r of resp) byGroup.set(r.group!, [...(byGroup.get(r.group!) ?? []), r.score]);
        return [m, new Map([...byGroup.entries()].map(([g, s]) => [g, meanOf(s)]))] as const;
      }),
    );
    if (scores.size >= 2)
      pairwise.push(...pairedComparisons(ctx, { metric: list[0].instrument.metric, instrument: name, phase, unit, scores }));
  }
  return pairwise;
}

export function scoreStudy(study: Study, opts: ScoreOptions = {}): HumanStudy {
  const ctx: Ctx = {
    study,
    seed: opts.seed ?? 0,
    resamples: opts.resamples ?? 2000,
    ciMethod: opts.ciMethod ?? 'bca',
    tieRule: opts.tieRule ?? 'zero',
  };
  const notes = [...study.notes];
  const ssaByMethod = ssaItemsByMethod(study);
  const sheetList = sheets(study);
  const bt = bradleyTerryResults(ctx, notes);
  const entries = methodEntries(ctx, ssaByMethod, sheetList, bt);
  // Paired comparisons among methods (controls are reported apart and not in the families).
  const controlOf = new Map([...study.items.values()].map((i) => [i.method, i.control]));
  const isMethod = (m: string) => controlOf.get(m) === null;
  const pairwise: HumanPair[] = [...ssaPairs(ctx, ssaByMethod, isMethod), ...questionnairePairs(ctx, sheetList, isMethod), ...bt.pairs];

  return {
    schema: HUMAN_SCHEMA,
    studyId: study.studyId,
    simulated: study.simulated,
    settings: {
      seed: ctx.seed,
      resamples: ctx.resamples,
      confidence: CONFIDENCE,
      ciMethod: ctx.ciMethod,
      ssaTieRule: ctx.tieRule,
      primaryTest: 'sign-flip',
      alpha: ALPHA,
      cps: study.cps ? { turnConvention: 'exchange', ...study.cps } : null,
    },
    counts: {
      items: study.items.size,
      raters: study.raters.size,
      ssaVotes: study.ssa.length,
      likertResponses: study.likert.filter((r) => r.response !== null).length,
      preferences: study.preferences.length,
      sessions: study.sessions.length,
    },
    methods: entries.filter((e) => e.control === null),
    controls: entries.filter((e) => e.control !== null),
    agreement: pooledAgreement(ctx, sheetList),
    pairwise,
    notes,
  };
}
