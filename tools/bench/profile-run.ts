/**
 * `npm run bench:profile -- --profile quick --jobs 2 [--out DIR]`: runs one profile through the built
 * CLI in a child process and measures what a user waits for and what the machine must hold: wall time,
 * and peak memory of the whole process tree (the run and its worker processes), sampled from /proc every
 * 200 ms as the sum of their resident sets at one instant. The row is merged into
 * tools/bench/results/profiles.json (keyed by profile and jobs) and the table printed.
 *
 * The run folder is kept (default results/bench-<profile>-j<jobs>), so a standard run measured here can
 * be published as it is: `npm run publish -- --from results/bench-standard-j2`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../../core/errors.js';
import { getProfile, PROFILES } from '../../runner/profiles.js';
import { formatDuration } from '../../runner/progress.js';
import type { ProfilePerf } from '../../site/builder/performance.js';
import { machineFacts, type MachineFacts } from './machine.js';
import { runMain } from './run-main.js';

/** The site's profile row (site/builder/performance.ts) and the machine it was measured on. */
export interface ProfileRunRow extends ProfilePerf {
  readonly machine: Partial<MachineFacts> & Pick<MachineFacts, 'cores'>;
}

const ORDER: readonly string[] = Object.keys(PROFILES);
const RESULTS = join(import.meta.dirname, 'results', 'profiles.json');
const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js');

/** Resident set sizes (KiB) of a process and all its descendants, read from /proc. */
function treeRssKiB(root: number): number | null {
  if (!existsSync('/proc')) return null;
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? -1);
      const kib = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const pid = Number(name);
      rss.set(pid, kib);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // the process ended while being read
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

async function measureProfile(profile: string, jobs: number, out: string): Promise<ProfileRunRow> {
  if (!existsSync(CLI)) throw new Error(`${CLI}: not built (npm run build)`);
  const target = getProfile(profile).targetSeconds; // refuses an unknown profile before any work
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, 'run', '--profile', profile, '--jobs', String(jobs), '--out', out], { stdio: ['ignore', 'inherit', 'inherit'] });
  let peak: number | null = null;
  const sample = () => {
    if (child.pid === undefined) return;
    const kib = treeRssKiB(child.pid);
    if (kib !== null) peak = Math.max(peak ?? 0, kib);
  };
  const timer = setInterval(sample, 200);
  const code = await new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
  clearInterval(timer);
  const seconds = (performance.now() - t0) / 1000;
  if (code !== 0) throw new UserError(`xai-bench run --profile ${profile} --jobs ${jobs} exited with ${code}; nothing recorded`);
  const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { timings?: { cells?: number } };
  return {
    profile,
    jobs,
    seconds,
    peakMemoryMiB: peak === null ? null : Math.round(peak / 1024),
    cells: run.timings?.cells ?? null,
    targetSeconds: target,
    measuredAt: new Date().toISOString(),
    machine: machineFacts(),
  };
}

export function readProfileRows(path = RESULTS): ProfileRunRow[] {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { rows: ProfileRunRow[] }).rows : [];
}

export function profileTable(rows: readonly ProfileRunRow[]): string[] {
  return [
    '| profile | --jobs | cells | wall time | target | peak memory (MiB) | measured |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.profile} | ${r.jobs} | ${r.cells ?? '–'} | ${r.seconds < 60 ? `${r.seconds.toFixed(1)}s` : formatDuration(r.seconds)} | ${r.targetSeconds === null ? '–' : `< ${formatDuration(r.targetSeconds)}`} | ${r.peakMemoryMiB ?? '–'} | ${r.measuredAt.slice(0, 10)}, ${r.machine.cores} cores${r.machine.speedIndexNs === undefined ? '' : `, speed index ${r.machine.speedIndexNs} ns`} |`,
    ),
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { profile: { type: 'string', default: 'quick' }, jobs: { type: 'string', default: '2' }, out: { type: 'string' } }, strict: true });
  const jobs = Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UserError(`--jobs ${values.jobs}: give a positive integer`);
  const profile = values.profile!;
  const row = await measureProfile(profile, jobs, values.out ?? join('results', `bench-${profile}-j${jobs}`));
  const rows = [...readProfileRows().filter((r) => r.profile !== profile || r.jobs !== jobs), row]
    .sort((a, b) => ORDER.indexOf(a.profile) - ORDER.indexOf(b.profile) || a.jobs - b.jobs);
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(`${RESULTS}.tmp`, JSON.stringify({ rows }, null, 2) + '\n');
  renameSync(`${RESULTS}.tmp`, RESULTS);
  process.stdout.write(profileTable(rows).join('\n') + '\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runMain('bench:profile', main);
}
