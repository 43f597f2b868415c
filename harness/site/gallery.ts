/**
 * The gallery index (`xai-bench/gallery@1`): for a few inputs per task, every explainer's rendering of
 * the same input side by side: its picture (artifacts/<task>/<explainer>/<sample>.png) and its text in
 * English and Korean. Built from a run folder's explanations/ and artifacts/, so the site never parses
 * explanation files itself; families without per-sample pictures (rules, later) contribute their text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bilingual } from '../../explainers/types.js';
import { ARTIFACTS_DIR, EXPLANATIONS_DIR } from '../results-store.js';

export const GALLERY_SCHEMA = 'xai-bench/gallery@1';
export const GALLERY_JSON = 'gallery.json';

export interface GalleryCell {
  readonly explainer: string;
  readonly family: string;
  /** Path relative to the run folder (artifacts/...), or null when the explainer has no picture. */
  readonly image: string | null;
  readonly text: Bilingual | null;
}

export interface GallerySample {
  readonly id: string;
  /** The class explained (the model's prediction), where the record says. */
  readonly target: number | null;
  readonly cells: readonly GalleryCell[];
}

export interface GalleryTask {
  readonly task: string;
  readonly samples: readonly GallerySample[];
}

export interface Gallery {
  readonly schema: typeof GALLERY_SCHEMA;
  readonly tasks: readonly GalleryTask[];
}

interface Line {
  readonly family?: string;
  readonly sampleIds?: readonly string[];
  readonly targets?: readonly number[];
  readonly text?: readonly Bilingual[] | Bilingual;
}

const isBilingual = (t: unknown): t is Bilingual =>
  typeof t === 'object' && t !== null && typeof (t as Bilingual).en === 'string' && typeof (t as Bilingual).ko === 'string';

const listDir = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

/** What one explanations file says about each sample it holds (a torn or foreign line is skipped). */
function readSamples(path: string): Map<string, { family: string; target: number | null; text: Bilingual | null }> {
  const out = new Map<string, { family: string; target: number | null; text: Bilingual | null }>();
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    if (raw.trim() === '') continue;
    let line: Line;
    try {
      line = JSON.parse(raw) as Line;
    } catch {
      continue;
    }
    const ids = line.sampleIds ?? [];
    ids.forEach((id, i) => {
      const text = Array.isArray(line.text) ? line.text[i] : line.text;
      out.set(id, { family: line.family ?? 'attribution', target: line.targets?.[i] ?? null, text: isBilingual(text) ? { en: text.en, ko: text.ko } : null });
    });
  }
  return out;
}

/**
 * The gallery of a run folder: per task the first `perTask` sample ids (in id order) that most
 * explainers explained, each with every explainer's picture and text.
 */
export function buildGallery(runDir: string, perTask = 3): Gallery {
  const tasks: GalleryTask[] = [];
  for (const task of listDir(join(runDir, EXPLANATIONS_DIR))) {
    const byExplainer = new Map<string, ReturnType<typeof readSamples>>();
    for (const file of listDir(join(runDir, EXPLANATIONS_DIR, task))) {
      if (!file.endsWith('.jsonl')) continue;
      byExplainer.set(file.slice(0, -'.jsonl'.length), readSamples(join(runDir, EXPLANATIONS_DIR, task, file)));
    }
    const counts = new Map<string, number>();
    for (const m of byExplainer.values()) for (const id of m.keys()) counts.set(id, (counts.get(id) ?? 0) + 1);
    const most = Math.max(0, ...counts.values());
    const ids = [...counts.entries()].filter(([, c]) => c === most).map(([id]) => id).sort().slice(0, perTask);
    const samples = ids.map((id) => {
      let target: number | null = null;
      const cells = [...byExplainer.entries()].flatMap(([explainer, m]) => {
        const s = m.get(id);
        if (!s) return [];
        target ??= s.target;
        const png = join(ARTIFACTS_DIR, task, explainer, `${id}.png`);
        return [{ explainer, family: s.family, image: existsSync(join(runDir, png)) ? png.split('\\').join('/') : null, text: s.text }];
      });
      return { id, target, cells };
    });
    if (samples.length > 0) tasks.push({ task, samples });
  }
  return { schema: GALLERY_SCHEMA, tasks };
}

/** Every picture a gallery refers to (paths relative to the run folder). */
export function galleryImages(g: Gallery): string[] {
  return g.tasks.flatMap((t) => t.samples.flatMap((s) => s.cells.flatMap((c) => (c.image ? [c.image] : []))));
}
