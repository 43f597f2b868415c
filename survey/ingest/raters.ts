/** The raters stage: raters.csv, with raters who are excluded or gave no consent marked (their ratings are left out). */
import type { StudyReading } from './study-reading.js';

export function readRaters(r: StudyReading): void {
  const file = r.read('raters');
  r.eachRow(file, (c) => {
    const id = c.id('rater_id');
    if (r.raters.has(id)) c.fail('rater_id', `duplicate rater '${id}' (first at line ${r.raterLine.get(id)})`);
    const consent = c.binary('consent', 'a consent flag');
    const excluded = c.binary('excluded', 'an exclusion flag');
    if (excluded) {
      r.note('raters', `rater excluded (${c.raw('exclusion_reason') || 'no reason given'}); their ratings are left out`, c.line);
    } else if (!consent) r.note('raters', 'rater without consent; their ratings are left out', c.line);
    r.raters.set(id, { id, group: c.optionalId('group_id'), excluded: excluded === 1 || consent === 0 });
    r.raterLine.set(id, c.line);
  });
}
