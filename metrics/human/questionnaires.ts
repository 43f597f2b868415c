/**
 * The standard XAI questionnaires as named instrument versions (docs/metrics.md), kept apart:
 * ESS 2018 (8 items, Hoffman et al. arXiv:1812.04608) and ESS 2023 (9 items, Front. Comput. Sci.
 * 5:1096257) are different instruments and never share a column; the Trust Scale (2018, 8 items, item
 * 6 "I am wary of the tool" reverse-keyed); the System Causability Scale (Holzinger et al. 2020, 10
 * items, scored Σ/50). All are 5-point, 1 = disagree strongly ... 5 = agree strongly after ingest
 * normalises the coding direction. A scale score exists only when every item was answered.
 */

export type InstrumentMetric = 'ess' | 'trust' | 'scs';

export interface Instrument {
  /** instrument_id and instrument_version as written in likert_ratings.csv. */
  readonly id: 'ESS' | 'TRUST' | 'SCS';
  readonly version: string;
  /** The name used in outputs, e.g. ESS-2018-8. */
  readonly name: string;
  readonly metric: InstrumentMetric;
  readonly questions: readonly string[];
  readonly reverseKeyed: readonly string[];
  readonly scaleMin: number;
  readonly scaleMax: number;
  /** 'mean' of the keyed items (range min..max) or 'sum-over-max' (SCS: Σ r / (items · max)). */
  readonly scoring: 'mean' | 'sum-over-max';
}

const numbered = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);

/** A 5-point instrument of `items` numbered questions, named `<id>-<version>`. */
const fivePoint = (
  id: Instrument['id'],
  version: string,
  metric: InstrumentMetric,
  items: number,
  more: Partial<Pick<Instrument, 'reverseKeyed' | 'scoring'>> = {},
): Instrument => ({
  id,
  version,
  name: `${id}-${version}`,
  metric,
  questions: numbered(id, items),
  reverseKeyed: [],
  scaleMin: 1,
  scaleMax: 5,
  scoring: 'mean',
  ...more,
});

export const INSTRUMENTS: readonly Instrument[] = [
  fivePoint('ESS', '2018-8', 'ess', 8),
  fivePoint('ESS', '2023-9', 'ess', 9),
  fivePoint('TRUST', '2018-8', 'trust', 8, { reverseKeyed: ['TRUST-6'] }),
  fivePoint('SCS', '2020-10', 'scs', 10, { scoring: 'sum-over-max' }),
];

export function findInstrument(id: string, version: string): Instrument | undefined {
  return INSTRUMENTS.find((i) => i.id === id && i.version === version);
}

/** The keyed value of one response: reverse-keyed items become min + max − r. */
export function keyed(instrument: Instrument, question: string, response: number): number {
  return instrument.reverseKeyed.includes(question) ? instrument.scaleMin + instrument.scaleMax - response : response;
}

/**
 * The scale score of one respondent's answers (question id → response on the instrument's scale,
 * agree-high), or null when any item is missing: a subset is never averaged and called the scale.
 */
export function scaleScore(instrument: Instrument, responses: ReadonlyMap<string, number | null>): number | null {
  let sum = 0;
  for (const q of instrument.questions) {
    const r = responses.get(q);
    if (r === undefined || r === null) return null;
    if (!(r >= instrument.scaleMin && r <= instrument.scaleMax)) {
      throw new RangeError(`${instrument.name} ${q}: response ${r} outside ${instrument.scaleMin}..${instrument.scaleMax}`);
    }
    sum += keyed(instrument, q, r);
  }
  const k = instrument.questions.length;
  return instrument.scoring === 'mean' ? sum / k : sum / (k * instrument.scaleMax);
}
