/**
 * `survey export`: the study files of reference/human.md §6.3 from the rating database, in the columns
 * `survey score` reads. Conventions written here once: SSA `specific` is left empty when the rater said
 * "not sensible" (it was never asked; ingest applies the coupling rule and notes it); pairwise
 * comparisons name the first item as item_id and record the screen side in shown_left; a dialogue
 * session counts the opening message as a system message, so n_system_msgs = questions + 1 and n_turns =
 * questions (one question answered = one turn); a session the rater never ended is exported as ended by
 * timeout. Method ids come from the packet stored in the database, never from the rater's side.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findInstrument } from '../metrics/human/questionnaires.js';
import { writeFileAtomic } from '../runner/results-store.js';
import { LIKERT_ANCHORS } from './questionnaire-text.js';
import type { Lang, Packet } from './packet.js';
import { raterPlan } from './rater-plan.js';
import { columnsOf, csvText, type CsvValue, itemsCsv } from './study-csv.js';
import { STUDY_FILES } from './study-files.js';
import { type Db, storedPacket } from './study-db.js';

export const TURNS_CSV = 'dialogue_turns.csv';
export const AGENT_VERSION = 'xai-bench-dialogue@1';
export const CRITERION = 'helpful';

type Row = Record<string, CsvValue>;

export function studyFiles(db: Db, where: string): Record<string, string> {
  const packet: Packet = storedPacket(db, where);
  const study = packet.studyId;
  const items = new Map(packet.items.map((i) => [i.id, i]));
  const dialogues = new Map(packet.dialogues.map((d) => [d.id, d]));
  const raters = db.prepare('SELECT * FROM raters WHERE consent = 1 ORDER BY id').all() as Row[];
  const ok = new Set(raters.map((r) => r.id as string));
  const groupOf = new Map(raters.map((r) => [r.id as string, (r.group_id as string | null) ?? '']));

  const raterRows = raters.map((r) => ({
    study_id: study, rater_id: r.id, rater_pool: r.rater_pool, expertise: '', age_band: r.age_band, grade: r.grade, language: r.language,
    consent: r.consent, assent: r.assent, group_id: r.group_id, excluded: 0, exclusion_reason: '',
  }));

  const positions = new Map<string, Map<string, number>>();
  const positionOf = (rater: string, item: string) => {
    let m = positions.get(rater);
    if (!m) positions.set(rater, (m = new Map(raterPlan(packet, rater).ssa.map((id, k) => [id, k + 1]))));
    return m.get(item) ?? null;
  };
  const ssaRows: Row[] = [];
  const ssa = db.prepare('SELECT * FROM ssa ORDER BY rater_id, item_id, question').all() as Row[];
  const answered = new Set(ssa.map((r) => `${r.rater_id}|${r.item_id}|${r.question}`));
  for (const r of ssa) {
    if (!ok.has(r.rater_id as string)) continue;
    const base = { study_id: study, rater_id: r.rater_id, item_id: r.item_id, method_id: items.get(r.item_id as string)!.method, context_shown: 'full', position: positionOf(r.rater_id as string, r.item_id as string) };
    ssaRows.push({ ...base, question: r.question, label: r.label, timestamp: r.timestamp });
    if (r.question === 'sensible' && r.label === 0 && !answered.has(`${r.rater_id}|${r.item_id}|specific`)) {
      ssaRows.push({ ...base, question: 'specific', label: '', timestamp: r.timestamp });
    }
  }

  const pairRows = (db.prepare('SELECT * FROM pairwise ORDER BY rater_id, comparison_id').all() as Row[])
    .filter((r) => ok.has(r.rater_id as string))
    .map((r) => ({
      study_id: study, rater_id: r.rater_id, comparison_id: r.comparison_id, item_id: r.item_a, method_a: items.get(r.item_a as string)!.method,
      method_b: items.get(r.item_b as string)!.method, shown_left: r.shown_left, criterion: CRITERION, outcome: r.outcome, timestamp: r.timestamp,
    }));

  const sessions = db.prepare('SELECT * FROM sessions ORDER BY id').all() as Row[];
  const sessionOfRater = new Map(sessions.map((s) => [s.rater_id as string, s]));
  const likertRows = (db.prepare('SELECT * FROM likert ORDER BY rater_id, instrument, question_id').all() as Row[])
    .filter((r) => ok.has(r.rater_id as string))
    .map((r) => {
      const [id, ...v] = (r.instrument as string).split('-');
      const instrument = findInstrument(id, v.join('-'))!;
      const item = r.item_id as string;
      const session = sessionOfRater.get(r.rater_id as string);
      return {
        study_id: study, session_id: r.session_id ?? session?.id ?? '', group_id: groupOf.get(r.rater_id as string), rater_id: r.rater_id,
        // The ESS rates the explanations seen (item); trust and causability rate the system (no item).
        item_id: instrument.metric === 'ess' ? item : '', method_id: items.get(item)!.method, instrument_id: instrument.id,
        instrument_version: instrument.version, question_id: r.question_id, response_raw: LIKERT_ANCHORS[(r.response as number) - 1][r.language as Lang],
        response: r.response, scale_min: instrument.scaleMin, scale_max: instrument.scaleMax, scale_direction: 'agree_high',
        reverse_keyed: instrument.reverseKeyed.includes(r.question_id as string) ? 1 : 0, language: r.language, phase: 'post_task', timestamp: r.timestamp,
      };
    });

  const countTurns = db.prepare('SELECT COUNT(*) AS n FROM turns WHERE session_id = ?');
  const sessionRows = sessions
    .filter((s) => ok.has(s.rater_id as string))
    .map((s) => {
      const n = (countTurns.get(s.id) as { n: number }).n;
      const d = dialogues.get(s.dialogue_id as string)!;
      return {
        study_id: study, session_id: s.id, user_id: s.rater_id, method_id: items.get(d.item)!.method, agent_version: AGENT_VERSION, task_id: d.id,
        start_time: s.start_time, end_time: s.end_time ?? s.last_time, n_user_msgs: n, n_system_msgs: n + 1, n_turns: n,
        ended_by: s.ended_by ?? 'timeout', idle_timeout_s: packet.settings.idleTimeoutS, max_turns: packet.settings.maxTurns, language: s.language,
      };
    });

  const turnRows = (db.prepare('SELECT t.*, s.rater_id FROM turns t JOIN sessions s ON s.id = t.session_id ORDER BY t.session_id, t.turn_index').all() as Row[])
    .filter((r) => ok.has(r.rater_id as string))
    .map((r) => ({ study_id: study, session_id: r.session_id, turn_index: r.turn_index, question: r.question, timestamp: r.timestamp }));

  return {
    [STUDY_FILES.items]: itemsCsv(packet),
    [STUDY_FILES.raters]: csvText(columnsOf('raters'), raterRows),
    [STUDY_FILES.ssa]: csvText(columnsOf('ssa'), ssaRows),
    [STUDY_FILES.likert]: csvText(columnsOf('likert'), likertRows),
    [STUDY_FILES.pairwise]: csvText(columnsOf('pairwise'), pairRows),
    [STUDY_FILES.sessions]: csvText(columnsOf('sessions'), sessionRows),
    [TURNS_CSV]: csvText(['study_id', 'session_id', 'turn_index', 'question', 'timestamp'], turnRows),
  };
}

export function exportStudy(db: Db, out: string, where: string): string[] {
  const files = studyFiles(db, where);
  const dir = resolve(out);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileAtomic(join(dir, name), text);
  return Object.keys(files);
}
