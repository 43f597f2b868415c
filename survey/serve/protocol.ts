/**
 * The rating protocol: what a rater may do next and which answers they may give. Each rater follows
 * their own plan (rater-plan.ts) for the design slot the slot desk gives them (slot-desk.ts): SSA on
 * the slot's items (specific only after sensible = yes), then its pairs, then its dialogue, then the
 * questionnaires about it. An answer outside the plan is refused. When no step is left the slot is
 * marked finished.
 */
import { DIALOGUE_QUESTIONS, type DialogueQuestion, type Lang, type Packet, type PacketDialogue, type PacketItem } from '../packet.js';
import type { Progress } from '../pages.js';
import { type PlannedQuestion, type RaterPlan, raterPlan } from '../rater-plan.js';
import { field, HttpError } from './http-error.js';
import type { Answered, RatingStore } from './rating-store.js';
import type { SlotDesk } from './slot-desk.js';

export type NextStep = { readonly progress: Progress } & (
  | { readonly kind: 'ssa'; readonly item: PacketItem; readonly question: 'sensible' | 'specific' }
  | { readonly kind: 'pair'; readonly comparison: string; readonly left: PacketItem; readonly right: PacketItem }
  | { readonly kind: 'dialogue'; readonly dialogue: PacketDialogue; readonly turns: readonly DialogueQuestion[]; readonly capped: boolean }
  | { readonly kind: 'likert'; readonly question: PlannedQuestion }
  | { readonly kind: 'done' }
);

const now = () => new Date().toISOString();

export class RatingProtocol {
  readonly items: ReadonlyMap<string, PacketItem>;
  private readonly plans = new Map<string, RaterPlan>();

  constructor(
    readonly packet: Packet,
    readonly store: RatingStore,
    /** Null for a packet without a design: every rater rates every item. */
    readonly desk: SlotDesk | null = null,
  ) {
    this.items = new Map(packet.items.map((i) => [i.id, i]));
  }

  /** The rater's plan for the slot they hold (a slot is handed out at their first step). */
  plan(rater: string): RaterPlan {
    const slot = this.desk ? this.desk.slotOf(rater) : null;
    if (this.desk && !slot) return { ssa: [], pairs: [], dialogue: null, questions: [] };
    const key = `${rater}|${slot?.id ?? ''}`;
    let p = this.plans.get(key);
    if (!p) this.plans.set(key, (p = raterPlan(this.packet, rater, slot)));
    return p;
  }

  /** The rater's first unanswered step (opening their dialogue session when that is the step). */
  nextStep(rater: string, lang: Lang): NextStep {
    const plan = this.plan(rater);
    const s = this.store.answered(rater);
    const progress = this.progress(plan, s);
    for (const id of plan.ssa) {
      const sensible = s.ssa.get(`${id}|sensible`);
      if (sensible === undefined) return { progress, kind: 'ssa', item: this.items.get(id)!, question: 'sensible' };
      if (sensible === 1 && !s.ssa.has(`${id}|specific`)) return { progress, kind: 'ssa', item: this.items.get(id)!, question: 'specific' };
    }
    for (const p of plan.pairs) {
      if (s.pairs.has(p.pair.id)) continue;
      const [l, r] = p.left === 'a' ? [p.pair.a, p.pair.b] : [p.pair.b, p.pair.a];
      return { progress, kind: 'pair', comparison: p.pair.id, left: this.items.get(l)!, right: this.items.get(r)! };
    }
    if (plan.dialogue && !s.session?.ended_by) {
      const turns = this.store.turns(this.openSession(rater, lang));
      return { progress, kind: 'dialogue', dialogue: plan.dialogue, turns, capped: turns.length >= this.packet.settings.maxTurns };
    }
    for (const q of plan.questions)
      if (!s.likert.has(`${q.instrument.name}|${q.question}`)) return { progress, kind: 'likert', question: q };
    this.desk?.finished(rater);
    return { progress, kind: 'done' };
  }

  private progress(plan: RaterPlan, s: Answered): Progress {
    const ssaDone = plan.ssa.filter((i) => s.ssa.get(`${i}|sensible`) === 0 || s.ssa.has(`${i}|specific`)).length;
    const total = plan.ssa.length + plan.pairs.length + (plan.dialogue ? 1 : 0) + plan.questions.length;
    const done =
      ssaDone +
      plan.pairs.filter((p) => s.pairs.has(p.pair.id)).length +
      (s.session?.ended_by ? 1 : 0) +
      plan.questions.filter((q) => s.likert.has(`${q.instrument.name}|${q.question}`)).length;
    return { done, total };
  }

  private openSession(rater: string, lang: Lang): string {
    const dialogue = this.plan(rater).dialogue!;
    const id = `s-${rater.slice(2)}-${dialogue.id}`;
    this.store.openSession({ id, rater, dialogue: dialogue.id, item: dialogue.item, lang, time: now() });
    return id;
  }

  /** Validates one answer against the rater's plan and commits it. */
  answer(rater: string, lang: Lang, form: URLSearchParams): void {
    const kind = field(form, 'kind', ['ssa', 'pair', 'dialogue', 'likert']);
    if (kind === 'ssa') this.answerSsa(rater, lang, form);
    else if (kind === 'pair') this.answerPair(rater, form);
    else if (kind === 'dialogue') this.answerDialogue(rater, lang, form);
    else this.answerLikert(rater, lang, form);
  }

  private answerSsa(rater: string, lang: Lang, form: URLSearchParams): void {
    const plan = this.plan(rater);
    const time = now();
    const item = field(form, 'item', plan.ssa);
    const question = field(form, 'question', ['sensible', 'specific']) as 'sensible' | 'specific';
    const label = Number(field(form, 'label', ['0', '1']));
    const position = plan.ssa.indexOf(item) + 1;
    this.store.transaction(() => {
      if (question === 'specific' && this.store.ssaLabel(rater, item, 'sensible') !== 1) {
        throw new HttpError(400, 'specific is asked only after sensible = yes');
      }
      this.store.upsertSsa({ rater, item, question, label, position, lang, time });
      // Changing "sensible" to no makes an earlier "specific" meaningless (protocol coupling).
      if (question === 'sensible' && label === 0) this.store.deleteSsa(rater, item, 'specific');
    });
  }

  private answerPair(rater: string, form: URLSearchParams): void {
    const plan = this.plan(rater);
    const time = now();
    const comparison = field(
      form,
      'comparison',
      plan.pairs.map((p) => p.pair.id),
    );
    const choice = field(form, 'choice', ['left', 'right', 'tie', 'skip']);
    const p = plan.pairs.find((x) => x.pair.id === comparison)!;
    const other = p.left === 'a' ? 'b' : 'a';
    const outcome = choice === 'left' ? p.left : choice === 'right' ? other : choice;
    this.store.transaction(() =>
      this.store.upsertPair({ rater, comparison, itemA: p.pair.a, itemB: p.pair.b, shownLeft: p.left, outcome, time }),
    );
  }

  private answerDialogue(rater: string, lang: Lang, form: URLSearchParams): void {
    const plan = this.plan(rater);
    const time = now();
    if (!plan.dialogue) throw new HttpError(400, 'no dialogue');
    field(form, 'dialogue', [plan.dialogue.id]);
    const ask = field(form, 'ask', [...DIALOGUE_QUESTIONS, 'done']) as DialogueQuestion | 'done';
    const turn = Number(field(form, 'turn', /^\d{1,3}$/));
    const session = this.openSession(rater, lang);
    const cap = this.packet.settings.maxTurns;
    this.store.transaction(() => {
      if (this.store.sessionEndedBy(session)) return;
      const n = this.store.turnCount(session);
      if (ask === 'done') return this.store.endSession(session, time, n >= cap ? 'cap' : 'user');
      // A resubmitted form (double tap, back button) carries a turn number already used: ignore it.
      if (turn !== n || n >= cap) return;
      this.store.addTurn(session, n, ask, time);
    });
  }

  private answerLikert(rater: string, lang: Lang, form: URLSearchParams): void {
    const plan = this.plan(rater);
    const time = now();
    const names = [...new Set(plan.questions.map((q) => q.instrument.name))];
    const instrument = field(form, 'instrument', names);
    const question = field(
      form,
      'question',
      plan.questions.filter((q) => q.instrument.name === instrument).map((q) => q.question),
    );
    const response = Number(field(form, 'response', ['1', '2', '3', '4', '5']));
    const session = this.store.sessionOf(rater);
    this.store.transaction(() =>
      this.store.upsertLikert({ rater, instrument, question, item: plan.dialogue!.item, session, response, lang, time }),
    );
  }
}
