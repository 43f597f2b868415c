/** Reading STUDY_OUT/human.json folders for `aggregate --human`: validated, one study id once. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import type { HumanSection, HumanStudy } from '../leaderboard/types.js';
import { assertValid } from '../core/schemas.js';
import { HUMAN_JSON } from './score.js';

export function readHumanSection(dirs: readonly string[]): HumanSection {
  const studies: HumanStudy[] = [];
  for (const dir of dirs) {
    const file = join(dir, HUMAN_JSON);
    if (!existsSync(file))
      throw new UserError(`--human ${dir}: no ${HUMAN_JSON} (run xai-bench survey score STUDY_DIR --out ${dir} first)`);
    let obj: unknown;
    try {
      obj = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new UserError(`${file}: not valid JSON (${(e as Error).message})`);
    }
    assertValid<HumanStudy>('human', obj, file);
    if (studies.some((s) => s.studyId === obj.studyId)) throw new UserError(`${file}: study '${obj.studyId}' is given twice to --human`);
    studies.push(obj);
  }
  return { studies: studies.sort((a, b) => (a.studyId < b.studyId ? -1 : a.studyId > b.studyId ? 1 : 0)) };
}
