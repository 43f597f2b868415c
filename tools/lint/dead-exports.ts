/**
 * Lists dead code: exports that no other file imports (tests not counted), and production files that
 * only tests import (or nothing at all). Reads every tracked .ts and .astro file with the TypeScript
 * parser (imports, `export ... from`, `import()` with a literal path); an `import * as` or an
 * `export *` counts as using every export. Entry points (package.json bin, main and scripts, the worker
 * that the pool forks) count as used. The lists are a to-do for clean-ups (issue 22): make an export
 * file-local, or delete the code if nothing uses it, keeping the public API (index.ts, the docs) and the
 * units tests exercise on purpose. Usage: npx tsx tools/lint/dead-exports.ts [output file]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';

/** Files run directly rather than imported: package.json's bin, main and scripts, and the forked worker. */
const ENTRY_POINTS = [
  'index.ts', 'cli/main.ts', 'runner/run-worker.ts', 'site/builder/publish.ts', 'leaderboard/ci/make-baselines.ts',
];

interface FileFacts {
  /** Exported name -> whether it is a type (interface or type alias) rather than a value. */
  readonly exports: Map<string, boolean>;
  /** Imported file -> the names taken from it ('*': all of them). */
  readonly imports: Map<string, Set<string>>;
}

function isTestFile(path: string): boolean {
  return path.endsWith('.test.ts') || path.startsWith('test/');
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = normalize(join(dirname(from), spec));
  const candidates = [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts'), base];
  return candidates.find((c) => existsSync(c)) ?? null;
}

function addUse(facts: FileFacts, from: string, spec: string, names: readonly string[]): void {
  const target = resolveImport(from, spec);
  if (!target) return;
  const set = facts.imports.get(target) ?? new Set<string>();
  for (const n of names) set.add(n);
  facts.imports.set(target, set);
}

function importedNames(clause: ts.ImportClause | undefined): string[] {
  if (!clause) return ['*'];
  const names = clause.name ? ['default'] : [];
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) names.push('*');
  if (bindings && ts.isNamedImports(bindings)) names.push(...bindings.elements.map((e) => (e.propertyName ?? e.name).text));
  return names;
}

function declaredExports(statement: ts.Statement): [string, boolean][] {
  const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
  if (!modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return [];
  if (modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return [['default', false]];
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [[d.name.text, false]] : []));
  }
  const isType = ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement);
  const name = (statement as { name?: ts.Identifier }).name;
  return name && ts.isIdentifier(name) ? [[name.text, isType]] : [];
}

function readExportDeclaration(facts: FileFacts, path: string, statement: ts.ExportDeclaration): void {
  const spec = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : null;
  const clause = statement.exportClause;
  if (clause && ts.isNamedExports(clause)) {
    for (const e of clause.elements) facts.exports.set(e.name.text, statement.isTypeOnly || e.isTypeOnly);
    if (spec) addUse(facts, path, spec, clause.elements.map((e) => (e.propertyName ?? e.name).text));
  } else if (spec) {
    addUse(facts, path, spec, ['*']);
  }
}

function readDynamicImports(facts: FileFacts, path: string, node: ts.Node): void {
  if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
    const [arg] = node.arguments;
    if (arg && ts.isStringLiteral(arg)) addUse(facts, path, arg.text, ['*']);
  }
  ts.forEachChild(node, (child) => readDynamicImports(facts, path, child));
}

function readFacts(path: string, text: string): FileFacts {
  const facts: FileFacts = { exports: new Map(), imports: new Map() };
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      addUse(facts, path, statement.moduleSpecifier.text, importedNames(statement.importClause));
    } else if (ts.isExportDeclaration(statement)) {
      readExportDeclaration(facts, path, statement);
    } else {
      for (const [name, isType] of declaredExports(statement)) facts.exports.set(name, isType);
    }
  }
  readDynamicImports(facts, path, source);
  return facts;
}

/** An .astro file's frontmatter and scripts, as TypeScript the parser can read for its imports. */
function astroScript(text: string): string {
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [front, ...scripts].join('\n');
}

/** One export nobody uses outside tests: whether it is a type, and whether tests import it. */
interface DeadExport {
  readonly file: string;
  readonly name: string;
  readonly isType: boolean;
  readonly testsOnly: boolean;
}

interface DeadCode {
  readonly exports: DeadExport[];
  /** Production files imported by tests only, with those tests. */
  readonly testOnlyFiles: Map<string, string[]>;
  /** Production files nothing imports (and no entry point). */
  readonly unimportedFiles: string[];
}

/** Target file -> names imported from it, by non-test files and by test files. */
function namesUsed(all: Map<string, FileFacts>, tests: boolean): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  for (const [path, facts] of all) {
    if (isTestFile(path) !== tests) continue;
    for (const [target, names] of facts.imports) {
      const set = used.get(target) ?? new Set<string>();
      for (const n of names) set.add(n);
      used.set(target, set);
    }
  }
  return used;
}

function isEntryPoint(path: string): boolean {
  return ENTRY_POINTS.includes(path) || path.endsWith('.astro') || path.endsWith('.config.ts');
}

function findDeadCode(all: Map<string, FileFacts>): DeadCode {
  const used = namesUsed(all, false);
  const usedByTests = namesUsed(all, true);
  const dead: DeadCode = { exports: [], testOnlyFiles: new Map(), unimportedFiles: [] };
  for (const [path, facts] of all) {
    if (isTestFile(path) || isEntryPoint(path)) continue;
    const names = used.get(path);
    if (!names) {
      // tools/ holds scripts run by hand: nothing needs to import them, though tests may.
      if (path.startsWith('tools/')) continue;
      const users = [...all].filter(([, f]) => f.imports.has(path)).map(([p]) => p);
      if (users.length > 0) dead.testOnlyFiles.set(path, users);
      else dead.unimportedFiles.push(path);
      continue;
    }
    if (names.has('*')) continue;
    const tested = usedByTests.get(path) ?? new Set<string>();
    for (const [name, isType] of facts.exports) {
      if (!names.has(name)) dead.exports.push({ file: path, name, isType, testsOnly: tested.has(name) || tested.has('*') });
    }
  }
  return dead;
}

function trackedSources(): Map<string, FileFacts> {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.astro'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const all = new Map<string, FileFacts>();
  for (const file of files) {
    if (file.endsWith('.d.ts') || !existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    all.set(file, readFacts(file, file.endsWith('.astro') ? astroScript(text) : text));
  }
  return all;
}

function exportSection(title: string, exports: readonly DeadExport[]): string[] {
  const byFile = new Map<string, string[]>();
  for (const e of exports) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e.name]);
  return [title, ...[...byFile].sort().map(([file, names]) => `  ${file}: ${names.join(', ')}`), ''];
}

function report(dead: DeadCode): string {
  const pick = (isType: boolean, testsOnly: boolean) => dead.exports.filter((e) => e.isType === isType && e.testsOnly === testsOnly);
  const lines = [
    ...exportSection('Values exported but imported by no other file (drop the export, or the code if unused):', pick(false, false)),
    ...exportSection('Values exported only for tests (test them through what uses them, or keep on purpose):', pick(false, true)),
    ...exportSection('Types exported but imported by no other file (drop the export unless callers need the name):', pick(true, false)),
    ...exportSection('Types exported only for tests:', pick(true, true)),
    'Production files only tests import (move them beside the tests, or delete them):',
    ...[...dead.testOnlyFiles].sort().map(([file, users]) => `  ${file}  <- ${users.join(', ')}`),
    '',
    'Production files nothing imports (and no entry point):',
    ...dead.unimportedFiles.sort().map((file) => `  ${file}`),
  ];
  return lines.join('\n') + '\n';
}

function main(): void {
  const text = report(findDeadCode(trackedSources()));
  if (process.argv[2]) writeFileSync(process.argv[2], text);
  process.stdout.write(text);
}

main();
