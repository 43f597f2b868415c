/** `xai-bench survey make | serve | export`: building a rating packet, running the rating app, exporting the study files. */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { useBackend } from '../core/backend.js';
import { UserError } from '../core/errors.js';
import { exportStudy } from '../survey/export.js';
import { makePacket } from '../survey/make-packet.js';
import { type Audience, AUDIENCES } from '../survey/audience.js';
import { type Lang, LANGS } from '../survey/packet.js';
import { serveSurvey } from '../survey/server.js';
import { openStudyDb } from '../survey/study-db.js';
import { EXPLANATIONS_DIR } from '../runner/results-store.js';
import { integer, list, many, parseCommand, required, str } from './args.js';
import { checkOutDir } from './out-path.js';

export const MAKE_HELP = `Usage: xai-bench survey make --run DIR --out PACKET [--methods a,b] [--tasks a,b] [--items N] [--lang ko,en]
                         [--seed N] [--study ID] [--pairs N] [--questionnaires ESS-2018-8,...] [--max-turns N]
                         [--idle-timeout S] [--references FILE] [--per-rater N] [--raters-per-item K]
                         [--dialogues 0|1] [--audience children|adults|experts]

  --run DIR          a finished run folder (explanations/ and artifacts/)
  --out PACKET       the packet folder to write (packet.json, items.csv, artifacts/)
  --methods a,b      explainers to rate, of any family (default: all of the run's but random): attributions
                     as heatmaps, rules as rule text, concept paths as path text, examples as picture grids
  --tasks a,b        tasks to draw inputs from (default: all of the run's the audience can judge; a task
                     named here is kept with a warning even when the audience cannot judge it)
  --audience A       children: pictures, and tables only with named features in everyday units, texts
                     cut to one sentence, no knowledge-graph paths; adults (default): no table of unnamed
                     features (x0, x1, ...); experts: everything. Left-out tasks are noted in packet.json
  --per-rater N      SSA items per rater (default 24: with the pairs, the dialogue and the questionnaire
                     a 15-20 minute session)
  --raters-per-item K  raters per item (default 3): the packet's design (design.json) gives every item
                     to exactly K rater slots, every method equally often per slot
  --items N          inputs per task, stratified by predicted class (default 2)
  --lang ko,en       languages offered, first = default (default ko,en)
  --seed N           sampling, blinding and per-rater order seed (default 0)
  --study ID         study_id of the exported files (default study-<run id>)
  --pairs N          pairwise comparisons per rater (default 3)
  --dialogues N      explanation dialogues per rater, 0 or 1 (default 1)
  --questionnaires   after the dialogue (default ESS-2018-8; also ESS-2023-9, TRUST-2018-8, SCS-2020-10)
  --max-turns N      dialogue turn cap (default 12); --idle-timeout S session timeout recorded (default 1800)
  --references FILE  CSV task,instance_id,text_en,text_ko of human-written reference explanations
                     (fill in the packet's references-template.csv and make the packet again)`;

export const SERVE_HELP = `Usage: xai-bench survey serve --packet PACKET --db FILE [--port P] [--host 127.0.0.1]
         [--allow-host NAME]... [--max-new-raters N] [--abandon-after MIN]

  Runs the rating app. Prints the address and the admin token (admin page: /admin?token=...).
  Binds to 127.0.0.1 unless --host says otherwise (e.g. --host 0.0.0.0 for tablets on a classroom network).
  Answers are taken only from pages opened at the server's own address, localhost or 127.0.0.1;
  --allow-host NAME (or NAME:PORT; repeat it) adds a name, e.g. the classroom's LAN name.
  --max-new-raters N: new raters a minute, for all tablets together (default 60); beyond it a pupil
  is asked to wait a moment and the admin page says how many waited.
  Every answer is in FILE (SQLite) before the next page shows; restart with the same --db to continue.
  Each rater gets one slot of the packet's design (design.json) as they arrive. A slot is abandoned
  when its rater presses "I want to stop" or shows no sign for --abandon-after MIN minutes (default
  30); it then goes to the next rater who arrives, so every item ends with K finished ratings. The admin
  page shows coverage: items below K ratings, raters active, expected raters still needed.`;

export const EXPORT_HELP = `Usage: xai-bench survey export --db FILE --out STUDY_DIR

  Writes items.csv, raters.csv, ssa_ratings.csv, likert_ratings.csv, pairwise_prefs.csv, sessions.csv
  (and dialogue_turns.csv) for xai-bench survey score STUDY_DIR, and design.json: the packet's design
  and which rater held which slot (finished, or abandoned by timeout or quit).`;

function languages(v: string[] | undefined): Lang[] {
  const ls = v ?? ['ko', 'en'];
  for (const l of ls) if (!LANGS.includes(l as Lang)) throw new UserError(`--lang ${l}: expected ko or en`);
  return [...new Set(ls)] as Lang[];
}

/** --methods must name explainers of the run: checked before anything is written. */
function checkMethods(run: string, methods: readonly string[] | undefined): void {
  const dir = join(run, EXPLANATIONS_DIR);
  if (!methods || !existsSync(dir)) return;
  const have = new Set(
    readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(dir, d.name)).filter((f) => f.endsWith('.jsonl')).map((f) => f.slice(0, -'.jsonl'.length))),
  );
  for (const m of methods) {
    if (!have.has(m)) {
      throw new UserError(`--methods ${m}: the run ${run} has no explanations by '${m}' (it has ${[...have].sort().join(', ')})`);
    }
  }
}

export async function surveyMake(argv: readonly string[]): Promise<number> {
  const p = parseCommand('survey make', argv, {
    run: { type: 'string' }, out: { type: 'string' }, methods: { type: 'string' }, tasks: { type: 'string' }, items: { type: 'string' },
    lang: { type: 'string' }, seed: { type: 'string' }, study: { type: 'string' }, pairs: { type: 'string' }, questionnaires: { type: 'string' },
    'max-turns': { type: 'string' }, 'idle-timeout': { type: 'string' }, references: { type: 'string' },
    'per-rater': { type: 'string' }, 'raters-per-item': { type: 'string' }, dialogues: { type: 'string' }, audience: { type: 'string' },
  }, MAKE_HELP);
  if (!p) return 0;
  const run = required('survey make', p, 'run');
  const out = required('survey make', p, 'out');
  checkOutDir('--out', out);
  checkMethods(run, list(p, 'methods'));
  const audience = str(p, 'audience') ?? 'adults';
  if (!(AUDIENCES as readonly string[]).includes(audience)) throw new UserError(`--audience ${audience}: expected children, adults or experts`);
  const dialogues = integer(p, 'dialogues', 0) ?? 1;
  if (dialogues > 1) throw new UserError(`--dialogues ${dialogues}: expected 0 or 1`);
  const budget = { perRater: integer(p, 'per-rater', 1), ratersPerItem: integer(p, 'raters-per-item', 1), dialoguesPerRater: dialogues };
  await useBackend('wasm');
  // A packet that fails half-way is removed when this command made its folder (nothing half-written).
  const made = !existsSync(out);
  const { dir, packet } = await makePacket({
    run,
    out,
    methods: list(p, 'methods'),
    tasks: list(p, 'tasks'),
    items: integer(p, 'items', 1) ?? 2,
    languages: languages(list(p, 'lang')),
    seed: integer(p, 'seed', 0) ?? 0,
    studyId: str(p, 'study'),
    pairsPerRater: integer(p, 'pairs', 0) ?? 3,
    instruments: list(p, 'questionnaires') ?? ['ESS-2018-8'],
    maxTurns: integer(p, 'max-turns', 1) ?? 12,
    idleTimeoutS: integer(p, 'idle-timeout', 1) ?? 1800,
    references: str(p, 'references'),
    audience: audience as Audience,
    ...budget,
  }).catch((e: unknown) => {
    if (made) rmSync(out, { recursive: true, force: true });
    throw e;
  });
  process.stdout.write(`packet ${packet.studyId}: ${packet.items.length} items (${packet.items.filter((i) => i.control).length} controls), ${packet.pairs.length} pairs, ${packet.dialogues.length} dialogues -> ${dir}\n`);
  const d = packet.design!;
  const most = Math.max(...d.slots.map((s) => s.items.length));
  process.stdout.write(
    `design: ${d.slots.length} rater slots of at most ${most} items, ${d.pairsPerRater} pairs and ${d.dialoguesPerRater} dialogue each ` +
      `(about ${Math.round(d.minutesPerSlot)} minutes); every item rated by ${d.ratersPerItem} raters\n`,
  );
  for (const l of packet.audience!.leftOut) process.stdout.write(`note: ${l.task} left out for ${audience}: ${l.reason} (name it in --tasks to keep it)\n`);
  for (const f of packet.audience!.familiesLeftOut) process.stdout.write(`note: ${f} explanations left out for ${audience}\n`);
  return 0;
}

export async function surveyServe(argv: readonly string[]): Promise<number> {
  const options = { packet: { type: 'string' }, db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } } as const;
  const more = { 'allow-host': { type: 'string', multiple: true }, 'max-new-raters': { type: 'string' }, 'abandon-after': { type: 'string' } } as const;
  const p = parseCommand('survey serve', argv, { ...options, ...more }, SERVE_HELP);
  if (!p) return 0;
  const port = integer(p, 'port', 0) ?? 8080;
  if (port > 65535) throw new UserError(`--port ${port}: expected 0..65535`);
  const s = await serveSurvey({
    packetDir: resolve(required('survey serve', p, 'packet')),
    db: resolve(required('survey serve', p, 'db')),
    port,
    host: str(p, 'host') ?? '127.0.0.1',
    allowHosts: many(p, 'allow-host').flatMap((v) => v.split(',')).filter(Boolean),
    maxNewRatersPerMinute: integer(p, 'max-new-raters', 1),
    abandonAfterMinutes: integer(p, 'abandon-after', 1),
  });
  process.stdout.write(`rating app: ${s.url}\nadmin token: ${s.adminToken}\nadmin page: ${s.url}admin?token=${s.adminToken}\n`);
  await new Promise<void>((done) => {
    const stop = () => void s.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

export async function surveyExport(argv: readonly string[]): Promise<number> {
  const p = parseCommand('survey export', argv, { db: { type: 'string' }, out: { type: 'string' } }, EXPORT_HELP);
  if (!p) return 0;
  const dbPath = required('survey export', p, 'db');
  const out = required('survey export', p, 'out');
  checkOutDir('--out', out);
  const db = openStudyDb(dbPath, { create: false });
  try {
    const files = exportStudy(db, out, `--db ${dbPath}`);
    process.stdout.write(`wrote ${files.join(', ')} to ${resolve(out)}\n`);
  } finally {
    db.close();
  }
  return 0;
}
