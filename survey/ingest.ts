/**
 * Ingest of a study folder: items.csv and raters.csv, and whichever rating files are present.
 * Validation is strict (unknown ids, duplicates, labels and responses out of range, method ids that
 * disagree with items.csv, a study_id that differs between files) and every error names file, line
 * and column. Empty means missing and is never imputed; the coercions the protocol requires
 * (specific := 0 when not sensible; agree-low codes flipped; sessions cut at the cap) are applied
 * and reported in `notes`, never silently.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { exchangeTurns } from '../metrics/human/cps.js';
import { findInstrument, INSTRUMENTS, type Instrument } from '../metrics/human/questionnaires.js';
import { Cells } from './cells.js';
import { readCsv, type CsvFile } from './csv-file.js';
import { COLUMNS, CONTROL_TYPES, isSimulatedStudy, STUDY_FILES, type ControlType } from './study-files.js';

export interface StudyItem {
  readonly id: string;
  readonly method: string;
  readonly control: ControlType | null;
  /** dataset|model|instance: items of different methods on the same instance are paired. */
  readonly instance: string | null;
  readonly language: string | null;
}

export interface StudyRater {
  readonly id: string;
  readonly group: string | null;
  readonly excluded: boolean;
}

export interface SsaRating {
  readonly rater: string;
  readonly item: string;
  readonly method: string;
  readonly sensible: 0 | 1;
  readonly specific: 0 | 1;
}

export interface LikertRating {
  readonly rater: string;
  readonly group: string | null;
  /** null for system-level questionnaires. */
  readonly item: string | null;
  readonly method: string;
  readonly instrument: Instrument;
  readonly question: string;
  /** On the agree-high coding; null when empty (missing). */
  readonly response: number | null;
  readonly phase: string;
  readonly language: string | null;
}

export type PreferenceOutcome = 'a' | 'b' | 'tie' | 'skip';

export interface Preference {
  readonly rater: string;
  readonly methodA: string;
  readonly methodB: string;
  readonly criterion: string;
  readonly outcome: PreferenceOutcome;
}

export interface StudySession {
  readonly id: string;
  readonly user: string;
  readonly method: string;
  /** Turns after the cap. */
  readonly turns: number;
  readonly language: string | null;
}

export interface Study {
  readonly dir: string;
  readonly studyId: string;
  readonly simulated: boolean;
  readonly items: ReadonlyMap<string, StudyItem>;
  readonly raters: ReadonlyMap<string, StudyRater>;
  readonly ssa: readonly SsaRating[];
  readonly likert: readonly LikertRating[];
  readonly preferences: readonly Preference[];
  readonly sessions: readonly StudySession[];
  /** The single idle timeout and turn cap of the sessions (null without sessions.csv). */
  readonly cps: { readonly idleTimeoutS: number; readonly maxTurns: number } | null;
  /** Files read, in order. */
  readonly files: readonly string[];
  /** Coercions, exclusions and missing values, each once with its count and first lines. */
  readonly notes: readonly string[];
}

/** Collects one kind of event per file and reports it once with a count and the first lines. */
class NoteBook {
  private readonly events = new Map<string, number[]>();
  add(file: string, what: string, line: number): void {
    const key = `${file}\u0000${what}`;
    this.events.set(key, [...(this.events.get(key) ?? []), line]);
  }
  list(): string[] {
    return [...this.events.entries()].map(([key, lines]) => {
      const [file, what] = key.split('\u0000');
      const shown = lines.slice(0, 5).join(', ');
      return `${file}: ${what} on ${lines.length} row(s) (line ${shown}${lines.length > 5 ? ', ...' : ''})`;
    });
  }
}

function checkStudyId(c: Cells, studyId: string, itemsPath: string): void {
  const v = c.id('study_id');
  if (v !== studyId) c.fail('study_id', `'${v}' differs from the study_id '${studyId}' of ${itemsPath}`);
}

function each(file: CsvFile, f: (c: Cells) => void): void {
  for (const row of file.rows) f(new Cells(file, row));
}

export function readStudy(dir: string): Study {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`${dir}: not a study folder`);
  const path = (f: string) => join(dir, f);
  const notes = new NoteBook();
  const files: string[] = [];

  // items.csv defines the study id, the methods and the controls.
  const itemsFile = readCsv(path(STUDY_FILES.items), COLUMNS.items);
  files.push(STUDY_FILES.items);
  if (itemsFile.rows.length === 0) throw new UserError(`${itemsFile.path}: no items`);
  const studyId = new Cells(itemsFile, itemsFile.rows[0]).id('study_id');
  const items = new Map<string, StudyItem>();
  const itemLine = new Map<string, number>();
  each(itemsFile, (c) => {
    checkStudyId(c, studyId, itemsFile.path);
    const id = c.id('item_id');
    if (items.has(id)) c.fail('item_id', `duplicate item '${id}' (first at line ${itemLine.get(id)})`);
    const method = c.id('method_id');
    const isControl = c.binary('is_control', 'a control flag');
    const controlType = c.raw('control_type');
    const expected = (CONTROL_TYPES as Record<string, ControlType>)[method];
    if (isControl === 1) {
      if (!expected) c.fail('method_id', `'${method}' is not a control id (expected ${Object.keys(CONTROL_TYPES).join(', ')}) but is_control is 1`);
      if (controlType !== expected) c.fail('control_type', `'${controlType}' disagrees with method '${method}' (expected '${expected}')`);
    } else {
      if (expected) c.fail('is_control', `method '${method}' is a control, but is_control is 0`);
      if (controlType !== '') c.fail('control_type', `'${controlType}' given for an item that is not a control (leave it empty)`);
    }
    const parts = ['dataset_id', 'model_id', 'instance_id'].map((k) => c.raw(k));
    items.set(id, {
      id,
      method,
      control: isControl ? expected : null,
      instance: parts[2] === '' ? null : parts.join('|'),
      language: c.raw('language') || null,
    });
    itemLine.set(id, c.line);
  });
  const methods = new Set([...items.values()].map((i) => i.method));
  const knownMethod = (c: Cells, column: string): string => {
    const m = c.id(column);
    if (!methods.has(m)) c.fail(column, `unknown method '${m}' (not in ${itemsFile.path}; methods there: ${[...methods].sort().join(', ')})`);
    return m;
  };

  const ratersFile = readCsv(path(STUDY_FILES.raters), COLUMNS.raters);
  files.push(STUDY_FILES.raters);
  const raters = new Map<string, StudyRater>();
  const raterLine = new Map<string, number>();
  each(ratersFile, (c) => {
    checkStudyId(c, studyId, itemsFile.path);
    const id = c.id('rater_id');
    if (raters.has(id)) c.fail('rater_id', `duplicate rater '${id}' (first at line ${raterLine.get(id)})`);
    const consent = c.binary('consent', 'a consent flag');
    const excluded = c.binary('excluded', 'an exclusion flag');
    if (excluded) notes.add(STUDY_FILES.raters, `rater excluded (${c.raw('exclusion_reason') || 'no reason given'}); their ratings are left out`, c.line);
    else if (!consent) notes.add(STUDY_FILES.raters, 'rater without consent; their ratings are left out', c.line);
    raters.set(id, { id, group: c.optionalId('group_id'), excluded: excluded === 1 || consent === 0 });
    raterLine.set(id, c.line);
  });
  const knownRater = (c: Cells, column = 'rater_id'): StudyRater => {
    const r = c.id(column);
    const rater = raters.get(r);
    if (!rater) c.fail(column, `unknown rater '${r}' (not in ${ratersFile.path})`);
    return rater;
  };
  const knownItem = (c: Cells): StudyItem => {
    const i = c.id('item_id');
    const item = items.get(i);
    if (!item) c.fail('item_id', `unknown item '${i}' (not in ${itemsFile.path})`);
    return item;
  };
  const itemMethod = (c: Cells, item: StudyItem): string => {
    const m = c.id('method_id');
    if (m !== item.method) c.fail('method_id', `'${m}' disagrees with ${itemsFile.path}, where item '${item.id}' has method '${item.method}' (line ${itemLine.get(item.id)})`);
    return m;
  };

  const ssa: SsaRating[] = [];
  if (existsSync(path(STUDY_FILES.ssa))) {
    const f = readCsv(path(STUDY_FILES.ssa), COLUMNS.ssa);
    files.push(STUDY_FILES.ssa);
    const seen = new Map<string, number>();
    const votes = new Map<string, { rater: string; item: string; method: string; line: number; sensible?: 0 | 1 | null; specific?: 0 | 1 | null; specificLine?: number }>();
    each(f, (c) => {
      checkStudyId(c, studyId, itemsFile.path);
      const rater = knownRater(c);
      const item = knownItem(c);
      const method = itemMethod(c, item);
      const question = c.oneOf('question', ['sensible', 'specific'] as const);
      const key = `${rater.id}\u0000${item.id}\u0000${question}`;
      if (seen.has(key)) c.fail('question', `duplicate rating of (rater '${rater.id}', item '${item.id}', question '${question}'); first at line ${seen.get(key)}`);
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
    });
    for (const v of votes.values()) {
      if (v.sensible === undefined || v.sensible === null) {
        notes.add(STUDY_FILES.ssa, 'sensible label missing, so the (rater, item) vote is left out (not imputed)', v.line);
        continue;
      }
      let specific = v.specific;
      if (v.sensible === 0 && specific !== 0) {
        // The coupling rule: not sensible counts as not specific (reference/human.md §1.2).
        notes.add(STUDY_FILES.ssa, `specific ${specific === 1 ? '1' : 'empty'} set to 0 because sensible is 0 (protocol coupling)`, v.specificLine ?? v.line);
        specific = 0;
      }
      if (specific === undefined || specific === null) {
        notes.add(STUDY_FILES.ssa, 'specific label missing while sensible is 1, so the (rater, item) vote is left out (not imputed)', v.specificLine ?? v.line);
        continue;
      }
      ssa.push({ rater: v.rater, item: v.item, method: v.method, sensible: v.sensible, specific });
    }
  }

  const likert: LikertRating[] = [];
  if (existsSync(path(STUDY_FILES.likert))) {
    const f = readCsv(path(STUDY_FILES.likert), COLUMNS.likert);
    files.push(STUDY_FILES.likert);
    const seen = new Map<string, number>();
    each(f, (c) => {
      checkStudyId(c, studyId, itemsFile.path);
      const rater = knownRater(c);
      const itemId = c.optionalId('item_id');
      let method: string;
      if (itemId !== null) method = itemMethod(c, knownItem(c));
      else method = knownMethod(c, 'method_id');
      const insId = c.raw('instrument_id');
      const insVersion = c.raw('instrument_version');
      const instrument = findInstrument(insId, insVersion);
      if (!instrument) {
        return c.fail('instrument_version', `unknown instrument '${insId}' version '${insVersion}' (known: ${INSTRUMENTS.map((i) => `${i.id} ${i.version}`).join(', ')})`);
      }
      const question = c.raw('question_id');
      if (!instrument.questions.includes(question)) c.fail('question_id', `'${question}' is not a question of ${instrument.name} (${instrument.questions[0]}..${instrument.questions.at(-1)})`);
      const phase = c.id('phase');
      const key = [rater.id, itemId ?? '', method, instrument.name, question, phase].join('\u0000');
      if (seen.has(key)) {
        c.fail('question_id', `duplicate rating of (rater '${rater.id}', item '${itemId ?? ''}', method '${method}', question '${question}', phase '${phase}'); first at line ${seen.get(key)}`);
      }
      seen.set(key, c.line);
      const min = c.integer('scale_min', -1000);
      const max = c.integer('scale_max', -1000);
      if (min !== instrument.scaleMin || max !== instrument.scaleMax) {
        c.fail('scale_max', `scale ${min}..${max} differs from ${instrument.name}'s ${instrument.scaleMin}..${instrument.scaleMax}`);
      }
      const direction = c.oneOf('scale_direction', ['agree_high', 'agree_low'] as const);
      const reverse = c.binary('reverse_keyed', 'a reverse-keying flag');
      const declared = instrument.reverseKeyed.includes(question) ? 1 : 0;
      if (reverse !== declared) c.fail('reverse_keyed', `${reverse} disagrees with ${instrument.name}, where ${question} is ${declared ? '' : 'not '}reverse-keyed`);
      let response = c.optionalInteger('response', -1000);
      if (response !== null && (response < min || response > max)) c.fail('response', `${response} is outside the scale ${min}..${max}`);
      if (response === null) notes.add(STUDY_FILES.likert, 'empty response left missing (no scale score for that answer sheet)', c.line);
      else if (direction === 'agree_low') {
        response = min + max - response;
        notes.add(STUDY_FILES.likert, 'agree_low code flipped to agree_high (min + max - response)', c.line);
      }
      const group = c.optionalId('group_id');
      if (group !== null && rater.group !== null && group !== rater.group) c.fail('group_id', `'${group}' differs from rater '${rater.id}''s group '${rater.group}' in ${ratersFile.path}`);
      c.optionalTimestamp('timestamp');
      if (rater.excluded) return;
      likert.push({ rater: rater.id, group: group ?? rater.group, item: itemId, method, instrument, question, response, phase, language: c.raw('language') || null });
    });
  }

  const preferences: Preference[] = [];
  if (existsSync(path(STUDY_FILES.pairwise))) {
    const f = readCsv(path(STUDY_FILES.pairwise), COLUMNS.pairwise);
    files.push(STUDY_FILES.pairwise);
    const seen = new Map<string, number>();
    each(f, (c) => {
      checkStudyId(c, studyId, itemsFile.path);
      const rater = knownRater(c);
      const comparison = c.id('comparison_id');
      const key = `${rater.id}\u0000${comparison}`;
      if (seen.has(key)) c.fail('comparison_id', `duplicate comparison '${comparison}' by rater '${rater.id}'; first at line ${seen.get(key)}`);
      seen.set(key, c.line);
      if (c.raw('item_id') !== '') knownItem(c);
      const methodA = knownMethod(c, 'method_a');
      const methodB = knownMethod(c, 'method_b');
      if (methodA === methodB) c.fail('method_b', `'${methodB}' is also method_a (a method cannot be compared with itself)`);
      if (c.raw('shown_left') !== '') c.oneOf('shown_left', ['a', 'b'] as const);
      const criterion = c.id('criterion');
      const outcome = c.oneOf('outcome', ['a', 'b', 'tie', 'skip'] as const);
      c.optionalTimestamp('timestamp');
      if (outcome === 'skip') notes.add(STUDY_FILES.pairwise, 'skipped comparison kept but left out of the Bradley-Terry fit', c.line);
      if (rater.excluded || outcome === 'skip') return;
      preferences.push({ rater: rater.id, methodA, methodB, criterion, outcome });
    });
  }

  const sessions: StudySession[] = [];
  let cps: Study['cps'] = null;
  if (existsSync(path(STUDY_FILES.sessions))) {
    const f = readCsv(path(STUDY_FILES.sessions), COLUMNS.sessions);
    files.push(STUDY_FILES.sessions);
    const seen = new Map<string, number>();
    let first: { idle: number; cap: number; line: number } | null = null;
    each(f, (c) => {
      checkStudyId(c, studyId, itemsFile.path);
      const id = c.id('session_id');
      if (seen.has(id)) c.fail('session_id', `duplicate session '${id}' (first at line ${seen.get(id)})`);
      seen.set(id, c.line);
      const user = c.id('user_id');
      const method = knownMethod(c, 'method_id');
      const nUser = c.integer('n_user_msgs');
      const nSystem = c.integer('n_system_msgs');
      const nTurns = c.integer('n_turns');
      if (nTurns !== exchangeTurns(nUser, nSystem)) {
        c.fail('n_turns', `${nTurns} disagrees with the declared convention (one user message answered by one system reply = 1 turn: min(${nUser}, ${nSystem}) = ${exchangeTurns(nUser, nSystem)})`);
      }
      c.oneOf('ended_by', ['user', 'timeout', 'system', 'cap'] as const);
      const idle = c.integer('idle_timeout_s', 1);
      const cap = c.integer('max_turns', 1);
      if (first === null) first = { idle, cap, line: c.line };
      else if (idle !== first.idle) c.fail('idle_timeout_s', `${idle} differs from ${first.idle} at line ${first.line} (one timeout per study: CPS under different timeouts is not comparable)`);
      else if (cap !== first.cap) c.fail('max_turns', `${cap} differs from ${first.cap} at line ${first.line} (one turn cap per study)`);
      c.optionalTimestamp('start_time');
      c.optionalTimestamp('end_time');
      let turns = nTurns;
      if (turns > cap) {
        notes.add(STUDY_FILES.sessions, `session longer than max_turns ${cap}, counted at the cap`, c.line);
        turns = cap;
      }
      sessions.push({ id, user, method, turns, language: c.raw('language') || null });
    });
    if (first !== null) cps = { idleTimeoutS: (first as { idle: number }).idle, maxTurns: (first as { cap: number }).cap };
  }

  return {
    dir,
    studyId,
    simulated: isSimulatedStudy(studyId),
    items,
    raters,
    ssa,
    likert,
    preferences,
    sessions,
    cps,
    files,
    notes: notes.list(),
  };
}
