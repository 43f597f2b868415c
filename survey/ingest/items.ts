/** The items stage: items.csv defines the study id, the methods and the controls. */
import { UserError } from '../../core/errors.js';
import { Cells } from '../cells.js';
import type { StudyItem } from '../study.js';
import { CONTROL_TYPES, type ControlType } from '../study-files.js';
import type { StudyReading } from './study-reading.js';

export function readItems(r: StudyReading): void {
  const file = r.read('items');
  if (file.rows.length === 0) throw new UserError(`${file.path}: no items`);
  r.studyId = new Cells(file, file.rows[0]).id('study_id');
  r.eachRow(file, (c) => {
    const id = c.id('item_id');
    if (r.items.has(id)) c.fail('item_id', `duplicate item '${id}' (first at line ${r.itemLine.get(id)})`);
    const item = itemOf(c, id);
    r.items.set(id, item);
    r.methods.add(item.method);
    r.itemLine.set(id, c.line);
  });
}

/** One row as an item, after checking that is_control, control_type and the method id agree. */
function itemOf(c: Cells, id: string): StudyItem {
  const method = c.id('method_id');
  const isControl = c.binary('is_control', 'a control flag');
  const controlType = c.raw('control_type');
  const expected = (CONTROL_TYPES as Record<string, ControlType>)[method];
  if (isControl === 1) {
    if (!expected) {
      c.fail('method_id', `'${method}' is not a control id (expected ${Object.keys(CONTROL_TYPES).join(', ')}) but is_control is 1`);
    }
    if (controlType !== expected) c.fail('control_type', `'${controlType}' disagrees with method '${method}' (expected '${expected}')`);
  } else {
    if (expected) c.fail('is_control', `method '${method}' is a control, but is_control is 0`);
    if (controlType !== '') c.fail('control_type', `'${controlType}' given for an item that is not a control (leave it empty)`);
  }
  const parts = ['dataset_id', 'model_id', 'instance_id'].map((k) => c.raw(k));
  return {
    id,
    method,
    control: isControl ? expected : null,
    instance: parts[2] === '' ? null : parts.join('|'),
    language: c.raw('language') || null,
  };
}
