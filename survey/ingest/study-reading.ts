/**
 * The context every ingest stage works on: the folder, the study id, the items and raters read so far
 * (the rating files refer to them), the files read and the notes. Lookups fail with file, line and column.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Cells } from '../cells.js';
import { readCsv, type CsvFile } from '../csv-file.js';
import type { StudyItem, StudyRater } from '../study.js';
import { COLUMNS, STUDY_FILES } from '../study-files.js';
import { NoteBook } from './note-book.js';

export type StudyFile = keyof typeof STUDY_FILES;

export class StudyReading {
  readonly notes = new NoteBook();
  /** Files read, in order. */
  readonly files: string[] = [];
  /** Set by the items stage from the first row of items.csv. */
  studyId = '';
  readonly items = new Map<string, StudyItem>();
  /** The method ids of items.csv. */
  readonly methods = new Set<string>();
  readonly itemLine = new Map<string, number>();
  readonly raters = new Map<string, StudyRater>();
  readonly raterLine = new Map<string, number>();

  constructor(readonly dir: string) {}

  /** The path of a study file as messages show it. */
  path(file: StudyFile): string {
    return join(this.dir, STUDY_FILES[file]);
  }

  /** Reads a study file that must be there. */
  read(file: StudyFile): CsvFile {
    const csv = readCsv(this.path(file), COLUMNS[file]);
    this.files.push(STUDY_FILES[file]);
    return csv;
  }

  /** Reads a rating file when the study has one. */
  readOptional(file: StudyFile): CsvFile | null {
    return existsSync(this.path(file)) ? this.read(file) : null;
  }

  /** Visits every row after checking that it names this study. */
  eachRow(file: CsvFile, visit: (c: Cells) => void): void {
    for (const row of file.rows) {
      const c = new Cells(file, row);
      const v = c.id('study_id');
      if (v !== this.studyId) c.fail('study_id', `'${v}' differs from the study_id '${this.studyId}' of ${this.path('items')}`);
      visit(c);
    }
  }

  /**
   * The rows of an optional rating file, each checked and turned into a rating by `row` (null: left out);
   * `seen` is the row's file-wide memory of keys and their first lines, for duplicate checks. [] without the file.
   */
  ratings<T>(file: StudyFile, row: (c: Cells, seen: Map<string, number>) => T | null): T[] {
    const csv = this.readOptional(file);
    if (!csv) return [];
    const seen = new Map<string, number>();
    const out: T[] = [];
    this.eachRow(csv, (c) => {
      const rating = row(c, seen);
      if (rating !== null) out.push(rating);
    });
    return out;
  }

  note(file: StudyFile, what: string, line: number): void {
    this.notes.add(STUDY_FILES[file], what, line);
  }

  /** A method id that items.csv uses. */
  knownMethod(c: Cells, column: string): string {
    const m = c.id(column);
    if (!this.methods.has(m)) {
      c.fail(column, `unknown method '${m}' (not in ${this.path('items')}; methods there: ${[...this.methods].sort().join(', ')})`);
    }
    return m;
  }

  knownRater(c: Cells, column = 'rater_id'): StudyRater {
    const r = c.id(column);
    const rater = this.raters.get(r);
    if (!rater) c.fail(column, `unknown rater '${r}' (not in ${this.path('raters')})`);
    return rater;
  }

  knownItem(c: Cells): StudyItem {
    const i = c.id('item_id');
    const item = this.items.get(i);
    if (!item) c.fail('item_id', `unknown item '${i}' (not in ${this.path('items')})`);
    return item;
  }

  /** The row's method_id, which must be the method items.csv gives the item. */
  itemMethod(c: Cells, item: StudyItem): string {
    const m = c.id('method_id');
    if (m !== item.method) {
      c.fail(
        'method_id',
        `'${m}' disagrees with ${this.path('items')}, where item '${item.id}' has method '${item.method}'` +
          ` (line ${this.itemLine.get(item.id)})`,
      );
    }
    return m;
  }
}
