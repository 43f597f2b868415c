/** Every word of the rating app in Korean and English: short sentences and simple words, for children too. */
import type { Lang } from './packet.js';

const TEXT = {
  title: { en: 'Rate the explanations', ko: '설명 평가하기' },
  chooseLanguage: { en: 'Choose your language', ko: '언어를 고르세요' },
  start: { en: 'Start', ko: '시작하기' },
  resume: { en: 'I have a code: continue', ko: '코드가 있어요: 이어서 하기' },
  consentTitle: { en: 'Before we start', ko: '시작하기 전에' },
  consentBody: {
    en:
      'A computer program looks at pictures or numbers and gives an answer. It also explains its answer. We want to know what you ' +
      'think of these explanations. There are no right or wrong answers. You can stop at any time. We do not ask for your name.',
    ko: '컴퓨터 프로그램이 그림이나 숫자를 보고 답을 해요. 그리고 왜 그렇게 답했는지 설명해요. 여러분이 이 설명을 어떻게 생각하는지 알고 싶어요. 정답이나 오답은 없어요. 언제든지 그만해도 돼요. 이름은 묻지 않아요.',
  },
  consent: {
    en: 'I agree to take part (a parent or teacher has agreed too, if I am a child).',
    ko: '참여하는 것에 동의해요 (어린이라면 부모님이나 선생님도 동의했어요).',
  },
  assent: { en: 'I am a child and I want to take part.', ko: '나는 어린이이고, 참여하고 싶어요.' },
  ageBand: { en: 'Age (optional)', ko: '나이 (선택)' },
  grade: { en: 'School grade (optional)', ko: '학년 (선택)' },
  none: { en: '(skip)', ko: '(건너뛰기)' },
  needConsent: { en: 'Please tick "I agree" to start.', ko: '시작하려면 "동의해요"에 표시해 주세요.' },
  codeTitle: { en: 'Your code', ko: '나의 코드' },
  codeBody: {
    en: 'Write this code down. With it you can continue later, on this or another device.',
    ko: '이 코드를 적어 두세요. 나중에 이 기기나 다른 기기에서 이어서 할 수 있어요.',
  },
  go: { en: "Let's go", ko: '시작해요' },
  codeLabel: { en: 'Your code', ko: '나의 코드' },
  badCode: { en: 'That code is not right. Please check it.', ko: '코드가 맞지 않아요. 다시 확인해 주세요.' },
  progress: { en: 'Done so far', ko: '지금까지 한 것' },
  answer: { en: "The computer's answer", ko: '컴퓨터의 답' },
  explanation: { en: 'The explanation', ko: '설명' },
  sensibleQ: { en: 'Does this explanation make sense?', ko: '이 설명이 말이 되나요?' },
  sensibleHint: {
    en: 'Look at the input and the answer. Is the explanation clear and right?',
    ko: '입력과 답을 보세요. 설명이 분명하고 맞나요?',
  },
  specificQ: {
    en: 'Is this explanation about this input, not something you could say about any input?',
    ko: '이 설명이 바로 이 입력에 대한 설명인가요? 아무 입력에나 할 수 있는 말은 아닌가요?',
  },
  yes: { en: 'Yes', ko: '네' },
  no: { en: 'No', ko: '아니요' },
  pairQ: { en: 'Which explanation helps you more?', ko: '어떤 설명이 더 도움이 되나요?' },
  left: { en: 'The left one', ko: '왼쪽' },
  right: { en: 'The right one', ko: '오른쪽' },
  same: { en: 'They help the same', ko: '똑같아요' },
  skip: { en: "I don't know", ko: '모르겠어요' },
  dialogueTitle: { en: 'Ask the computer', ko: '컴퓨터에게 물어보기' },
  dialogueHint: {
    en: 'Press a question. Ask as many as you like. Press "I am done" when you understand.',
    ko: '질문을 누르세요. 원하는 만큼 물어봐도 돼요. 이해가 되면 "다 했어요"를 누르세요.',
  },
  you: { en: 'You', ko: '나' },
  computer: { en: 'Computer', ko: '컴퓨터' },
  q_why: { en: 'Why?', ko: '왜?' },
  q_most: { en: 'What mattered most?', ko: '무엇이 가장 중요했어?' },
  q_change: { en: 'What would change the answer?', ko: '무엇이 바뀌면 답이 달라져?' },
  q_similar: { en: 'Show similar examples', ko: '비슷한 예를 보여 줘' },
  q_sure: { en: 'How sure is it?', ko: '얼마나 확신해?' },
  dialogueDone: { en: 'I am done', ko: '다 했어요' },
  capReached: { en: 'That is all the questions for this one.', ko: '이번에는 여기까지 물어볼 수 있어요.' },
  questionnaireTitle: { en: 'What do you think?', ko: '어떻게 생각하나요?' },
  questionnaireHint: { en: 'Think about the explanations you just asked for.', ko: '방금 물어본 설명들을 떠올려 보세요.' },
  doneTitle: { en: 'All done. Thank you!', ko: '모두 끝났어요. 고마워요!' },
  doneBody: { en: 'Your answers are saved. You can close this page.', ko: '답이 저장되었어요. 이 페이지를 닫아도 돼요.' },
  notFound: { en: 'Page not found.', ko: '페이지를 찾을 수 없어요.' },
  badRequest: {
    en: 'Something was wrong with that answer. Please go back and try again.',
    ko: '답에 문제가 있었어요. 뒤로 가서 다시 해 주세요.',
  },
  home: { en: 'Back to the start', ko: '처음으로' },
  leaveLink: { en: 'Not me: new rater', ko: '내가 아니에요: 새로 시작하기' },
  leaveTitle: { en: 'Start as a new rater?', ko: '새로 시작할까요?' },
  leaveBody: {
    en:
      'If you see someone else\'s work, press "Yes, start new". Their answers are all saved, and they can continue later ' +
      'with their code. If these are your own answers, press "No, keep going".',
    ko:
      '앞사람이 하던 화면이 보이면 "네, 새로 시작할게요"를 누르세요. 앞사람의 답은 모두 저장되어 있고, 나중에 자기 코드로 ' +
      '이어서 할 수 있어요. 내가 하던 것이라면 "아니요, 계속할게요"를 누르세요.',
  },
  leaveYes: { en: 'Yes, start new', ko: '네, 새로 시작할게요' },
  quitLink: { en: 'I want to stop', ko: '그만할래요' },
  quitTitle: { en: 'Stop here?', ko: '여기서 그만할까요?' },
  quitBody: {
    en: 'You can stop now. Everything you answered is saved. Someone else will do the rest.',
    ko: '지금 그만해도 돼요. 지금까지 한 답은 모두 저장되어 있어요. 남은 것은 다른 사람이 이어서 할 거예요.',
  },
  quitYes: { en: 'Yes, stop', ko: '네, 그만할게요' },
  quitNo: { en: 'No, keep going', ko: '아니요, 계속할게요' },
  quitDone: { en: 'Thank you! Your answers are saved.', ko: '고마워요! 답이 저장되었어요.' },
  leaveNo: { en: 'No, keep going', ko: '아니요, 계속할게요' },
  waitTitle: { en: 'Please wait a moment', ko: '잠시만 기다려 주세요' },
  waitBody: {
    en: 'Many people are starting at the same time. Wait a little, then press "Try again".',
    ko: '지금 많은 사람이 한꺼번에 시작하고 있어요. 조금 기다렸다가 "다시 해 보기"를 누르세요.',
  },
  tryAgain: { en: 'Try again', ko: '다시 해 보기' },
  wrongAddress: {
    en: 'Answers cannot be sent from this address. Please open the address your teacher gave you.',
    ko: '이 주소로는 답을 보낼 수 없어요. 선생님이 알려 준 주소로 다시 들어가 주세요.',
  },
  methodNotAllowed: { en: 'This page cannot be used that way.', ko: '이 페이지는 그렇게 쓸 수 없어요.' },
  inputLabel: { en: 'The input', ko: '입력' },
} as const;

export type TextKey = keyof typeof TEXT;

export function t(lang: Lang, key: TextKey): string {
  return TEXT[key][lang];
}

export const AGE_BANDS = ['6-7', '8-9', '10-11', '12-13', '14-17', '18-24', '25-34', '35-49', '50-64', '65+'] as const;
export const GRADES = ['1', '2', '3', '4', '5', '6'] as const;
