/**
 * English and Korean sentences for a concept-path explanation, naming the class, whether it was seen in
 * training, the explanatory attributes with the WordNet concepts above them, and the similar seen
 * classes with what they share. Templates only.
 */
import type { KnowledgeGraph } from '../../datasets/knowledge-graph/graph.js';
import type { Bilingual } from '../types.js';
import type { SimilarClass } from './payload.js';
import { withParticle } from '../../core/korean-particles.js';

export interface TextInput {
  readonly graph: KnowledgeGraph;
  readonly cls: number;
  readonly seen: boolean;
  readonly novelty: number;
  readonly threshold: number;
  /** The concept paths of the explanatory attributes ([digit, has_part, attr, grounded_in, concept, hypernym, ...]). */
  readonly attributePaths: readonly (readonly string[])[];
  readonly similar: readonly SimilarClass[];
}

const label = (g: KnowledgeGraph, id: string, lang: 'en' | 'ko') => g.node(id).label[lang];

function chain(g: KnowledgeGraph, path: readonly string[], lang: 'en' | 'ko'): string {
  const concepts = path.filter((_, k) => k % 2 === 0).slice(2);
  return concepts.map((c) => label(g, c, lang)).join(' → ');
}

export function conceptPathText(t: TextInput): Bilingual {
  const g = t.graph;
  const nov = t.novelty.toFixed(1);
  const thr = t.threshold.toFixed(1);
  const evidenceEn = t.attributePaths.map((p) => `${label(g, p[2], 'en')}${p.length > 3 ? ` (${chain(g, p, 'en')})` : ''}`);
  const evidenceKo = t.attributePaths.map((p) => `${label(g, p[2], 'ko')}${p.length > 3 ? `(${chain(g, p, 'ko')})` : ''}`);
  const shared = (s: SimilarClass, lang: 'en' | 'ko') => s.shared.map((a) => label(g, `attr:${a}`, lang)).join(', ');
  const simEn = t.similar.map((s) => `${s.class}${s.shared.length ? ` (shares ${shared(s, 'en')})` : ''}`);
  const simKo = t.similar.map((s) => `${s.class}${s.shared.length ? `(공유: ${shared(s, 'ko')})` : ''}`);
  const en = [
    `Recognised as ${t.cls}, ${t.seen ? 'a class seen in training' : 'a class never seen in training'} (novelty ${nov}, ` +
    `${t.novelty > t.threshold ? 'above' : 'not above'} the threshold ${thr}).`,
    evidenceEn.length ? `Evidence in the knowledge graph: ${evidenceEn.join('; ')}.` :
      `None of the attributes detected in the image is a part of ${t.cls} in the knowledge graph.`,
    simEn.length ? `It resembles the seen digit${simEn.length > 1 ? 's' : ''} ${simEn.join(' and ')}.` : '',
  ];
  const ko = [
    `${withParticle(String(t.cls), '으로/로')} 인식했습니다. ${t.seen ? '학습 때 본 클래스입니다' : '학습 때 보지 못한 클래스입니다'}(새로움 ${nov}, 기준 ${thr} ` +
    `${t.novelty > t.threshold ? '초과' : '이하'}).`,
    evidenceKo.length ? `지식 그래프의 근거: ${evidenceKo.join('; ')}.` : `이미지에서 찾은 속성 중 지식 그래프에서 ${t.cls}의 부분인 것은 없습니다.`,
    simKo.length ? `학습 때 본 숫자 ${withParticle(simKo.join(', '), '과/와')} 닮았습니다.` : '',
  ];
  return { en: en.filter(Boolean).join(' '), ko: ko.filter(Boolean).join(' ') };
}
