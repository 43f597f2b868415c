/**
 * The derived CSVs of a scored study (docs/formats.md, Survey files): human_summary.csv and
 * human_pairwise.csv, with the columns listed there in that order, then a few appended columns
 * (n_units, phase, group_id, criterion, direction, simulated; n, unit, better, primary, instrument_version,
 * phase, criterion, study_id) that the §6.3 list has no room for. Numbers at full precision; empty = none.
 */
import type { HumanMethodEntry, HumanStudy } from '../leaderboard/types.js';

const SUMMARY_COLUMNS = [
  'study_id',
  'metric',
  'method_id',
  'value',
  'ci_low',
  'ci_high',
  'ci_method',
  'B',
  'seed',
  'unit_of_resampling',
  'n_items',
  'n_raters',
  'n_obs',
  'agreement_stat',
  'agreement_level',
  'agreement_value',
  'agreement_n_units',
  'instrument_version',
  'language',
  'notes',
  'n_units',
  'phase',
  'group_id',
  'criterion',
  'direction',
  'is_control',
  'simulated',
] as const;

const PAIRWISE_COLUMNS = [
  'metric',
  'method_a',
  'method_b',
  'diff',
  'ci_low',
  'ci_high',
  'test',
  'statistic',
  'p_raw',
  'p_holm',
  'family_size',
  'n',
  'unit_of_resampling',
  'better',
  'primary',
  'instrument_version',
  'phase',
  'criterion',
  'study_id',
] as const;

function cell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csv = (header: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[]) =>
  [header.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';

export function summaryCsv(study: HumanStudy, languages: ReadonlyMap<string, string>): string {
  const rows: (string | number | boolean | null)[][] = [];
  const emit = (e: HumanMethodEntry) => {
    for (const v of e.values) {
      const boot = v.ciMethod === 'bca' || v.ciMethod === 'percentile';
      rows.push([
        study.studyId,
        v.metric,
        e.method,
        v.value,
        v.ci?.[0] ?? null,
        v.ci?.[1] ?? null,
        v.ciMethod,
        boot ? study.settings.resamples : null,
        boot ? study.settings.seed : null,
        v.unit,
        v.nItems,
        v.nRaters,
        v.nObs,
        v.agreement?.stat ?? null,
        v.agreement?.level ?? null,
        v.agreement?.value ?? null,
        v.agreement?.nUnits ?? null,
        v.instrument,
        languages.get(`${e.method}\u0000${v.metric}`) ?? null,
        v.notes,
        v.n,
        v.phase,
        v.group,
        v.criterion,
        v.direction,
        e.control !== null,
        study.simulated,
      ]);
    }
  };
  study.methods.forEach(emit);
  study.controls.forEach(emit);
  return csv(SUMMARY_COLUMNS, rows);
}

export function pairwiseCsv(study: HumanStudy): string {
  return csv(
    PAIRWISE_COLUMNS,
    study.pairwise.map((p) => [
      p.metric,
      p.methodA,
      p.methodB,
      p.diff,
      p.ci?.[0] ?? null,
      p.ci?.[1] ?? null,
      p.test,
      p.statistic,
      p.pRaw,
      p.pHolm,
      p.familySize,
      p.n,
      p.unit,
      p.better,
      p.primary,
      p.instrument,
      p.phase,
      p.criterion,
      study.studyId,
    ]),
  );
}
