/**
 * The site's data: the staged JSON files (see site/builder/build-site.ts), imported (not read from
 * disk) so that the build only sees what was staged, plus lookups the pages share.
 */
import leaderboardJson from '@xai-data/leaderboard.json';
import catalogJson from '@xai-data/catalog.json';
import galleryJson from '@xai-data/gallery.json';
import extraJson from '@xai-data/extra.json';
import kgLayoutsJson from '@xai-data/kg-layouts.json';
import axiomsJson from '@xai-data/axioms.json';
import type { AxiomsFile, Catalog, CatalogExplainer, CatalogMetric, Gallery, KgLayout, Lang, Leaderboard, SiteExtra, TaskBoard } from './types';

export const leaderboard = leaderboardJson as unknown as Leaderboard;
export const catalog = catalogJson as unknown as Catalog;
export const gallery = galleryJson as unknown as Gallery;
export const extra = extraJson as unknown as SiteExtra;
/** The functional-test matrix (site/builder/axioms-data.ts). */
export const axioms = axiomsJson as unknown as AxiomsFile;
/** The knowledge-graph drawings (laid out by site/builder/kg-layout.ts), by catalog graph key and language. */
export const kgLayouts = kgLayoutsJson as unknown as Record<string, Record<Lang, KgLayout>>;

export const tasks: readonly TaskBoard[] = leaderboard.tasks;

/** Every explainer of the leaderboard, in catalog order first, then any others (plugins) by id. */
export const explainerIds: readonly string[] = (() => {
  const seen = new Set(tasks.flatMap((t) => t.explainers));
  const known = catalog.explainers.map((e) => e.id).filter((id) => seen.has(id));
  const others = [...seen].filter((id) => !known.includes(id)).sort();
  return [...known, ...others];
})();

/** Every metric with a page: the catalog's and any the leaderboard has beyond it. */
export const metricIds: readonly string[] = (() => {
  const seen = new Set(tasks.flatMap((t) => t.metrics.map((m) => m.metric)));
  const known = catalog.metrics.map((m) => m.id);
  return [...known, ...[...seen].filter((id) => !known.includes(id)).sort()];
})();

export const explainerInfo = (id: string): CatalogExplainer | undefined => catalog.explainers.find((e) => e.id === id);
export const metricInfo = (id: string): CatalogMetric | undefined => catalog.metrics.find((m) => m.id === id);
export const familyOf = (id: string): string => explainerInfo(id)?.family ?? 'unknown';

/** The data type of a task (image or tabular) from the catalog, or 'other'. */
export const kindOf = (task: string): string => catalog.tasks.find((t) => t.id === task)?.kind ?? 'other';
export const taskDescription = (task: string): string | undefined => catalog.tasks.find((t) => t.id === task)?.description;

/** Criterion and direction of a metric as the leaderboard recorded them, else the catalog's. */
export function metricCriterion(id: string): string {
  for (const t of tasks) for (const m of t.metrics) if (m.metric === id) return m.criterion;
  return metricInfo(id)?.criterion ?? 'other';
}

/** The profile banner: null for the published standard-profile leaderboard. */
export function profileNote(): { profile: string; published: boolean } | null {
  const profile = leaderboard.profile ?? leaderboard.profiles.join('+');
  if (profile === 'standard' && extra.source === 'published') return null;
  return { profile, published: extra.source === 'published' };
}
