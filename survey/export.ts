/**
 * `survey export`: the study files of docs/formats.md (Survey files) from the rating database, in the columns
 * `survey score` reads. Conventions written here once: SSA `specific` is left empty when the rater said
 * "not sensible" (it was never asked; ingest applies the coupling rule and notes it); pairwise
 * comparisons name the first item as item_id and record the screen side in shown_left; a dialogue
 * session counts the opening message as a system message, so n_system_msgs = questions + 1 and n_turns =
 * questions (one question answered = one turn); a session the rater never ended is exported as ended by
 * timeout. Method ids come from the packet stored in the database, never from the rater's side.
 * design.json records the packet's design (design.ts) and every slot assignment, so the files say
 * which design and slots produced them.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findInstrument } from '../metrics/human/questionnaires.js';
import { writeFileAtomic } from '../runner/results-store.js';
import { LIKERT_ANCHORS } from './questionnaire-text.js';
import type { Lang, Packet, PacketItem } from './packet.js';
import { raterPlan } from './rater-plan.js';
import type { Assignment } from './serve/assignment-store.js';
import { columnsOf, csvText, type CsvValue, itemsCsv } from './study-csv.js';
import { STUDY_FILES } from './study-files.js';
import { type Db, storedPacket } from './study-db.js';

const TURNS_CSV = 'dialogue_turns.csv';
const DESIGN_JSON = 'design.json';
const DESIGN_RECORD_SCHEMA = 'xai-bench/survey-design-record@1';
const AGENT_VERSION = 'xai-bench-dialogue@1';
const CRITERION = 'helpful';

type Row = Record<string, CsvValue>;

/** What every exported file needs: the stored packet, its items, and the raters who consented. */
interface ExportContext {
  readonly db: Db;
  readonly packet: Packet;
  readonly study: string;
  readonly items: ReadonlyMap<string, PacketItem>;
  readonly raters: readonly Row[];
  /** Raters whose answers are exported. */
  readonly ok: ReadonlySet<string>;
  /** Slot assignments, oldest first (none for a database of a packet without a design). */
  readonly assignments: readonly Assignment[];
}

/** The assignments table, or none in a database made before slots existed. */
function assignmentsOf(db: Db): Assignment[] {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'assignments'").get();
  return has ? (db.prepare('SELECT * FROM assignments ORDER BY assigned_at, rater_id, round, slot').all() as Assignment[]) : [];
}

/** The design and who held which slot, or null without a design. */
function designRecord(x: ExportContext): string | null {
  const d = x.packet.design;
  if (!d) return null;
  const assignments = x.assignments
    .filter((a) => x.ok.has(a.rater_id))
    .map((a) => ({
      rater_id: a.rater_id,
      round: a.round,
      slot: a.slot,
      assigned_at: a.assigned_at,
      finished_at: a.completed_at,
      abandoned_at: a.released_at,
      abandoned_by: a.released_by,
    }));
  return `${JSON.stringify({ schema: DESIGN_RECORD_SCHEMA, studyId: x.study, design: d, assignments }, null, 1)}\n`;
}

export function studyFiles(db: Db, where: string): Record<string, string> {
  const packet: Packet = storedPacket(db, where);
  const raters = db.prepare('SELECT * FROM raters WHERE consent = 1 ORDER BY id').all() as Row[];
  const x: ExportContext = {
    db,
    packet,
    study: packet.studyId,
    items: new Map(packet.items.map((i) => [i.id, i])),
    raters,
    ok: new Set(raters.map((r) => r.id as string)),
    assignments: assignmentsOf(db),
  };
  const sessions = db.prepare('SELECT * FROM sessions ORDER BY id').all() as Row[];
  const design = designRecord(x);
  return {
    ...(design ? { [DESIGN_JSON]: design } : {}),
    [STUDY_FILES.items]: itemsCsv(packet),
    [STUDY_FILES.raters]: csvText(columnsOf('raters'), raterRows(x)),
    [STUDY_FILES.ssa]: csvText(columnsOf('ssa'), ssaRows(x)),
    [STUDY_FILES.likert]: csvText(columnsOf('likert'), likertRows(x, sessions)),
    [STUDY_FILES.pairwise]: csvText(columnsOf('pairwise'), pairRows(x)),
    [STUDY_FILES.sessions]: csvText(columnsOf('sessions'), sessionRows(x, sessions)),
    [TURNS_CSV]: csvText(['study_id', 'session_id', 'turn_index', 'question', 'timestamp'], turnRows(x)),
  };
}

function raterRows(x: ExportContext): Row[] {
  return x.raters.map((r) => ({
    study_id: x.study,
    rater_id: r.id,
    rater_pool: r.rater_pool,
    expertise: '',
    age_band: r.age_band,
    grade: r.grade,
    language: r.language,
    consent: r.consent,
    assent: r.assent,
    group_id: r.group_id,
    excluded: 0,
    exclusion_reason: '',
  }));
}

/** SSA rows, with an empty `specific` added where the rater said "not sensible" (it was never asked). */
function ssaRows(x: ExportContext): Row[] {
  const positions = new Map<string, Map<string, number>>();
  // The position in the slot the rater held (their first slot with the item), or in the whole packet without a design.
  const slots = new Map((x.packet.design?.slots ?? []).map((s) => [s.id, s]));
  const positionOf = (rater: string, item: string) => {
    let m = positions.get(rater);
    if (!m) {
      const held = x.assignments.filter((a) => a.rater_id === rater).map((a) => slots.get(a.slot)!);
      const plans = x.packet.design ? held.map((s) => raterPlan(x.packet, rater, s)) : [raterPlan(x.packet, rater)];
      m = new Map();
      for (const p of plans) p.ssa.forEach((id, k) => m!.has(id) || m!.set(id, k + 1));
      positions.set(rater, m);
    }
    return m.get(item) ?? null;
  };
  const rows: Row[] = [];
  const ssa = x.db.prepare('SELECT * FROM ssa ORDER BY rater_id, item_id, question').all() as Row[];
  const answered = new Set(ssa.map((r) => `${r.rater_id}|${r.item_id}|${r.question}`));
  for (const r of ssa) {
    if (!x.ok.has(r.rater_id as string)) continue;
    const base = {
      study_id: x.study,
      rater_id: r.rater_id,
      item_id: r.item_id,
      method_id: x.items.get(r.item_id as string)!.method,
      context_shown: 'full',
      position: positionOf(r.rater_id as string, r.item_id as string),
    };
    rows.push({ ...base, question: r.question, label: r.label, timestamp: r.timestamp });
    if (r.question === 'sensible' && r.label === 0 && !answered.has(`${r.rater_id}|${r.item_id}|specific`)) {
      rows.push({ ...base, question: 'specific', label: '', timestamp: r.timestamp });
    }
  }
  return rows;
}

function pairRows(x: ExportContext): Row[] {
  return (x.db.prepare('SELECT * FROM pairwise ORDER BY rater_id, comparison_id').all() as Row[])
    .filter((r) => x.ok.has(r.rater_id as string))
    .map((r) => ({
      study_id: x.study,
      rater_id: r.rater_id,
      comparison_id: r.comparison_id,
      item_id: r.item_a,
      method_a: x.items.get(r.item_a as string)!.method,
      method_b: x.items.get(r.item_b as string)!.method,
      shown_left: r.shown_left,
      criterion: CRITERION,
      outcome: r.outcome,
      timestamp: r.timestamp,
    }));
}

function likertRows(x: ExportContext, sessions: readonly Row[]): Row[] {
  const groupOf = new Map(x.raters.map((r) => [r.id as string, (r.group_id as string | null) ?? '']));
  const sessionOfRater = new Map(sessions.map((s) => [s.rater_id as string, s]));
  return (x.db.prepare('SELECT * FROM likert ORDER BY rater_id, instrument, question_id').all() as Row[])
    .filter((r) => x.ok.has(r.rater_id as string))
    .map((r) => {
      const [id, ...v] = (r.instrument as string).split('-');
      const instrument = findInstrument(id, v.join('-'))!;
      const item = r.item_id as string;
      const session = sessionOfRater.get(r.rater_id as string);
      return {
        study_id: x.study,
        session_id: r.session_id ?? session?.id ?? '',
        group_id: groupOf.get(r.rater_id as string),
        rater_id: r.rater_id,
        // The ESS rates the explanations seen (item); trust and causability rate the system (no item).
        item_id: instrument.metric === 'ess' ? item : '',
        method_id: x.items.get(item)!.method,
        instrument_id: instrument.id,
        instrument_version: instrument.version,
        question_id: r.question_id,
        response_raw: LIKERT_ANCHORS[(r.response as number) - 1][r.language as Lang],
        response: r.response,
        scale_min: instrument.scaleMin,
        scale_max: instrument.scaleMax,
        scale_direction: 'agree_high',
        reverse_keyed: instrument.reverseKeyed.includes(r.question_id as string) ? 1 : 0,
        language: r.language,
        phase: 'post_task',
        timestamp: r.timestamp,
      };
    });
}

function sessionRows(x: ExportContext, sessions: readonly Row[]): Row[] {
  const dialogues = new Map(x.packet.dialogues.map((d) => [d.id, d]));
  const countTurns = x.db.prepare('SELECT COUNT(*) AS n FROM turns WHERE session_id = ?');
  const { idleTimeoutS, maxTurns } = x.packet.settings;
  return sessions
    .filter((s) => x.ok.has(s.rater_id as string))
    .map((s) => {
      const n = (countTurns.get(s.id) as { n: number }).n;
      const d = dialogues.get(s.dialogue_id as string)!;
      return {
        study_id: x.study,
        session_id: s.id,
        user_id: s.rater_id,
        method_id: x.items.get(d.item)!.method,
        agent_version: AGENT_VERSION,
        task_id: d.id,
        start_time: s.start_time,
        end_time: s.end_time ?? s.last_time,
        n_user_msgs: n,
        n_system_msgs: n + 1,
        n_turns: n,
        ended_by: s.ended_by ?? 'timeout',
        idle_timeout_s: idleTimeoutS,
        max_turns: maxTurns,
        language: s.language,
      };
    });
}

function turnRows(x: ExportContext): Row[] {
  const sql = 'SELECT t.*, s.rater_id FROM turns t JOIN sessions s ON s.id = t.session_id ORDER BY t.session_id, t.turn_index';
  return (x.db.prepare(sql).all() as Row[])
    .filter((r) => x.ok.has(r.rater_id as string))
    .map((r) => ({ study_id: x.study, session_id: r.session_id, turn_index: r.turn_index, question: r.question, timestamp: r.timestamp }));
}

export function exportStudy(db: Db, out: string, where: string): string[] {
  const files = studyFiles(db, where);
  const dir = resolve(out);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileAtomic(join(dir, name), text);
  return Object.keys(files);
}
