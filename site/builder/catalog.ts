/**
 * The catalog (`xai-bench/catalog@1`): the declarations of every registered explainer, metric and task
 * (ids, descriptions, parameters, method cards) written beside leaderboard.json, so that the site reads
 * only JSON and artifacts and never imports the benchmark's code.
 */
import type { GraphData } from '../../datasets/knowledge-graph/graph.js';
import { digitShapeGraph } from '../../datasets/knowledge-graph/load-graph.js';
import { join } from 'node:path';
import { taskSpecs } from '../../datasets/index.js';
import { explainers as registeredExplainers } from '../../explainers/index.js';
import type { Explainer, MethodCard, ReferenceDifference } from '../../explainers/types.js';
import { metrics as registeredMetrics } from '../../metrics/index.js';
import type { Criterion, Direction, Metric, MetricRequirement } from '../../metrics/types.js';
import { describeParams, type ParamSpecs } from '../../core/params.js';
import { writeFileAtomic } from '../../runner/results-store.js';

const CATALOG_SCHEMA = 'xai-bench/catalog@1';
export const CATALOG_JSON = 'catalog.json';

export interface CatalogParam {
  readonly name: string;
  readonly kind: 'number' | 'boolean' | 'enum' | 'string';
  readonly default: number | boolean | string;
  /** The declaration in one line, as `xai-bench list` prints it. */
  readonly line: string;
  readonly description: string;
  readonly integer?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly values?: readonly string[];
}

export interface CatalogExplainer {
  readonly id: string;
  readonly family: string;
  readonly description: string;
  readonly needs: readonly string[];
  readonly output: string;
  readonly deterministic: boolean;
  /** Task kinds it explains; null = all. */
  readonly kinds: readonly string[] | null;
  readonly params: readonly CatalogParam[];
  readonly card: MethodCard | null;
  /** By-design differences from the peers' reference implementations; [] when none are declared. */
  readonly differences: readonly ReferenceDifference[];
}

export interface CatalogMetric {
  readonly id: string;
  readonly family: string;
  readonly criterion: Criterion;
  readonly direction: Direction;
  readonly ideal: number;
  readonly chance: number | null;
  readonly description: string;
  readonly reference: string;
  readonly requires: readonly MetricRequirement[];
  readonly params: readonly CatalogParam[];
  /** By-design differences from the peers' reference implementations; [] when none are declared. */
  readonly differences: readonly ReferenceDifference[];
}

export interface CatalogTask {
  readonly id: string;
  readonly description: string;
  readonly kind: string;
  readonly dataset: string;
  /** Key into Catalog.knowledgeGraphs, for tasks that offer a knowledge graph. */
  readonly knowledgeGraph?: string;
}

export interface Catalog {
  readonly schema: typeof CATALOG_SCHEMA;
  readonly explainers: readonly CatalogExplainer[];
  readonly metrics: readonly CatalogMetric[];
  readonly tasks: readonly CatalogTask[];
  /** The knowledge graphs behind concept-path explanations (nodes, edges, sources), for the site to draw. */
  readonly knowledgeGraphs?: Readonly<Record<string, GraphData>>;
}

function catalogParams(specs: ParamSpecs): CatalogParam[] {
  const lines = describeParams(specs);
  return Object.entries(specs).map(([name, s], i) => ({
    name,
    kind: s.kind,
    default: s.default,
    line: lines[i],
    description: s.description,
    ...(s.kind === 'number'
      ? { integer: s.integer, ...(s.min !== undefined ? { min: s.min } : {}), ...(s.max !== undefined ? { max: s.max } : {}) }
      : {}),
    ...(s.kind === 'enum' ? { values: s.values } : {}),
  }));
}

function explainerEntry(e: Explainer): CatalogExplainer {
  return {
    id: e.id,
    family: e.family,
    description: e.description,
    needs: e.needs,
    output: e.output,
    deterministic: e.deterministic,
    kinds: e.kinds ?? null,
    params: catalogParams(e.params),
    card: e.card ?? null,
    differences: e.differences ?? [],
  };
}

function metricEntry(m: Metric): CatalogMetric {
  return {
    id: m.id,
    family: m.family,
    criterion: m.criterion,
    direction: m.direction,
    ideal: m.ideal,
    chance: m.chance ?? null,
    description: m.description,
    reference: m.reference,
    requires: m.requires,
    params: catalogParams(m.params),
    differences: m.differences ?? [],
  };
}

/** The catalog of the given registries (the built-in ones by default). */
export function buildCatalog(
  explainers: readonly Explainer[] = registeredExplainers,
  metrics: readonly Metric[] = registeredMetrics,
): Catalog {
  return {
    schema: CATALOG_SCHEMA,
    explainers: explainers.map(explainerEntry),
    metrics: metrics.map(metricEntry),
    tasks: taskSpecs.map((t) => ({
      id: t.id,
      description: t.description,
      kind: t.kind,
      dataset: t.datasetId,
      ...(t.offers.includes('knowledge-graph') ? { knowledgeGraph: 'digit-shapes' } : {}),
    })),
    ...(explainers.some((e) => e.family === 'concept-path') ? { knowledgeGraphs: { 'digit-shapes': digitShapeGraph().data } } : {}),
  };
}

/** Writes DIR/catalog.json atomically. */
export function writeCatalog(dir: string, catalog: Catalog = buildCatalog()): string {
  const path = join(dir, CATALOG_JSON);
  writeFileAtomic(path, `${JSON.stringify(catalog, null, 2)}\n`);
  return path;
}
