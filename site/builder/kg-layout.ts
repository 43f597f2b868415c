/**
 * A deterministic layered drawing of a knowledge graph for the site (drawn as SVG at build time, no
 * script): digits in the first column, shape attributes in the second, WordNet concepts after them,
 * each concept one column right of the most specific thing pointing at it (longest-path layering), so
 * every edge runs left to right and the columns read from specific to general. Within a column nodes
 * are ordered by the mean position of their neighbours (a few barycentre sweeps, ties by id), which
 * keeps crossings down without randomness. Labels are measured with a per-character width estimate
 * and every node gets its own row, so labels cannot overlap; one layout per language because Korean
 * labels are wider.
 */
import type { EdgeSource, GraphData, NodeKind, Relation } from '../../datasets/knowledge-graph/graph.js';

export type KgLang = 'en' | 'ko';

export interface KgLayoutNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  readonly column: number;
  /** Top-left corner and size of the node's box. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface KgLayoutEdge {
  readonly from: string;
  readonly rel: Relation;
  readonly to: string;
  readonly source: EdgeSource;
  readonly weight?: number;
  /** `from|rel|to`: the key the gallery's highlighted path steps use. */
  readonly key: string;
  /** SVG path data: a cubic curve from the right side of `from` to the left side of `to`. */
  readonly d: string;
  /** The curve's end and control points: x1 y1 c1x c1y c2x c2y x2 y2 (to place labels along it). */
  readonly curve: readonly number[];
}

export interface KgLayout {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly columns: readonly { readonly x: number; readonly kind: NodeKind; readonly level: number }[];
  readonly nodes: readonly KgLayoutNode[];
  readonly edges: readonly KgLayoutEdge[];
}

export const edgeKey = (from: string, rel: string, to: string): string => `${from}|${rel}|${to}`;

const FONT = 12;
const PAD_X = 7;
const BOX_H = 20;
const PITCH = 27;
const GAP = 64;
const TOP = 30;
const MARGIN = 8;

/**
 * Estimated width in pixels of a label in a sans-serif font: Hangul and other wide scripts a full em,
 * narrow Latin letters less. Deliberately generous, since the box must hold the real text.
 */
export function labelWidth(s: string, font = FONT): number {
  let em = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x1100) em += 1.0;
    else if ("iljtf.,:;|!'() ".includes(ch)) em += 0.34;
    else if ('mwMW'.includes(ch)) em += 0.9;
    else if (ch >= 'A' && ch <= 'Z') em += 0.7;
    else em += 0.58;
  }
  return Math.ceil(em * font);
}

/** The column of every node: digits 0, attributes 1, concepts 2 + their longest distance from one. */
function levels(g: GraphData): Map<string, number> {
  const level = new Map<string, number>();
  for (const n of g.nodes) level.set(n.id, n.kind === 'digit' ? 0 : n.kind === 'attribute' ? 1 : 2);
  const kind = new Map(g.nodes.map((n) => [n.id, n.kind]));
  // Relaxation terminates: WordNet hypernyms form a DAG, and the bound stops a malformed cycle.
  for (let round = 0; round < g.nodes.length; round++) {
    let changed = false;
    for (const e of g.edges) {
      if (kind.get(e.to) !== 'concept') continue;
      const want = Math.max(2, level.get(e.from)! + 1);
      if (want > level.get(e.to)!) {
        level.set(e.to, want);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return level;
}

/** The nodes of each column, first by digit, attribute order or id, then by a few barycentre sweeps. */
function orderedColumns(g: GraphData, level: ReadonlyMap<string, number>): string[][] {
  const columnCount = Math.max(...level.values()) + 1;
  const attrOrder = new Map(g.attributes.map((a, i) => [`attr:${a}`, i]));
  const initialKey = (id: string): string => {
    if (id.startsWith('digit:')) return id.slice(6).padStart(4, '0');
    if (attrOrder.has(id)) return String(attrOrder.get(id)).padStart(4, '0');
    return id;
  };
  const columns: string[][] = Array.from({ length: columnCount }, () => []);
  for (const n of g.nodes) columns[level.get(n.id)!].push(n.id);
  for (const c of columns) c.sort((a, b) => (initialKey(a) < initialKey(b) ? -1 : initialKey(a) > initialKey(b) ? 1 : 0));

  const neighbours = new Map<string, string[]>(g.nodes.map((n) => [n.id, []]));
  for (const e of g.edges) {
    neighbours.get(e.from)!.push(e.to);
    neighbours.get(e.to)!.push(e.from);
  }
  // Positions centred on 0 so columns of different lengths compare.
  const pos = new Map<string, number>();
  const place = () => columns.forEach((c) => c.forEach((id, i) => pos.set(id, i - (c.length - 1) / 2)));
  place();
  const sweep = (cols: number[]) => {
    for (const ci of cols) {
      const col = columns[ci];
      const bary = new Map<string, number>();
      for (const id of col) {
        const ns = neighbours.get(id)!.filter((m) => level.get(m) !== ci);
        bary.set(id, ns.length > 0 ? ns.reduce((sum, m) => sum + pos.get(m)!, 0) / ns.length : pos.get(id)!);
      }
      col.sort((a, b) => bary.get(a)! - bary.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
      place();
    }
  };
  const all = columns.map((_, i) => i);
  for (let it = 0; it < 4; it++) {
    // Each column by the mean position of its neighbours in other columns, sweeping left to right and
    // back; the digit column is never re-sorted.
    sweep(all.slice(1));
    sweep(all.slice(1).reverse());
  }
  return columns;
}

/** The edge as a cubic curve from the right side of its start box to the left side of its end box. */
function edgeCurve(e: GraphData['edges'][number], at: ReadonlyMap<string, KgLayoutNode>): KgLayoutEdge {
  const a = at.get(e.from)!;
  const b = at.get(e.to)!;
  const [x1, y1, x2, y2] = [a.x + a.w, a.y + BOX_H / 2, b.x, b.y + BOX_H / 2];
  const dx = Math.max(24, (x2 - x1) / 2);
  const r = (v: number) => Math.round(v * 10) / 10;
  return {
    from: e.from,
    rel: e.rel,
    to: e.to,
    source: e.source,
    ...(e.weight !== undefined ? { weight: e.weight } : {}),
    key: edgeKey(e.from, e.rel, e.to),
    d: `M${r(x1)} ${r(y1)}C${r(x1 + dx)} ${r(y1)} ${r(x2 - dx)} ${r(y2)} ${r(x2)} ${r(y2)}`,
    curve: [x1, y1, x1 + dx, y1, x2 - dx, y2, x2, y2].map(r),
  };
}

export function layoutKnowledgeGraph(graph: GraphData, lang: KgLang): KgLayout {
  // A graph read from a file may name unknown ends: such edges are not drawn.
  const ids = new Set(graph.nodes.map((n) => n.id));
  const g: GraphData = { ...graph, edges: graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to)) };
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const columns = orderedColumns(g, levels(g));
  const columnCount = columns.length;
  const maxRows = Math.max(...columns.map((c) => c.length));
  const widths = columns.map((c) => Math.max(...c.map((id) => labelWidth(byId.get(id)!.label[lang]) + 2 * PAD_X)));
  const xs: number[] = [];
  widths.reduce((x, w, i) => ((xs[i] = x), x + w + GAP), MARGIN);
  const nodes: KgLayoutNode[] = [];
  const at = new Map<string, KgLayoutNode>();
  columns.forEach((col, ci) => {
    const offset = TOP + ((maxRows - col.length) * PITCH) / 2;
    col.forEach((id, i) => {
      const n = byId.get(id)!;
      const label = n.label[lang];
      const node: KgLayoutNode = {
        id,
        kind: n.kind,
        label,
        column: ci,
        x: xs[ci],
        y: Math.round(offset + i * PITCH),
        w: labelWidth(label) + 2 * PAD_X,
        h: BOX_H,
      };
      nodes.push(node);
      at.set(id, node);
    });
  });
  return {
    width: xs[columnCount - 1] + widths[columnCount - 1] + MARGIN,
    height: TOP + maxRows * PITCH + MARGIN,
    fontSize: FONT,
    columns: xs.map((x, i) => ({ x, kind: i === 0 ? 'digit' : i === 1 ? 'attribute' : 'concept', level: i })),
    nodes,
    edges: g.edges.map((e) => edgeCurve(e, at)),
  };
}

/** Both languages' layouts of every graph, by the catalog's graph key. */
export function kgLayouts(graphs: Readonly<Record<string, GraphData>> | undefined): Record<string, Record<KgLang, KgLayout>> {
  const out: Record<string, Record<KgLang, KgLayout>> = {};
  for (const [key, g] of Object.entries(graphs ?? {})) out[key] = { en: layoutKnowledgeGraph(g, 'en'), ko: layoutKnowledgeGraph(g, 'ko') };
  return out;
}
