/**
 * Ingest of a study folder: items.csv and raters.csv, and whichever rating files are present.
 * Validation is strict (unknown ids, duplicates, labels and responses out of range, method ids that
 * disagree with items.csv, a study_id that differs between files) and every error names file, line
 * and column. Empty means missing and is never imputed; the coercions the protocol requires
 * (specific := 0 when not sensible; agree-low codes flipped; sessions cut at the cap) are applied
 * and reported in `notes`, never silently.
 */
import { existsSync, statSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { readItems } from './ingest/items.js';
import { readLikertRatings } from './ingest/likert-ratings.js';
import { readPreferences } from './ingest/preferences.js';
import { readRaters } from './ingest/raters.js';
import { readSessions } from './ingest/sessions.js';
import { readSsaRatings } from './ingest/ssa-ratings.js';
import { StudyReading } from './ingest/study-reading.js';
import type { Study } from './study.js';
import { isSimulatedStudy } from './study-files.js';

export type { LikertRating, Preference, PreferenceOutcome, SsaRating, Study, StudyItem, StudyRater, StudySession } from './study.js';

/** Reads a study folder in stages: items and raters first (the rating files refer to them), then each rating file present. */
export function readStudy(dir: string): Study {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`${dir}: not a study folder`);
  const r = new StudyReading(dir);
  readItems(r);
  readRaters(r);
  const ssa = readSsaRatings(r);
  const likert = readLikertRatings(r);
  const preferences = readPreferences(r);
  const { sessions, cps } = readSessions(r);
  return {
    dir,
    studyId: r.studyId,
    simulated: isSimulatedStudy(r.studyId),
    items: r.items,
    raters: r.raters,
    ssa,
    likert,
    preferences,
    sessions,
    cps,
    files: r.files,
    notes: r.notes.list(),
  };
}
