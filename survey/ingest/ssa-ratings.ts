/**
 * The SSA stage: ssa_ratings.csv holds one row per (rater, item, question); the two questions of a
 * (rater, item) are joined into one vote. Missing labels are never imputed; the coupling rule is applied.
 */
import type { Cells } from '../cells.js';
import type { SsaRating } from '../study.js';
import type { StudyReading } from './study-reading.js';

interface Vote {
  readonly rater: string;
  readonly item: string;
  readonly method: string;
  readonly line: number;
  sensible?: 0 | 1 | null;
  specific?: 0 | 1 | null;
  specificLine?: number;
}

export function readSsaRatings(r: StudyReading): SsaRating[] {
  const file = r.readOptional('ssa');
  if (!file) return [];
  const seen = new Map<string, number>();
  const votes = new Map<string, Vote>();
  r.eachRow(file, (c) => collectVote(r, c, seen, votes));
  return [...votes.values()].flatMap((v) => {
    const rating = ratingOf(r, v);
    return rating ? [rating] : [];
  });
}

function collectVote(r: StudyReading, c: Cells, seen: Map<string, number>, votes: Map<string, Vote>): void {
  const rater = r.knownRater(c);
  const item = r.knownItem(c);
  const method = r.itemMethod(c, item);
  const question = c.oneOf('question', ['sensible', 'specific'] as const);
  const key = `${rater.id}\u0000${item.id}\u0000${question}`;
  if (seen.has(key)) {
    c.fail(
      'question',
      `duplicate rating of (rater '${rater.id}', item '${item.id}', question '${question}'); first at line ${seen.get(key)}`,
    );
  }
  seen.set(key, c.line);
  const label = c.optionalBinary('label');
  c.optionalTimestamp('timestamp');
  if (rater.excluded) return;
  const vk = `${rater.id}\u0000${item.id}`;
  const v = votes.get(vk) ?? { rater: rater.id, item: item.id, method, line: c.line };
  if (question === 'sensible') v.sensible = label;
  else {
    v.specific = label;
    v.specificLine = c.line;
  }
  votes.set(vk, v);
}

/** The vote as a rating, or null (noted) when a label it needs is missing. */
function ratingOf(r: StudyReading, v: Vote): SsaRating | null {
  if (v.sensible === undefined || v.sensible === null) {
    r.note('ssa', 'sensible label missing, so the (rater, item) vote is left out (not imputed)', v.line);
    return null;
  }
  let specific = v.specific;
  if (v.sensible === 0 && specific !== 0) {
    // The coupling rule of SSA: not sensible counts as not specific (Adiwardana et al. 2020,
    // "Towards a Human-like Open-Domain Chatbot").
    r.note(
      'ssa',
      `specific ${specific === 1 ? '1' : 'empty'} set to 0 because sensible is 0 (protocol coupling)`,
      v.specificLine ?? v.line,
    );
    specific = 0;
  }
  if (specific === undefined || specific === null) {
    r.note(
      'ssa',
      'specific label missing while sensible is 1, so the (rater, item) vote is left out (not imputed)',
      v.specificLine ?? v.line,
    );
    return null;
  }
  return { rater: v.rater, item: v.item, method: v.method, sensible: v.sensible, specific };
}
