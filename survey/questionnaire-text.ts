/**
 * What raters read for the questionnaires, in the official item order of each instrument version
 * (metrics/human/questionnaires.ts): short, plain paraphrases in English and
 * Korean, with the 5-point agree/disagree anchors coded 1 = disagree strongly ... 5 = agree strongly
 * (agree_high). These are paraphrases written for children, not the published wording: check them
 * against the sources, and back-translate and pilot the Korean, before fielding a study.
 */
import type { Bilingual } from '../explainers/types.js';

export const LIKERT_ANCHORS: readonly Bilingual[] = [
  { en: 'I disagree strongly', ko: '전혀 그렇지 않다' },
  { en: 'I disagree somewhat', ko: '그렇지 않은 편이다' },
  { en: "I'm neutral about it", ko: '보통이다' },
  { en: 'I agree somewhat', ko: '그런 편이다' },
  { en: 'I agree strongly', ko: '매우 그렇다' },
];

const ESS_2018: readonly Bilingual[] = [
  { en: 'After these explanations, I understand how the computer works.', ko: '설명을 보고 나니 컴퓨터가 어떻게 답하는지 이해가 돼요.' },
  { en: 'The explanations of how the computer works are good enough for me.', ko: '컴퓨터가 어떻게 답하는지에 대한 설명이 마음에 들어요.' },
  { en: 'The explanations have enough detail.', ko: '설명이 충분히 자세해요.' },
  { en: 'The explanations seem complete.', ko: '설명에 빠진 것이 없는 것 같아요.' },
  { en: 'The explanations tell me how to use the computer.', ko: '설명을 보니 컴퓨터를 어떻게 쓰면 되는지 알겠어요.' },
  { en: 'The explanations are useful for what I want to do.', ko: '설명이 내가 하려는 일에 도움이 돼요.' },
  { en: 'The explanations show me how accurate the computer is.', ko: '설명을 보니 컴퓨터가 얼마나 정확한지 알겠어요.' },
  {
    en: 'The explanations help me judge when to trust the computer and when not to.',
    ko: '설명을 보니 언제 컴퓨터를 믿고 언제 믿지 말아야 할지 알겠어요.',
  },
];

const ESS_2023: readonly Bilingual[] = [
  ESS_2018[0],
  ESS_2018[1],
  ESS_2018[2],
  { en: 'The explanations seem complete.', ko: '설명에 빠진 것이 없는 것 같아요.' },
  ESS_2018[6],
  { en: 'The explanations show me how reliable the computer is.', ko: '설명을 보니 컴퓨터를 얼마나 믿을 만한지 알겠어요.' },
  ESS_2018[4],
  ESS_2018[5],
  ESS_2018[7],
];

const TRUST_2018: readonly Bilingual[] = [
  { en: 'I am sure the computer works well.', ko: '컴퓨터가 잘 작동한다고 확신해요.' },
  { en: 'I can guess what the computer will answer.', ko: '컴퓨터가 어떤 답을 할지 짐작할 수 있어요.' },
  {
    en: 'The computer is very reliable: I can count on it being right.',
    ko: '컴퓨터는 매우 믿을 만해요. 항상 맞을 거라고 믿을 수 있어요.',
  },
  { en: 'I feel safe relying on the computer for the right answers.', ko: '컴퓨터의 답을 믿고 따라도 안심이 돼요.' },
  { en: 'The computer works quickly.', ko: '컴퓨터는 빠르게 일해요.' },
  { en: 'I am careful about (wary of) the computer.', ko: '컴퓨터를 조심해야 할 것 같아요.' },
  { en: 'The computer does this better than someone just starting to learn it.', ko: '컴퓨터가 이 일을 막 배우기 시작한 사람보다 잘해요.' },
  { en: 'I like using the computer to decide things.', ko: '무언가를 정할 때 컴퓨터를 쓰는 것이 좋아요.' },
];

const SCS_2020: readonly Bilingual[] = [
  {
    en: 'The computer used everything that matters for the answer, in enough detail.',
    ko: '컴퓨터는 답에 중요한 것을 모두 충분히 자세하게 사용했어요.',
  },
  { en: 'I understood the explanations in the context of what I do.', ko: '내가 하는 일과 연결해서 설명을 이해할 수 있었어요.' },
  { en: 'I could change how much detail I saw when I wanted to.', ko: '원할 때 설명을 더 자세히 또는 더 간단히 볼 수 있었어요.' },
  { en: 'I did not need help to understand the explanations.', ko: '설명을 이해하는 데 도움이 필요하지 않았어요.' },
  {
    en: 'The explanations helped me understand what causes the answer.',
    ko: '설명이 무엇 때문에 그 답이 나왔는지 이해하는 데 도움이 됐어요.',
  },
  { en: 'I could use the explanations together with what I already know.', ko: '내가 이미 아는 것과 설명을 함께 사용할 수 있었어요.' },
  { en: 'The explanations did not contradict each other.', ko: '설명끼리 서로 어긋나지 않았어요.' },
  {
    en: 'I think most people would quickly learn to understand the explanations.',
    ko: '대부분의 사람이 설명을 금방 이해하게 될 것 같아요.',
  },
  {
    en: 'I did not need anything else (like a book or rules) to understand the explanations.',
    ko: '설명을 이해하려고 다른 것(책이나 규칙 같은)이 필요하지 않았어요.',
  },
  { en: 'I got the explanations quickly and easily.', ko: '설명을 빠르고 쉽게 받을 수 있었어요.' },
];

/** Statement per question id (ESS-1, ...), by instrument name. */
export const QUESTIONNAIRE_TEXT: Readonly<Record<string, readonly Bilingual[]>> = {
  'ESS-2018-8': ESS_2018,
  'ESS-2023-9': ESS_2023,
  'TRUST-2018-8': TRUST_2018,
  'SCS-2020-10': SCS_2020,
};
