/**
 * Lint the repository and count the problems per top-level folder and rule, so a clean-up can be
 * shared out folder by folder. Usage: npx tsx tools/lint/count-by-folder.ts [output file]
 * (prints to stdout when no file is named), then every problem as file:line rule. Uses eslint.config.js, like `npm run lint`.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ESLint } from 'eslint';

type Counts = Map<string, Map<string, number>>;

function topFolder(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.includes('/') ? rel.split('/')[0] : '(root)';
}

function countProblems(results: ESLint.LintResult[]): Counts {
  const counts: Counts = new Map();
  for (const result of results) {
    const folder = topFolder(result.filePath);
    for (const message of result.messages) {
      const rules = counts.get(folder) ?? new Map<string, number>();
      const rule = message.ruleId ?? '(parse error or directive)';
      rules.set(rule, (rules.get(rule) ?? 0) + 1);
      counts.set(folder, rules);
    }
  }
  return counts;
}

function listProblems(results: ESLint.LintResult[]): string[] {
  return results.flatMap((result) => result.messages.map((m) =>
    `${relative(process.cwd(), result.filePath)}:${m.line} ${m.ruleId ?? '(parse error or directive)'}`));
}

function formatCounts(counts: Counts, seconds: number): string {
  const lines = [`eslint . — ${new Date().toISOString()}, ${seconds.toFixed(1)} s`];
  let total = 0;
  for (const folder of [...counts.keys()].sort()) {
    const rules = counts.get(folder)!;
    const sum = [...rules.values()].reduce((a, b) => a + b, 0);
    total += sum;
    const detail = [...rules].map(([rule, n]) => `${rule} ${n}`).join(', ');
    lines.push(`${folder.padEnd(12)} ${String(sum).padStart(4)}  (${detail})`);
  }
  lines.push(`${'total'.padEnd(12)} ${String(total).padStart(4)}`);
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const started = performance.now();
  const results = await new ESLint().lintFiles(['.']);
  const seconds = (performance.now() - started) / 1000;
  const text = formatCounts(countProblems(results), seconds) + '\n' + listProblems(results).join('\n') + '\n';
  const out = process.argv[2];
  if (out) writeFileSync(out, text);
  process.stdout.write(text);
}

await main();
