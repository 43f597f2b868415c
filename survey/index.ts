/** The survey API of the library entry point: `import { survey } from 'xai-bench'`. */
import * as stats from '../metrics/human/index.js';
import { exportStudy } from './export.js';
import { readStudy } from './ingest.js';
import { makePacket } from './make-packet.js';
import { planStudy } from './plan/study-plan.js';
import { scoreStudyDir, writeScoredStudy } from './score.js';
import { scoreStudy } from './score-study.js';
import { serveSurvey } from './server.js';

export const survey = {
  /** Ingest, validate and score a study folder: { study (human@1), summaryCsv, pairwiseCsv }. */
  score: scoreStudyDir,
  /** Writes human_summary.csv, human_pairwise.csv and human.json into a folder. */
  write: writeScoredStudy,
  /** The two steps apart: strict ingest, then scoring. */
  readStudy,
  scoreStudy,
  /** A blinded rating packet from a run folder (`survey make`). */
  make: makePacket,
  /** The rating app (`survey serve`): resolves once listening; `close()` stops it. */
  serve: serveSurvey,
  /** The study files from a rating database (`survey export`). */
  exportStudy,
  /** Raters and items a study needs, by simulation (`survey plan`; simulated data, never a result). */
  plan: planStudy,
  /** The statistics (agreement, bootstrap, tests, Holm, Bradley-Terry, SSA, questionnaires, CPS). */
  stats,
} as const;
