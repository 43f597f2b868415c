import { describe, expect, it } from 'vitest';
import { particle, withParticle } from './korean-particles.js';

describe('Korean particles by the final sound of the word they follow', () => {
  it('reads Hangul syllables by their final consonant, with the ㄹ rule for (으)로', () => {
    expect(withParticle('충실도', '을/를')).toBe('충실도를');
    expect(withParticle('지표', '이/가')).toBe('지표가');
    expect(withParticle('평가 기준', '은/는')).toBe('평가 기준은');
    expect(withParticle('사람', '과/와')).toBe('사람과');
    expect(withParticle('규칙', '으로/로')).toBe('규칙으로');
    expect(withParticle('모델', '으로/로')).toBe('모델로'); // ㄹ takes 로
    expect(withParticle('고양이', '으로/로')).toBe('고양이로');
    expect(withParticle('개', '이라고/라고')).toBe('개라고');
    expect(withParticle('고양이', '이에요/예요')).toBe('고양이예요');
    expect(withParticle('집', '이에요/예요')).toBe('집이에요');
  });

  it('reads numbers as Sino-Korean: the last digit, or the unit trailing zeros make', () => {
    expect(particle('3', '을/를')).toBe('을'); // 삼
    expect(particle('2', '을/를')).toBe('를'); // 이
    expect(particle('1', '으로/로')).toBe('로'); // 일: ㄹ
    expect(particle('6', '이/가')).toBe('이'); // 육
    expect(particle('7', '이/가')).toBe('이'); // 칠
    expect(particle('9', '이/가')).toBe('가'); // 구
    expect(particle('10', '이/가')).toBe('이'); // 십
    expect(particle('20', '으로/로')).toBe('으로'); // 이십: ㅂ
    expect(particle('100', '과/와')).toBe('과'); // 백
    expect(particle('0', '은/는')).toBe('은'); // 영
    expect(particle('0.25', '은/는')).toBe('는'); // 오
    expect(particle('95%', '은/는')).toBe('는'); // 퍼센트
  });

  it('reads capital runs as acronyms letter by letter, except the words KNOWN lists', () => {
    expect(particle('SHAP', '을/를')).toBe('을'); // 샵
    expect(particle('LIME', '이/가')).toBe('이'); // 라임
    expect(particle('LRP', '을/를')).toBe('를'); // 엘아르피
    expect(particle('lrp', '을/를')).toBe('를'); // no vowel letter: an acronym
    expect(particle('CNN', '이/가')).toBe('이'); // 씨엔엔
    expect(particle('HTML', '으로/로')).toBe('로'); // 엘: ㄹ
    expect(particle('mprt', '은/는')).toBe('는'); // 엠피알티
    expect(particle('zero-shot-kg', '은/는')).toBe('는'); // 케이지
    expect(particle('AUROC', '이/가')).toBe('이'); // 오록
  });

  it('reads English words as Korean loanwords write their last sound', () => {
    expect(particle('hired', '이라고/라고')).toBe('라고'); // 하이어드
    expect(particle('kernel-shap', '이/가')).toBe('이'); // 샵
    expect(particle('lime', '과/와')).toBe('과'); // 라임
    expect(particle('random', '을/를')).toBe('을'); // 랜덤
    expect(particle('occlusion', '은/는')).toBe('은'); // 오클루전
    expect(particle('integrated-gradients', '은/는')).toBe('는'); // 그레이디언츠
    expect(particle('gradient', '이/가')).toBe('가'); // 그레이디언트
    expect(particle('gradient-x-input', '이/가')).toBe('이'); // 인풋
    expect(particle('c45-pedagogical', '으로/로')).toBe('로'); // 페다고지컬: ㄹ
    expect(particle('epsilon-ball', '이/가')).toBe('이'); // 볼
    expect(particle('rule', '이/가')).toBe('이'); // 룰
    expect(particle('example', '이/가')).toBe('가'); // 이그잼플
    expect(particle('trepan-lite', '이/가')).toBe('가'); // 라이트
    expect(particle('boot', '이/가')).toBe('가'); // 부트
    expect(particle('shot', '이/가')).toBe('이'); // 샷
    expect(particle('ring', '이/가')).toBe('이'); // 링
    expect(particle('benign', '이라고/라고')).toBe('이라고'); // 비나인
    expect(particle('malignant', '이라고/라고')).toBe('라고'); // 멀리그넌트
  });

  it('skips closing quotes and brackets, and takes the vowel form when nothing is readable', () => {
    expect(withParticle("'hired'", '이라고/라고')).toBe("'hired'라고");
    expect(withParticle("'cat'", '이라고/라고')).toBe("'cat'이라고");
    expect(withParticle('충실도(fidelity)', '을/를')).toBe('충실도(fidelity)를');
    expect(withParticle('3(공유: 고리)', '과/와')).toBe('3(공유: 고리)과');
    expect(withParticle('—', '을/를')).toBe('—를');
    expect(withParticle('', '이/가')).toBe('가');
  });
});
