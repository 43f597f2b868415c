/**
 * The questionnaire stage: likert_ratings.csv, checked against the instrument it names (questions, scale,
 * reverse keying); agree_low codes are flipped to agree_high and empty responses stay missing, both noted.
 */
import type { Cells } from '../cells.js';
import { findInstrument, INSTRUMENTS, type Instrument } from '../../metrics/human/questionnaires.js';
import type { LikertRating, StudyRater } from '../study.js';
import type { StudyReading } from './study-reading.js';

export function readLikertRatings(r: StudyReading): LikertRating[] {
  return r.ratings('likert', (c, seen) => likertRow(r, c, seen));
}

/** One row checked; null for an excluded rater. */
function likertRow(r: StudyReading, c: Cells, seen: Map<string, number>): LikertRating | null {
  const rater = r.knownRater(c);
  const itemId = c.optionalId('item_id');
  const method = itemId !== null ? r.itemMethod(c, r.knownItem(c)) : r.knownMethod(c, 'method_id');
  const instrument = instrumentOf(c);
  const question = c.raw('question_id');
  if (!instrument.questions.includes(question)) {
    c.fail(
      'question_id',
      `'${question}' is not a question of ${instrument.name} (${instrument.questions[0]}..${instrument.questions.at(-1)})`,
    );
  }
  const phase = c.id('phase');
  const key = [rater.id, itemId ?? '', method, instrument.name, question, phase].join('\u0000');
  if (seen.has(key)) {
    c.fail(
      'question_id',
      `duplicate rating of (rater '${rater.id}', item '${itemId ?? ''}', method '${method}', question '${question}', ` +
        `phase '${phase}'); first at line ${seen.get(key)}`,
    );
  }
  seen.set(key, c.line);
  const response = responseOf(r, c, instrument, question);
  const group = groupOf(r, c, rater);
  c.optionalTimestamp('timestamp');
  if (rater.excluded) return null;
  return { rater: rater.id, group, item: itemId, method, instrument, question, response, phase, language: c.raw('language') || null };
}

function instrumentOf(c: Cells): Instrument {
  const id = c.raw('instrument_id');
  const version = c.raw('instrument_version');
  const instrument = findInstrument(id, version);
  if (!instrument) {
    c.fail(
      'instrument_version',
      `unknown instrument '${id}' version '${version}' ` + `(known: ${INSTRUMENTS.map((i) => `${i.id} ${i.version}`).join(', ')})`,
    );
  }
  return instrument;
}

/** The response on the agree-high coding, after checking the declared scale and keying; null when empty. */
function responseOf(r: StudyReading, c: Cells, instrument: Instrument, question: string): number | null {
  const min = c.integer('scale_min', -1000);
  const max = c.integer('scale_max', -1000);
  if (min !== instrument.scaleMin || max !== instrument.scaleMax) {
    c.fail('scale_max', `scale ${min}..${max} differs from ${instrument.name}'s ${instrument.scaleMin}..${instrument.scaleMax}`);
  }
  const direction = c.oneOf('scale_direction', ['agree_high', 'agree_low'] as const);
  const reverse = c.binary('reverse_keyed', 'a reverse-keying flag');
  const declared = instrument.reverseKeyed.includes(question) ? 1 : 0;
  if (reverse !== declared) {
    c.fail('reverse_keyed', `${reverse} disagrees with ${instrument.name}, where ${question} is ${declared ? '' : 'not '}reverse-keyed`);
  }
  const response = c.optionalInteger('response', -1000);
  if (response !== null && (response < min || response > max)) c.fail('response', `${response} is outside the scale ${min}..${max}`);
  if (response === null) {
    r.note('likert', 'empty response left missing (no scale score for that answer sheet)', c.line);
    return null;
  }
  if (direction === 'agree_high') return response;
  r.note('likert', 'agree_low code flipped to agree_high (min + max - response)', c.line);
  return min + max - response;
}

/** The row's group, which must agree with the rater's group in raters.csv when both are given. */
function groupOf(r: StudyReading, c: Cells, rater: StudyRater): string | null {
  const group = c.optionalId('group_id');
  if (group !== null && rater.group !== null && group !== rater.group) {
    c.fail('group_id', `'${group}' differs from rater '${rater.id}''s group '${rater.group}' in ${r.path('raters')}`);
  }
  return group ?? rater.group;
}
