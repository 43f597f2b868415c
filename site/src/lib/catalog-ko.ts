/**
 * Korean for the catalog's declarations (catalog.json is written in English by the metric, explainer and
 * task modules). Definitions and parameter notes are keyed by their English text (catalog-ko-text.ts), so a
 * changed declaration has no Korean until it is translated again, and site/builder/catalog-ko.test.ts
 * names it; task descriptions follow a few patterns and are translated by rule. Anything without Korean
 * (a plugin's own text, a user's task) is shown in English, marked lang="en".
 */
import { withParticle } from '@xai-core/korean-particles.js';
import { CATALOG_KO } from './catalog-ko-text.js';
import type { Lang } from './types.js';

const TEXT = CATALOG_KO;

/** A text to show in `lang`, with the language it is in (English when no Korean exists). */
export interface Localised {
  readonly text: string;
  readonly lang: Lang;
}

/** The Korean of a definition or parameter note, or null. */
export const koText = (en: string): string | null => TEXT[en] ?? null;

const MODELS: Readonly<Record<string, string>> = {
  'small CNN': '작은 CNN',
  'deeper CNN with BatchNormalization, max and average pooling': '더 깊은 CNN(배치 정규화, 최대 풀링과 평균 풀링)',
};

const DATA: Readonly<Record<string, string>> = {
  mnist10k: 'mnist10k',
  '8x8 digits': '8x8 손글씨 숫자',
  iris: '붓꽃(iris)',
  wine: '와인(wine)',
  'breast cancer': '유방암(breast cancer)',
  'synth-linear (ground truth: 4 relevant features)': 'synth-linear(정답: 관련 특성 4개)',
  'synth-nonlinear (ground truth: 4 relevant features)': 'synth-nonlinear(정답: 관련 특성 4개)',
  'synth-pattern (ground truth: pattern masks)': 'synth-pattern(정답: 패턴 마스크)',
  'synthetic hiring, gender without true effect': '합성 채용 데이터(성별에 실제 효과 없음)',
  'synthetic hiring biased against women': '여성에게 불리하게 편향된 합성 채용 데이터',
  'synthetic XOR (rule extraction must recover x0 xor x1)': '합성 XOR(규칙 추출이 x0 xor x1을 찾아내야 함)',
  'mnist10k "0 vs rest" over 784 pixels (DeepRED setup)': 'mnist10k의 "0 대 나머지", 픽셀 784개(DeepRED 설정)',
  'Fashion-MNIST (10k training subset, standard 10k test split)': 'Fashion-MNIST(학습 부분집합 1만 장, 표준 테스트 분할 1만 장)',
  'German credit (real; protected attribute sex)': '독일 신용 데이터(실제 데이터, 보호 속성: 성별)',
  'Boston HMDA mortgage denials (real; protected attribute race)': '보스턴 HMDA 주택담보대출 거절(실제 데이터, 보호 속성: 인종)',
  'credit_data credit scoring (real; protected attribute marital status)': 'credit_data 신용 평가(실제 데이터, 보호 속성: 혼인 상태)',
};

const model = (m: string): string | null => MODELS[m] ?? (/^MLP \([\d, ]+\)$/.test(m) ? m : null);

/** The Korean of a task description, by the patterns the built-in tasks use; null when none fits. */
export function taskKo(en: string): string | null {
  const seed = /, training seed (\d+)$/.exec(en);
  const base = seed ? en.slice(0, seed.index) : en;
  const suffix = seed ? `, 학습 시드 ${seed[1]}` : '';
  const zsl = /^zero-shot (\S+): digits (\d) and (\d) unseen in training, recognised through the digit-shape knowledge graph$/.exec(base);
  if (zsl) {
    return `제로샷 ${zsl[1]}: 학습 때 숫자 ${withParticle(zsl[2], '과/와')} ${withParticle(zsl[3], '을/를')} 보지 않고 숫자 모양 지식 그래프로 인식${suffix}`;
  }
  const vae = /^(\S+) generator: a VAE with a (\d+)-d latent and an MLP decoder \(([\d-]+) ReLU units\); queries are test digits encoded by its encoder, classified by (\S+)$/.exec(base);
  if (vae) {
    return `${vae[1]} 생성기: ${vae[2]}차원 잠재 공간과 MLP 디코더(ReLU 유닛 ${vae[3]}개)를 갖춘 VAE. 질의는 인코더로 부호화한 테스트 숫자이며 ${withParticle(vae[4], '으로/로')} 분류합니다${suffix}`;
  }
  const on = /^(.+?) on (.+)$/.exec(base);
  if (!on) return null;
  const m = model(on[1]);
  const d = DATA[on[2]];
  return m && d ? `${d}의 ${m}${suffix}` : null;
}

/** A catalog text in the page's language: Korean when translated, else the English with lang="en". */
export function localise(lang: Lang, en: string, kind: 'text' | 'task' = 'text'): Localised {
  if (lang === 'en') return { text: en, lang: 'en' };
  const ko = kind === 'task' ? taskKo(en) : koText(en);
  return ko === null ? { text: en, lang: 'en' } : { text: ko, lang: 'ko' };
}
