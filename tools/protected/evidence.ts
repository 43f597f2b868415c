/**
 * `npx tsx tools/protected/evidence.ts --run DIR [--out FILE]`: a summary on stdout of the
 * protected-attribute evidence of a run folder, and the evidence as JSON (default
 * DIR/protected-evidence.json). The same section a finished run writes into leaderboard.json
 * (leaderboard/protected/section.ts); useful on a run that has not finished yet.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { useBackend } from '../../core/backend.js';
import { protectedSection } from '../../leaderboard/protected/section.js';
import { readRunFolders } from '../../runner/results-store.js';

const { values } = parseArgs({ options: { run: { type: 'string' }, out: { type: 'string' } } });
if (!values.run) {
  console.error('usage: tools/protected/evidence.ts --run DIR [--out FILE]');
  process.exit(2);
}
await useBackend('wasm');
const [folder] = readRunFolders([values.run]);
const ev = await protectedSection(folder.records, folder.run.seed);
if (!ev) {
  console.error(`${values.run}: no task of this run has a protected attribute`);
  process.exit(2);
}
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
for (const r of ev.requirements) console.log(`require (${r.rule}): ${r.text.en}`);
