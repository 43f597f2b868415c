/** Human-written reference explanations (the control-human items): the CSV read in, and the template written out. */
import { UserError } from '../../core/errors.js';
import type { Bilingual } from '../../explainers/types.js';
import { readCsv } from '../csv-file.js';
import type { PacketItem } from '../packet.js';

/** References keyed by task|instance_id; a row with both texts empty is skipped, one with a single text refused. */
export function readReferences(path: string): Map<string, Bilingual> {
  const f = readCsv(path, { required: ['task', 'instance_id', 'text_en', 'text_ko'], optional: [] });
  const out = new Map<string, Bilingual>();
  for (const r of f.rows) {
    const en = r.cells.get('text_en')!.trim();
    const ko = r.cells.get('text_ko')!.trim();
    if (!en && !ko) continue;
    if (!en || !ko) throw new UserError(`${path}: line ${r.line}: give the reference in both text_en and text_ko (or leave both empty)`);
    out.set(`${r.cells.get('task')}|${r.cells.get('instance_id')}`, { en, ko });
  }
  return out;
}

/** A template with one empty row per input of the packet: fill it in and make the packet again with --references. */
export function referencesTemplate(items: readonly PacketItem[]): string {
  const seen = new Set<string>();
  const rows = items
    .filter((i) => !seen.has(`${i.task}|${i.instance}`) && seen.add(`${i.task}|${i.instance}`))
    .map((i) => `${i.task},${i.instance},,`);
  return ['task,instance_id,text_en,text_ko', ...rows].join('\n') + '\n';
}
