/**
 * The text people read next to an example set: what the samples share (the query's on/off pattern on
 * the boundary set, and the classifier's label) and how far they stray, in English and Korean.
 */
import type { Bilingual } from '../types.js';
import type { GenerativeQuery } from './example-query.js';
import { withParticle } from '../../core/korean-particles.js';

export function examplesText(p: GenerativeQuery, classes: readonly string[]): Bilingual {
  const n = p.samples.length;
  const b = p.boundaries;
  const on = b.on.filter((v) => v === 1).length;
  const off = b.on.length - on;
  const g = p.generation;
  const cls = classes[g.query.label] ?? String(g.query.label);
  const same = p.samples.filter((s) => s.predicted === g.query.label).length;
  const dist = g.meanLatentDistance.toFixed(2);
  const err = b.reconstructionError.toExponential(1);
  const err0 = b.reconstructionErrorAllOff.toExponential(1);
  if (g.sampler === 'rrt') {
    return {
      en:
        `${n} generated samples that share the query's generation rules: the on/off pattern of ${b.units.length} of the ` +
        `${b.layerUnits} units of layer ${b.layer} ` +
        `(${on} on, ${off} off), the fewest that still reconstruct it (error ${err} per pixel; ${err0} with the layer off). ` +
        `The classifier calls ${same} of ${n} of them '${cls}', as it calls the query. Mean latent distance from the query: ${dist}.`,
      ko:
        `질의와 같은 생성 규칙을 공유하는 생성 표본 ${n}개입니다. 규칙은 ${b.layer} 층의 ${b.layerUnits}개 유닛 중 ${b.units.length}개의 켜짐/꺼짐 패턴` +
        `(켜짐 ${on}개, 꺼짐 ${off}개)이며, 질의를 재구성하는 데 필요한 최소한의 유닛입니다(화소당 오차 ${err}, 층 전체를 끄면 ${err0}). ` +
        `분류기는 질의와 마찬가지로 그중 ${n}개 중 ${same}개를 ${withParticle(`'${cls}'`, '으로/로')} 분류합니다. 질의로부터의 평균 잠재 거리: ${dist}.`,
    };
  }
  return {
    en:
      `${n} samples drawn uniformly in a latent ball around the query (mean distance ${dist}, matched to the boundary-respecting ` +
      `samples), with no regard to generation rules: ` +
      `${g.acceptance.accepted} of ${n} keep the query's on/off pattern on the ${b.units.length} boundaries of layer ${b.layer}. The ` +
      `classifier calls ${same} of ${n} of them '${cls}', as it calls the query.`,
    ko:
      `질의 주변의 잠재 공간 공(평균 거리 ${dist}, 경계를 지키는 표본과 같게 맞춤)에서 생성 규칙과 무관하게 균등하게 뽑은 표본 ${n}개입니다. ` +
      `${n}개 중 ${g.acceptance.accepted}개가 ${b.layer} 층의 경계 ${b.units.length}개에서 질의의 켜짐/꺼짐 패턴을 유지합니다. 분류기는 질의와 마찬가지로 그중 ${n}개 중 ` +
      `${same}개를 ${withParticle(`'${cls}'`, '으로/로')} 분류합니다.`,
  };
}
