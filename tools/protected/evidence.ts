/**
 * `npx tsx tools/protected/evidence.ts --run DIR [--out FILE]`: the protected-attribute evidence of a
 * finished run (leaderboard/protected/evidence.ts), written as JSON (default DIR/protected-evidence.json)
 * and summarised on stdout. Loads every task of the run that has a protected attribute.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { useBackend } from '../../core/backend.js';
import { assertValid } from '../../core/schemas.js';
import { getTaskSpec, loadTask } from '../../datasets/index.js';
import { protectedEvidence } from '../../leaderboard/protected/evidence.js';
import { reviewerRequirements } from '../../leaderboard/protected/reviewer-requirements.js';
import { readRunFolders } from '../../runner/results-store.js';

const { values } = parseArgs({ options: { run: { type: 'string' }, out: { type: 'string' } } });
if (!values.run) {
  console.error('usage: tools/protected/evidence.ts --run DIR [--out FILE]');
  process.exit(2);
}
await useBackend('wasm');
const [folder] = readRunFolders([values.run]);
const ids = [...new Set(folder.records.map((r) => r.task))].filter((id) => getTaskSpec(id).hasProtectedAttribute);
const tasks = await Promise.all(ids.map((id) => loadTask(id)));
const ev = protectedEvidence(folder.records, tasks, folder.run.seed);
assertValid('protected-evidence', JSON.parse(JSON.stringify(ev)), 'protected evidence');
const out = values.out ?? join(values.run, 'protected-evidence.json');
writeFileSync(out, `${JSON.stringify(ev, null, 1)}\n`);
const f = (v: number) => v.toFixed(3);
const iv = (i: { estimate: number; ci: readonly [number, number] | null }) => `${f(i.estimate)} [${i.ci ? `${f(i.ci[0])}, ${f(i.ci[1])}` : '-'}]`;
for (const t of ev.tasks) {
  for (const l of t.effect.levels) {
    console.log(`${t.task}: ${t.attribute} ${t.effect.reference} -> ${l.level}: P(${t.favourableClass}) ${iv(l.probability)}, log-odds ${iv(l.logOdds)}`);
  }
}
for (const d of ev.detection) console.log(`detection ${d.explainer}: ${iv(d.score)} (${d.biased} biased, ${d.fair} fair)`);
for (const t of ev.tracking) console.log(`tracking ${t.explainer}: spearman ${t.spearman === null ? '-' : f(t.spearman)} over ${t.cells} cells`);
console.log(`${ev.groupGaps.length} group-gap entries; written to ${out}`);
for (const r of reviewerRequirements(ev)) console.log(`require (${r.rule}): ${r.text.en}`);
