/** The page that shows a rater's next step. */
import type { Lang } from '../packet.js';
import { dialoguePage, donePage, likertPage, pairPage, ssaPage } from '../pages.js';
import type { NextStep } from './protocol.js';

export function stepPage(lang: Lang, step: NextStep): string {
  switch (step.kind) {
    case 'ssa':
      return ssaPage(lang, step.item, step.question, step.progress);
    case 'pair':
      return pairPage(lang, step.comparison, step.left, step.right, step.progress);
    case 'dialogue':
      return dialoguePage(lang, step.dialogue, step.turns, step.capped, step.progress);
    case 'likert':
      return likertPage(lang, step.question, step.progress);
    case 'done':
      return donePage(lang, step.progress);
  }
}
