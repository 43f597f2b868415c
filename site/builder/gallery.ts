/**
 * The gallery index (`xai-bench/gallery@1`): for a few inputs per task, every explainer's rendering of
 * the same input side by side: its picture (artifacts/<task>/<explainer>/<sample>.png) and its text in
 * English and Korean. Built from a run folder's explanations/ and artifacts/, so the site never parses
 * explanation files itself. The structured families bring more (gallery-details.ts): a rules
 * explainer's whole rule set once per task and the rule that fired per sample, the concept paths of a
 * concept-path explanation, the latent tree picture (`<sample>-tree.png`) beside generated examples.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bilingual } from '../../explainers/types.js';
import { ARTIFACTS_DIR, EXPLANATIONS_DIR } from '../../runner/results-store.js';
import { detailOf, ruleSetOf, type GalleryDetail, type GalleryRuleSet } from './gallery-details.js';

export type { GalleryBudgetHit, GalleryDetail, GalleryPathStep, GalleryRule, GalleryRuleSet } from './gallery-details.js';

const GALLERY_SCHEMA = 'xai-bench/gallery@1';
export const GALLERY_JSON = 'gallery.json';

export interface GalleryCell {
  readonly explainer: string;
  readonly family: string;
  /** Path relative to the run folder (artifacts/...), or null when the explainer has no picture. */
  readonly image: string | null;
  readonly text: Bilingual | null;
  /** Pixel size of `image`, when it is a PNG that says. */
  readonly imageSize?: readonly [number, number];
  /** The latent tree (or sample cloud) of generated examples: artifacts/<task>/<explainer>/<sample>-tree.png. */
  readonly tree?: { readonly path: string; readonly width: number; readonly height: number };
  /** What the family's payload adds to the text (the fired rule, concept paths, neighbours...). */
  readonly detail?: GalleryDetail;
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
  /** The rule set of every rules explainer on the task (the same for all its samples). */
  readonly ruleSets?: readonly GalleryRuleSet[];
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
  readonly explanations?: readonly unknown[];
  readonly global?: unknown;
}

interface SampleInfo {
  readonly family: string;
  readonly target: number | null;
  readonly text: Bilingual | null;
  readonly detail: GalleryDetail | null;
}

interface ExplainerFile {
  readonly samples: Map<string, SampleInfo>;
  /** The `global` of the file's last line that has one (one fit per task). */
  readonly global: unknown;
}

const isBilingual = (t: unknown): t is Bilingual =>
  typeof t === 'object' && t !== null && typeof (t as Bilingual).en === 'string' && typeof (t as Bilingual).ko === 'string';

const listDir = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

/** Width and height from a PNG's header, or null when the file is not a PNG. */
function pngSize(path: string): [number, number] | null {
  const b = readFileSync(path);
  if (b.length < 24 || b.toString('latin1', 1, 4) !== 'PNG' || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

/** What one explanations file says about each sample it holds (a torn or foreign line is skipped). */
function readSamples(path: string): ExplainerFile {
  const out = new Map<string, SampleInfo>();
  let global: unknown;
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    if (raw.trim() === '') continue;
    let line: Line;
    try {
      line = JSON.parse(raw) as Line;
    } catch {
      continue;
    }
    const ids = line.sampleIds ?? [];
    const family = line.family ?? 'attribution';
    if (line.global !== undefined) global = line.global;
    ids.forEach((id, i) => {
      const text = Array.isArray(line.text) ? line.text[i] : line.text;
      const detail = family === 'attribution' ? null : detailOf(family, line.explanations?.[i]);
      out.set(id, { family, target: line.targets?.[i] ?? null, text: isBilingual(text) ? { en: text.en, ko: text.ko } : null, detail });
    });
  }
  return { samples: out, global };
}

const relative = (p: string) => p.split('\\').join('/');

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
    for (const f of byExplainer.values()) for (const id of f.samples.keys()) counts.set(id, (counts.get(id) ?? 0) + 1);
    const most = Math.max(0, ...counts.values());
    const ids = [...counts.entries()]
      .filter(([, c]) => c === most)
      .map(([id]) => id)
      .sort()
      .slice(0, perTask);
    const samples = ids.map((id) => {
      let target: number | null = null;
      const cells = [...byExplainer.entries()].flatMap(([explainer, f]): GalleryCell[] => {
        const s = f.samples.get(id);
        if (!s) return [];
        target ??= s.target;
        const png = join(ARTIFACTS_DIR, task, explainer, `${id}.png`);
        const treePng = join(ARTIFACTS_DIR, task, explainer, `${id}-tree.png`);
        const size = existsSync(join(runDir, png)) ? pngSize(join(runDir, png)) : null;
        const treeSize = existsSync(join(runDir, treePng)) ? pngSize(join(runDir, treePng)) : null;
        return [
          {
            explainer,
            family: s.family,
            image: existsSync(join(runDir, png)) ? relative(png) : null,
            text: s.text,
            ...(size ? { imageSize: size } : {}),
            ...(treeSize ? { tree: { path: relative(treePng), width: treeSize[0], height: treeSize[1] } } : {}),
            ...(s.detail ? { detail: s.detail } : {}),
          },
        ];
      });
      return { id, target, cells };
    });
    const ruleSets = [...byExplainer.entries()].flatMap(([explainer, f]) => {
      const rs = ruleSetOf(explainer, f.global);
      return rs ? [rs] : [];
    });
    if (samples.length > 0) tasks.push({ task, samples, ...(ruleSets.length > 0 ? { ruleSets } : {}) });
  }
  return { schema: GALLERY_SCHEMA, tasks };
}

/** Every picture a gallery refers to (paths relative to the run folder). */
export function galleryImages(g: Gallery): string[] {
  return g.tasks.flatMap((t) =>
    t.samples.flatMap((s) => s.cells.flatMap((c) => [...(c.image ? [c.image] : []), ...(c.tree ? [c.tree.path] : [])])),
  );
}
