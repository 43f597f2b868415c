/**
 * What the gallery shows of the structured explanation families beyond their text: the whole rule
 * set of a rules explainer (once per task) and the rule that fired per sample; the concept paths of a
 * concept-path explanation, each step also read forwards as a graph edge (so the site can highlight
 * it in the drawing without knowing the inverse relations); the neighbours, counterfactual changes or
 * generation summary of an examples explanation. Payloads come from files: every field is checked and
 * anything malformed is left out rather than trusted.
 */
import { INVERSE, type Relation } from '../../datasets/knowledge-graph/graph.js';
import type { Bilingual } from '../../explainers/types.js';

export interface GalleryRule {
  /** The rule's line of the rule set text, in original units (the explainer's own rendering). */
  readonly text: Bilingual;
  readonly class: string;
  readonly support: number | null;
  readonly confidence: number | null;
}

export interface GalleryBudgetHit {
  readonly budget: string;
  readonly where: string;
  readonly limit: number;
  readonly cut: number;
  /** The explainer's English account of the cut. */
  readonly detail: string;
}

/** One rules explainer's rule set on a task (the `global` of its explanations). */
export interface GalleryRuleSet {
  readonly explainer: string;
  readonly classes: readonly string[];
  readonly rules: readonly GalleryRule[];
  readonly defaultClass: string;
  /** The ELSE line of the rule set text. */
  readonly otherwise: Bilingual;
  readonly budgetHit: readonly GalleryBudgetHit[];
  readonly extraction: { readonly seconds: number; readonly forwardPasses: number } | null;
}

/** One step of a concept path as written ([node, rel, node]) and as the graph stores it. */
export interface GalleryPathStep {
  readonly from: string;
  readonly rel: string;
  readonly to: string;
  /** The stored edge: the step itself, or read backwards for an inverse relation (part_of, grounds, hyponym). */
  readonly edge: { readonly from: string; readonly rel: Relation; readonly to: string };
}

export type GalleryDetail =
  | { readonly kind: 'rule'; readonly rule: number | null; readonly class: string }
  | {
      readonly kind: 'concept-path';
      readonly class: number | null;
      readonly seen: boolean | null;
      readonly novel: boolean | null;
      readonly paths: readonly (readonly GalleryPathStep[])[];
    }
  | {
      readonly kind: 'neighbours';
      readonly space: string | null;
      readonly items: readonly { readonly label: number | null; readonly predicted: number | null; readonly distance: number | null }[];
    }
  | {
      readonly kind: 'counterfactual';
      readonly found: boolean;
      readonly predicted: number | null;
      readonly changes: readonly { readonly name: string; readonly from: number; readonly to: number; readonly unit: string }[];
    }
  | {
      readonly kind: 'generated';
      readonly sampler: 'rrt' | 'epsilon-ball';
      readonly samples: number;
      readonly sameLabel: number | null;
      readonly inside: number | null;
    };

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function bilingualLines(t: unknown): { en: string[]; ko: string[] } | null {
  const o = obj(t);
  const en = str(o?.en);
  const ko = str(o?.ko);
  return en === null || ko === null ? null : { en: en.split('\n'), ko: ko.split('\n') };
}

/**
 * The rule set of a rules explanation's `global`, or null when it is not one. The rule set text has
 * one line per rule, then the ELSE line: each rule keeps its own line (units, merged ranges, Korean
 * word order) rather than being re-rendered here.
 */
export function ruleSetOf(explainer: string, global: unknown): GalleryRuleSet | null {
  const g = obj(global);
  if (!g || g.family !== 'rules') return null;
  const rules = arr(g.rules).map(obj);
  const lines = bilingualLines(g.text);
  const defaultClass = str(g.defaultClass);
  if (rules.some((r) => r === null) || !lines || defaultClass === null) return null;
  if (lines.en.length !== rules.length + 1 || lines.ko.length !== rules.length + 1) return null;
  const extraction = obj(g.extraction);
  const seconds = num(extraction?.seconds);
  const forwardPasses = num(extraction?.forwardPasses);
  return {
    explainer,
    classes: arr(g.classes).map((c) => String(c)),
    rules: rules.map((r, i) => ({
      text: { en: lines.en[i], ko: lines.ko[i] },
      class: String(r!.class),
      support: num(r!.support),
      confidence: num(r!.confidence),
    })),
    defaultClass,
    otherwise: { en: lines.en[rules.length], ko: lines.ko[rules.length] },
    budgetHit: arr(g.budgetHit).flatMap((b) => {
      const o = obj(b);
      const limit = num(o?.limit);
      const cut = num(o?.cut);
      return o && limit !== null && cut !== null
        ? [{ budget: String(o.budget), where: String(o.where), limit, cut, detail: String(o.detail ?? '') }]
        : [];
    }),
    extraction: seconds !== null && forwardPasses !== null ? { seconds, forwardPasses } : null,
  };
}

const RELATIONS = Object.keys(INVERSE) as Relation[];

/** The steps of a path [node, rel, node, rel, node ...], each with its stored edge; null when a relation is unknown. */
function pathSteps(path: readonly string[]): GalleryPathStep[] | null {
  if (path.length < 3 || path.length % 2 === 0) return null;
  const steps: GalleryPathStep[] = [];
  for (let i = 0; i + 2 < path.length; i += 2) {
    const [from, rel, to] = [path[i], path[i + 1], path[i + 2]];
    const forward = RELATIONS.find((r) => r === rel);
    const backward = RELATIONS.find((r) => INVERSE[r] === rel);
    if (forward) steps.push({ from, rel, to, edge: { from, rel: forward, to } });
    else if (backward) steps.push({ from, rel, to, edge: { from: to, rel: backward, to: from } });
    else return null;
  }
  return steps;
}

/** The gallery detail of one sample's explanation payload in a family, or null when there is nothing to add to its text. */
export function detailOf(family: string, payload: unknown): GalleryDetail | null {
  const p = obj(payload);
  if (!p) return null;
  if (family === 'rules') {
    const rule = p.rule === null ? null : num(p.rule);
    return rule === null && p.rule !== null ? null : { kind: 'rule', rule, class: String(p.class) };
  }
  if (family === 'concept-path') {
    const paths = arr(p.paths).flatMap((path) => {
      const steps = Array.isArray(path) && path.every((s) => typeof s === 'string') ? pathSteps(path as string[]) : null;
      return steps ? [steps] : [];
    });
    return { kind: 'concept-path', class: num(p.class), seen: bool(p.seen), novel: bool(p.novel), paths };
  }
  if (family !== 'examples') return null;
  return examplesDetail(p);
}

/**
 * Examples payloads: the unified query (`samples[].role`, `generation`, `counterfactual`) and the
 * earlier per-explainer shapes (top-level `sampler`, `labels`, `inside`, `found`, `changes`) both read.
 */
function examplesDetail(p: Obj): GalleryDetail | null {
  const samples = arr(p.samples).map(obj);
  const generation = obj(p.generation);
  const sampler = generation?.sampler ?? p.sampler;
  if (sampler === 'rrt' || sampler === 'epsilon-ball') {
    const queryLabel = num(obj(generation?.query ?? p.query)?.label);
    const labels = Array.isArray(p.labels) ? p.labels : samples.map((s) => s?.predicted);
    const insideFlags = Array.isArray(p.inside) ? p.inside : sampler === 'epsilon-ball' ? samples.map((s) => s?.inside) : null;
    return {
      kind: 'generated',
      sampler,
      samples: samples.length,
      sameLabel: queryLabel === null ? null : labels.filter((l) => l === queryLabel).length,
      inside: insideFlags ? insideFlags.filter((b) => b === true).length : null,
    };
  }
  const counterfactual = obj(p.counterfactual);
  const cf = samples.find((s) => s?.role === 'counterfactual');
  if (counterfactual || cf || Array.isArray(p.changes)) {
    return {
      kind: 'counterfactual',
      found: (counterfactual?.found ?? p.found) === true,
      predicted: num(cf?.predicted),
      changes: arr(counterfactual?.changes ?? p.changes).flatMap((c) => {
        const o = obj(c);
        const from = num(o?.from);
        const to = num(o?.to);
        return o && from !== null && to !== null ? [{ name: String(o.name ?? o.feature), from, to, unit: String(o.unit ?? '') }] : [];
      }),
    };
  }
  const neighbours = samples.filter((s): s is Obj => s?.role === 'neighbour');
  if (neighbours.length === 0) return null;
  return {
    kind: 'neighbours',
    space: str(p.space),
    items: neighbours.map((s) => ({ label: num(s.label), predicted: num(s.predicted), distance: num(s.distance) })),
  };
}
