/**
 * `survey score STUDY_DIR --out DIR`: ingest, score, and write human_summary.csv, human_pairwise.csv
 * and human.json (the study's entry of the leaderboard's human section, merged by `aggregate --human`).
 */
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../runner/results-store.js';
import { assertValid } from '../core/schemas.js';
import type { HumanStudy } from '../leaderboard/types.js';
import { readStudy, type Study } from './ingest.js';
import { pairwiseCsv, summaryCsv } from './human-csv.js';
import { scoreStudy, type ScoreOptions } from './score-study.js';

export const HUMAN_JSON = 'human.json';
const SUMMARY_CSV = 'human_summary.csv';
const PAIRWISE_CSV = 'human_pairwise.csv';

/** The language(s) behind each (method, metric): from the ratings, else the items. */
function languages(study: Study): Map<string, string> {
  const acc = new Map<string, Set<string>>();
  const add = (method: string, metrics: readonly string[], lang: string | null) => {
    if (!lang) return;
    for (const m of metrics) acc.set(`${method}\u0000${m}`, (acc.get(`${method}\u0000${m}`) ?? new Set()).add(lang));
  };
  const ssaMetrics = ['ssa', 'sensibleness', 'specificity', 'ssa_soft', 'sensibleness_soft', 'specificity_soft'];
  for (const r of study.ssa) add(r.method, ssaMetrics, study.items.get(r.item)!.language);
  for (const r of study.likert) add(r.method, [r.instrument.metric], r.language ?? (r.item ? study.items.get(r.item)!.language : null));
  for (const s of study.sessions) add(s.method, ['cps'], s.language);
  return new Map([...acc.entries()].map(([k, v]) => [k, [...v].sort().join('+')]));
}

export interface ScoredStudy {
  readonly study: HumanStudy;
  readonly summaryCsv: string;
  readonly pairwiseCsv: string;
}

/** Scores the study folder `dir` (no files written). */
export function scoreStudyDir(dir: string, opts: ScoreOptions = {}): ScoredStudy {
  const ingested = readStudy(dir);
  const study = scoreStudy(ingested, opts);
  assertValid('human', study, 'survey score (internal)');
  return { study, summaryCsv: summaryCsv(study, languages(ingested)), pairwiseCsv: pairwiseCsv(study) };
}

export function writeScoredStudy(out: string, scored: ScoredStudy): string[] {
  const dir = resolve(out);
  writeFileAtomic(join(dir, SUMMARY_CSV), scored.summaryCsv);
  writeFileAtomic(join(dir, PAIRWISE_CSV), scored.pairwiseCsv);
  writeFileAtomic(join(dir, HUMAN_JSON), `${JSON.stringify(scored.study, null, 2)}\n`);
  return [SUMMARY_CSV, PAIRWISE_CSV, HUMAN_JSON];
}
