/**
 * Sensibleness and Specificity Average (Adiwardana et al. 2020, arXiv:2001.09977), adapted to
 * explanations (docs/metrics.md). Each rater gives (sensible, specific) per item; the coupling
 * rule (not sensible ⇒ not specific) is applied first; item labels are the strict majority over raters;
 * Sens and Spec are shares of items; SSA is their mean. The "soft" variant averages every rating
 * without voting and is a sensitivity check only.
 */

export type Binary = 0 | 1;

export interface SsaVote {
  readonly sensible: Binary;
  /** The rater's specific label; forced to 0 when sensible is 0. */
  readonly specific: Binary;
}

/** What a tie (an even panel split in half) becomes. 'zero' is the conservative, declared default. */
export type TieRule = 'zero' | 'one';

export interface SsaScores {
  readonly sensibleness: number;
  readonly specificity: number;
  readonly ssa: number;
  readonly items: number;
}

export interface ItemLabel {
  readonly sensible: Binary;
  readonly specific: Binary;
  /** Whether either label came from the tie rule. */
  readonly tie: boolean;
}

const couple = (v: SsaVote): SsaVote => ({ sensible: v.sensible, specific: v.sensible === 1 ? v.specific : 0 });

/** 1 when more than half of `votes` are 1; a half split follows `tie`. */
export function majority(votes: readonly Binary[], tie: TieRule = 'zero'): { label: Binary; tie: boolean } {
  const ones = votes.reduce<number>((s, v) => s + v, 0);
  if (2 * ones > votes.length) return { label: 1, tie: false };
  if (2 * ones === votes.length) return { label: tie === 'one' ? 1 : 0, tie: true };
  return { label: 0, tie: false };
}

export function ssaItemLabel(votes: readonly SsaVote[], tie: TieRule = 'zero'): ItemLabel {
  if (votes.length === 0) throw new RangeError('ssaItemLabel: an item without votes');
  const cv = votes.map(couple);
  const s = majority(cv.map((v) => v.sensible), tie);
  const p = majority(cv.map((v) => v.specific), tie);
  return { sensible: s.label, specific: p.label, tie: s.tie || p.tie };
}

/** Sens, Spec and SSA by strict majority per item; `items[i]` holds item i's votes. */
export function ssaMajority(items: readonly (readonly SsaVote[])[], tie: TieRule = 'zero'): SsaScores {
  if (items.length === 0) throw new RangeError('ssaMajority: no items');
  const labels = items.map((v) => ssaItemLabel(v, tie));
  const sensibleness = labels.reduce((s, l) => s + l.sensible, 0) / labels.length;
  const specificity = labels.reduce((s, l) => s + l.specific, 0) / labels.length;
  return { sensibleness, specificity, ssa: (sensibleness + specificity) / 2, items: items.length };
}

/** The soft variant: means over every (item, rater) rating, after coupling. */
export function ssaSoft(items: readonly (readonly SsaVote[])[]): SsaScores {
  const all = items.flat().map(couple);
  if (all.length === 0) throw new RangeError('ssaSoft: no ratings');
  const sensibleness = all.reduce((s, v) => s + v.sensible, 0) / all.length;
  const specificity = all.reduce((s, v) => s + v.specific, 0) / all.length;
  return { sensibleness, specificity, ssa: (sensibleness + specificity) / 2, items: items.length };
}
