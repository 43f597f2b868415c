/**
 * Korean for everything the catalog declares in English (site/src/lib/catalog-ko.ts): every built-in
 * definition and parameter note has a translation keyed by its current English (a changed declaration
 * fails here until it is translated again), every task description follows a translated pattern, and the
 * translations hold no English sentence and no rejected glossary variant. Reasons from leaderboard.json
 * (site/src/lib/reasons-ko.ts) are checked on known answers.
 */
import { describe, expect, it } from 'vitest';
import { englishRuns } from '../../test/e2e/english-text.js';
import { CATALOG_KO as KO } from '../src/lib/catalog-ko-text.js';
import { koText, localise, taskKo } from '../src/lib/catalog-ko.js';
import { findRejected } from '../src/lib/glossary.js';
import { reasonKo } from '../src/lib/reasons-ko.js';
import { buildCatalog } from './catalog.js';

const catalog = buildCatalog();
const texts = [
  ...catalog.metrics.flatMap((m) => [m.description, ...m.params.map((p) => p.description)]),
  ...catalog.explainers.flatMap((e) => [e.description, ...e.params.map((p) => p.description)]),
];

describe('Korean catalog text', () => {
  it('translates every definition and parameter note of the built-in explainers and metrics', () => {
    expect(texts.filter((t) => koText(t) === null)).toEqual([]);
  });

  it('keeps no translation of a text the catalog no longer declares', () => {
    const declared = new Set(texts);
    expect(Object.keys(KO).filter((en) => !declared.has(en))).toEqual([]);
  });

  it('translates every built-in task description by its pattern', () => {
    expect(catalog.tasks.filter((t) => taskKo(t.description) === null).map((t) => t.description)).toEqual([]);
    expect(taskKo('MLP (32, 16) on iris, training seed 2')).toBe('붓꽃(iris)의 MLP (32, 16), 학습 시드 2');
    // The particles follow the digits as Korean reads them: 8 팔 (ㄹ) takes 과, 9 구 takes 를, 6 육 takes 을.
    expect(taskKo('zero-shot mnist10k: digits 8 and 9 unseen in training, recognised through the digit-shape knowledge graph'))
      .toBe('제로샷 mnist10k: 학습 때 숫자 8과 9를 보지 않고 숫자 모양 지식 그래프로 인식');
    expect(taskKo('zero-shot mnist10k: digits 3 and 6 unseen in training, recognised through the digit-shape knowledge graph'))
      .toContain('숫자 3과 6을');
    expect(taskKo('a user task on their own data')).toBeNull();
    expect(localise('ko', 'a user task on their own data', 'task')).toEqual({ text: 'a user task on their own data', lang: 'en' });
  });

  it('has no English sentence and no rejected glossary variant in any translation', () => {
    const ko = [...Object.values(KO), ...catalog.tasks.map((t) => taskKo(t.description)!)];
    expect(ko.flatMap((t) => englishRuns(t).map((r) => `${r} ← ${t.slice(0, 60)}`))).toEqual([]);
    expect(ko.flatMap((t) => findRejected(t).map((r) => `${r.variant} ← ${t.slice(0, 60)}`))).toEqual([]);
  });

  it('translates the reasons leaderboard.json writes, quoting a program message as it is', () => {
    expect(reasonKo('mprt was not run on this task')?.text).toBe('이 과제에서는 mprt를 실행하지 않았습니다');
    expect(reasonKo('the 95% interval [0.25, 0.651] contains the threshold 0.5')?.text).toBe('95% 신뢰구간 [0.25, 0.651]에 기준값 0.5가 들어 있습니다');
    expect(reasonKo('metric rule-accuracy is constant, so it cannot be standardised')?.text).toBe('지표 rule-accuracy가 상수라 표준화할 수 없음');
    expect(reasonKo('no value under the variant: the metric refused this setting: metric deletion-auc: baseline=blur needs an image task'))
      .toEqual({ text: '변형 설정에서 값 없음: 지표가 이 설정을 거부함', detail: 'metric deletion-auc: baseline=blur needs an image task' });
    expect(reasonKo('something nobody wrote a pattern for')).toBeNull();
  });
});

describe('what counts as an English sentence', () => {
  it('is three or more Latin words separated by spaces only', () => {
    expect(englishRuns('Lower is better')).toEqual(['Lower is better']);
    expect(englishRuns('낮을수록 좋습니다. Lower is better; 끝')).toEqual(['Lower is better']);
    // Ids, lists of ids, formulas and two-word names are not sentences.
    expect(englishRuns('kernel-shap, lime, occlusion')).toEqual([]);
    expect(englishRuns('Gilpin 등(2018), Quantus nr_samples = 200')).toEqual([]);
    expect(englishRuns('x = f(x) - k a b')).toEqual([]);
    expect(englishRuns('integrated gradients는')).toEqual([]);
  });
});
