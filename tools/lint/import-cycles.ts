/**
 * Import cycles among the project's TypeScript files (relative imports, type-only ones included: a
 * cycle of types still ties two files' meaning together). Tarjan's strongly connected components
 * (Tarjan 1972); a component of more than one file is a cycle. The layout rule (docs/architecture.md)
 * promises none, and import-cycles.test.ts holds the tree to it.
 *
 *   npx tsx tools/lint/import-cycles.ts     prints each cycle, exits 1 when there is one
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\1/g;

/** file -> the project files it imports (relative specifiers, `.js` read as the `.ts` source). */
export function importGraph(root: string): Map<string, string[]> {
  const files = execFileSync('git', ['ls-files', '*.ts'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const targets = [...readFileSync(join(root, f), 'utf8').matchAll(IMPORT)].map((m) => normalize(join(dirname(f), m[2])).replace(/\.js$/, '.ts'));
    graph.set(f, targets);
  }
  return graph;
}

/** The strongly connected components of more than one node, each sorted. */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = cycles(importGraph(process.cwd()));
  for (const c of found) console.log(`cycle: ${c.join(' <-> ')}`);
  console.log(`${found.length} import cycle(s)`);
  process.exitCode = found.length ? 1 : 0;
}
