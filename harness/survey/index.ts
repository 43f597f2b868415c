/** The survey API of the library entry point: `import { survey } from 'xai-bench'`. */
import * as stats from '../../metrics/human/index.js';
import { readStudy } from './ingest.js';
import { scoreStudyDir, writeScoredStudy } from './score.js';
import { scoreStudy } from './score-study.js';

export const survey = {
  /** Ingest, validate and score a study folder: { study (human@1), summaryCsv, pairwiseCsv }. */
  score: scoreStudyDir,
  /** Writes human_summary.csv, human_pairwise.csv and human.json into a folder. */
  write: writeScoredStudy,
  /** The two steps apart: strict ingest, then scoring. */
  readStudy,
  scoreStudy,
  /** The statistics (agreement, bootstrap, tests, Holm, Bradley-Terry, SSA, questionnaires, CPS). */
  stats,
} as const;
