/** The committed digit-shape knowledge graph (digit-shapes.graph.json), loaded once per process. */
import { readFileSync } from 'node:fs';
import { GRAPH_JSON } from './build-graph.js';
import { type GraphData, KnowledgeGraph } from './graph.js';
import { UserError } from '../../core/errors.js';

let cached: KnowledgeGraph | null = null;

export function digitShapeGraph(): KnowledgeGraph {
  if (cached) return cached;
  let data: GraphData;
  try {
    data = JSON.parse(readFileSync(GRAPH_JSON, 'utf8')) as GraphData;
  } catch (e) {
    throw new UserError(`${GRAPH_JSON}: cannot be read (${(e as Error).message}); run \`npm run graph\``);
  }
  if (data.schema !== 'xai-bench/knowledge-graph@1') throw new UserError(`${GRAPH_JSON}: schema '${data.schema}', expected 'xai-bench/knowledge-graph@1'`);
  cached = new KnowledgeGraph(data);
  return cached;
}
