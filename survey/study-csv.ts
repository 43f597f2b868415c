/**
 * Writing the study files of docs/formats.md (Survey files) (UTF-8, header row, RFC 4180 quoting) with the
 * columns `survey score` reads (study-files.ts), in that order. items.csv comes from the packet; the
 * rating files from the server's database (export.ts).
 */
import type { Packet } from './packet.js';
import { COLUMNS } from './study-files.js';

export type CsvValue = string | number | null | undefined;

function cell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(header: readonly string[], rows: readonly Readonly<Record<string, CsvValue>>[]): string {
  return [header.join(','), ...rows.map((r) => header.map((h) => cell(r[h])).join(','))].join('\n') + '\n';
}

/** Every column the reader knows for a file: required first, then optional (the reader accepts any order). */
export function columnsOf(file: keyof typeof COLUMNS): string[] {
  return [...COLUMNS[file].required, ...COLUMNS[file].optional];
}

const ITEM_COLUMNS = [
  'study_id',
  'item_id',
  'dataset_id',
  'model_id',
  'instance_id',
  'method_id',
  'method_version',
  'explanation_format',
  'artifact_sha256',
  'language',
  'is_control',
  'control_type',
];

export function itemsCsv(packet: Packet): string {
  return csvText(
    ITEM_COLUMNS,
    packet.items.map((i) => ({
      study_id: packet.studyId,
      item_id: i.id,
      dataset_id: i.datasetId,
      model_id: i.modelId,
      instance_id: i.instance,
      method_id: i.method,
      method_version: '',
      explanation_format: i.format,
      artifact_sha256: i.sha256,
      language: packet.languages.join('+'),
      is_control: i.control ? 1 : 0,
      control_type: i.control ?? '',
    })),
  );
}
