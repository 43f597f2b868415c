/** The shapes the site reads (type-only imports: erased at build, the site never runs harness code). */
export type {
  Leaderboard,
  TaskBoard,
  MetricBoard,
  MetricEntry,
  CriterionBoard,
  SanityCheck,
  SanityStatus,
} from '../../../leaderboard/types.js';
export type { Catalog, CatalogExplainer, CatalogMetric, CatalogParam, CatalogTask } from '../../builder/catalog.js';
export type { AxiomsFile } from '../../builder/axioms-data.js';
export type { AxiomRecord } from '../../../leaderboard/axioms/run-axioms.js';
export type {
  Gallery,
  GalleryTask,
  GallerySample,
  GalleryCell,
  GalleryDetail,
  GalleryRuleSet,
  GalleryPathStep,
} from '../../builder/gallery.js';
export type { KgLayout, KgLayoutEdge, KgLayoutNode } from '../../builder/kg-layout.js';
export type { SiteExtra } from '../../builder/build-site.js';
export type { MethodCard, MethodClaim, Bilingual } from '../../../explainers/types.js';

export type Lang = 'en' | 'ko';
