/**
 * Generates the SIMULATED example study (study_id simulated-demo-2026): every rating here is drawn
 * from seeded random streams (rngFor), not collected from people. It exists to exercise the survey
 * pipeline end to end and must never be presented as real ratings (docs/principles.md, principle 6).
 *
 *   npx tsx tools/studies/generate-simulated-demo.ts   (rewrites the CSVs beside this file)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rngFor, type Rng } from '../../core/rng.js';
import { boxMullerNormals } from '../../numeric/box-muller.js';

const STUDY = 'simulated-demo-2026';
const SEED = 20260611;
const DIR = join(import.meta.dirname, '..', '..', 'data', 'studies', 'simulated-demo');

const METHODS = ['gradient', 'integrated-gradients', 'kernel-shap'] as const;
const CONTROLS = { 'control-constant': 'constant', 'control-random': 'random', 'control-human': 'human_reference' } as const;
const ALL = [...METHODS, ...Object.keys(CONTROLS)] as string[];
const INSTANCES = Array.from({ length: 10 }, (_, k) => `iris-${k}`);
const SSA_RATERS = ['r01', 'r02', 'r03', 'r04', 'r05'];
const EXCLUDED = 'r06';
const GROUPS = ['g1', 'g2', 'g3', 'g4'];
const PUPILS = Array.from({ length: 12 }, (_, i) => `p${String(i + 1).padStart(2, '0')}`);
const USERS = Array.from({ length: 8 }, (_, i) => `u${String(i + 1).padStart(2, '0')}`);

// Simulation parameters (made up): chance an explanation is sensible, and specific given sensible.
const P_SENSIBLE: Record<string, number> = { gradient: 0.6, 'integrated-gradients': 0.85, 'kernel-shap': 0.75, 'control-constant': 0.8, 'control-random': 0.2, 'control-human': 0.95 };
const P_SPECIFIC: Record<string, number> = { gradient: 0.45, 'integrated-gradients': 0.75, 'kernel-shap': 0.6, 'control-constant': 0.05, 'control-random': 0.3, 'control-human': 0.9 };
const QUALITY: Record<string, number> = { gradient: 3.0, 'integrated-gradients': 4.0, 'kernel-shap': 3.5 };
const STRENGTH: Record<string, number> = { gradient: -0.6, 'integrated-gradients': 0.7, 'kernel-shap': 0.1 };
const TURNS: Record<string, number> = { gradient: 5, 'integrated-gradients': 7, 'kernel-shap': 9 };
const KO = ['', '전혀 그렇지 않다', '그렇지 않다', '보통이다', '그렇다', '매우 그렇다'];

const quote = (s: string | number) => {
  const t = String(s);
  return /[",\n ]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};
function write(file: string, header: string[], rows: (string | number)[][]): void {
  writeFileSync(join(DIR, file), [header.join(','), ...rows.map((r) => r.map(quote).join(','))].join('\n') + '\n');
}
const itemId = (m: string, inst: string) => `it-${m}-${inst}`;
const clamp5 = (x: number) => Math.min(5, Math.max(1, Math.round(x)));
const flip = (rng: Rng, label: number, pKeep: number) => (rng.bernoulli(pKeep) ? label : 1 - label);

write(
  'items.csv',
  ['study_id', 'item_id', 'dataset_id', 'model_id', 'instance_id', 'method_id', 'method_version', 'explanation_format', 'artifact_sha256', 'language', 'is_control', 'control_type'],
  INSTANCES.flatMap((inst) =>
    ALL.map((m) => [STUDY, itemId(m, inst), 'iris', 'iris-mlp', inst, m, '', 'text', '', 'en', m in CONTROLS ? 1 : 0, (CONTROLS as Record<string, string>)[m] ?? '']),
  ),
);

write(
  'raters.csv',
  ['study_id', 'rater_id', 'rater_pool', 'expertise', 'age_band', 'grade', 'language', 'consent', 'assent', 'group_id', 'excluded', 'exclusion_reason'],
  [
    ...SSA_RATERS.map((r) => [STUDY, r, 'crowd', 'lay', '25-34', '', 'en', 1, '', '', 0, '']),
    [STUDY, EXCLUDED, 'crowd', 'lay', '25-34', '', 'en', 1, '', '', 1, 'failed attention check (simulated)'],
    ...PUPILS.map((p, i) => [STUDY, p, 'pupil', 'novice', '10-11', 5, 'ko', 1, 1, GROUPS[Math.floor(i / 3)], 0, '']),
  ],
);

// SSA: each item has a latent (sensible, specific) truth; each rater reports it with some noise, and
// now and then ticks "specific" after "not sensible" (which ingest must coerce to 0 and report).
const ssaRows: (string | number)[][] = [];
for (const inst of INSTANCES) {
  for (const m of ALL) {
    const truth = rngFor(SEED, 'truth', m, inst);
    const s = truth.bernoulli(P_SENSIBLE[m]) ? 1 : 0;
    const p = s && truth.bernoulli(P_SPECIFIC[m]) ? 1 : 0;
    [...SSA_RATERS, EXCLUDED].forEach((r, pos) => {
      const rng = rngFor(SEED, 'ssa', r, m, inst);
      const sens = flip(rng, s, 0.85);
      let spec: number | '' = sens ? flip(rng, p, 0.8) : rng.bernoulli(0.1) ? 1 : 0;
      if (!sens && rng.bernoulli(0.1)) spec = '';
      const ts = `2026-05-02T10:${String(pos * 9).padStart(2, '0')}:00+09:00`;
      ssaRows.push([STUDY, r, itemId(m, inst), m, 'sensible', sens, 'full', pos + 1, ts]);
      ssaRows.push([STUDY, r, itemId(m, inst), m, 'specific', spec, 'full', pos + 1, ts]);
    });
  }
}
write('ssa_ratings.csv', ['study_id', 'rater_id', 'item_id', 'method_id', 'question', 'label', 'context_shown', 'position', 'timestamp'], ssaRows);

// FGI-style questionnaires: pupils in four focus groups rate each method (system level) with the
// ESS 2018 before and after discussion (after: pulled toward the group's mean) and the Trust Scale.
const likertRows: (string | number)[][] = [];
const groupEffect = new Map(GROUPS.map((g) => [g, boxMullerNormals(rngFor(SEED, 'group', g))() * 0.3]));
PUPILS.forEach((pupil, i) => {
  const group = GROUPS[Math.floor(i / 3)];
  const raterEffect = boxMullerNormals(rngFor(SEED, 'rater', pupil))() * 0.4;
  for (const m of METHODS) {
    const base = QUALITY[m] + raterEffect + groupEffect.get(group)!;
    const emit = (ins: string, ver: string, q: string, phase: string, latent: number, reverse: 0 | 1, minute: number) => {
      const rng = rngFor(SEED, 'likert', pupil, m, q, phase);
      let code = clamp5(latent + boxMullerNormals(rng)() * 0.7);
      if (reverse) code = 6 - code;
      // One pupil leaves one ESS answer blank: that answer sheet gets no scale score.
      const response = pupil === 'p05' && m === 'gradient' && q === 'ESS-3' && phase === 'pre_discussion' ? '' : code;
      likertRows.push([STUDY, `fgi-${group}`, group, pupil, '', m, ins, ver, q, response === '' ? '' : KO[code], response, 1, 5, 'agree_high', reverse, 'ko', phase, `2026-06-11T14:${String(minute).padStart(2, '0')}:00+09:00`]);
    };
    for (let q = 1; q <= 8; q++) {
      emit('ESS', '2018-8', `ESS-${q}`, 'pre_discussion', base, 0, 5);
      emit('ESS', '2018-8', `ESS-${q}`, 'post_discussion', 0.5 * base + 0.5 * (QUALITY[m] + groupEffect.get(group)!), 0, 35);
      emit('TRUST', '2018-8', `TRUST-${q}`, 'post_task', base - 0.3, q === 6 ? 1 : 0, 50);
    }
  }
});
write(
  'likert_ratings.csv',
  ['study_id', 'session_id', 'group_id', 'rater_id', 'item_id', 'method_id', 'instrument_id', 'instrument_version', 'question_id', 'response_raw', 'response', 'scale_min', 'scale_max', 'scale_direction', 'reverse_keyed', 'language', 'phase', 'timestamp'],
  likertRows,
);

// Pairwise preferences ("which explanation is easier to understand?") from a Bradley-Terry model.
const prefRows: (string | number)[][] = [];
let cmp = 0;
for (const r of SSA_RATERS) {
  for (const inst of INSTANCES) {
    for (let a = 0; a < METHODS.length; a++) {
      for (let b = a + 1; b < METHODS.length; b++) {
        const rng = rngFor(SEED, 'pref', r, inst, a, b);
        const [ma, mb] = [METHODS[a], METHODS[b]];
        const pA = 1 / (1 + Math.exp(STRENGTH[mb] - STRENGTH[ma]));
        const outcome = rng.bernoulli(0.03) ? 'skip' : rng.bernoulli(0.1) ? 'tie' : rng.bernoulli(pA) ? 'a' : 'b';
        cmp++;
        prefRows.push([STUDY, r, `c${String(cmp).padStart(4, '0')}`, itemId(ma, inst), ma, mb, rng.bernoulli(0.5) ? 'a' : 'b', 'understandable', outcome, '2026-07-01T09:00:00Z']);
      }
    }
  }
}
write('pairwise_prefs.csv', ['study_id', 'rater_id', 'comparison_id', 'item_id', 'method_a', 'method_b', 'shown_left', 'criterion', 'outcome', 'timestamp'], prefRows);

// Interactive sessions (CPS): turns drawn around a per-method mean; one runaway session hits the cap.
const sessionRows: (string | number)[][] = [];
let sid = 0;
for (const u of USERS) {
  for (const m of METHODS) {
    for (let k = 0; k < 2; k++) {
      const rng = rngFor(SEED, 'session', u, m, k);
      let turns = Math.max(1, Math.round(TURNS[m] + boxMullerNormals(rng)() * 2.5));
      if (u === 'u03' && m === 'kernel-shap' && k === 1) turns = 31;
      const greeting = rng.bernoulli(0.5) ? 1 : 0;
      const nUser = turns;
      const nSystem = turns + greeting;
      sid++;
      sessionRows.push([STUDY, `sess-${String(sid).padStart(3, '0')}`, u, m, 'v1', 't01', '2026-08-03T13:00:00+09:00', '2026-08-03T13:07:41+09:00', nUser, nSystem, Math.min(nUser, nSystem), turns >= 28 ? 'cap' : rng.bernoulli(0.8) ? 'user' : 'timeout', 1800, 28, 'ko']);
    }
  }
}
write(
  'sessions.csv',
  ['study_id', 'session_id', 'user_id', 'method_id', 'agent_version', 'task_id', 'start_time', 'end_time', 'n_user_msgs', 'n_system_msgs', 'n_turns', 'ended_by', 'idle_timeout_s', 'max_turns', 'language'],
  sessionRows,
);
