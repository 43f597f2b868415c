/** The pairwise stage: pairwise_prefs.csv; skipped comparisons are checked and noted but not fitted. */
import type { Cells } from '../cells.js';
import type { Preference } from '../study.js';
import type { StudyReading } from './study-reading.js';

export function readPreferences(r: StudyReading): Preference[] {
  return r.ratings('pairwise', (c, seen) => preferenceRow(r, c, seen));
}

/** One row checked; null for a skip or an excluded rater. */
function preferenceRow(r: StudyReading, c: Cells, seen: Map<string, number>): Preference | null {
  const rater = r.knownRater(c);
  const comparison = c.id('comparison_id');
  const key = `${rater.id}\u0000${comparison}`;
  if (seen.has(key)) c.fail('comparison_id', `duplicate comparison '${comparison}' by rater '${rater.id}'; first at line ${seen.get(key)}`);
  seen.set(key, c.line);
  if (c.raw('item_id') !== '') r.knownItem(c);
  const methodA = r.knownMethod(c, 'method_a');
  const methodB = r.knownMethod(c, 'method_b');
  if (methodA === methodB) c.fail('method_b', `'${methodB}' is also method_a (a method cannot be compared with itself)`);
  if (c.raw('shown_left') !== '') c.oneOf('shown_left', ['a', 'b'] as const);
  const criterion = c.id('criterion');
  const outcome = c.oneOf('outcome', ['a', 'b', 'tie', 'skip'] as const);
  c.optionalTimestamp('timestamp');
  if (outcome === 'skip') r.note('pairwise', 'skipped comparison kept but left out of the Bradley-Terry fit', c.line);
  if (rater.excluded || outcome === 'skip') return null;
  return { rater: rater.id, methodA, methodB, criterion, outcome };
}
