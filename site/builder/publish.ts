/**
 * `npm run publish`: the published leaderboard. Runs the standard profile into a temporary folder (or
 * takes an existing run with --from), copies what the site needs into data/leaderboard/ (leaderboard.json,
 * catalog.json, run.json, summary.md, results.jsonl.gz, gallery.json and the gallery's pictures, and
 * performance.json: the benchmark's own speed from tools/bench/results), keeps
 * a copy of the numbers in a new data/leaderboard/history/<version>-<short commit>/ (never replacing an
 * earlier entry), and builds the site from data/leaderboard/ into data/leaderboard/site (not committed:
 * `xai-bench site --from leaderboard` rebuilds it). It refuses a dirty git tree: the commit it records
 * (publication.json) must be the code that published.
 *
 *   node dist/site/builder/publish.js [--from RUN_DIR] [--to DIR] [--profile standard] [--no-site]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { UserError, isUserError } from '../../core/errors.js';
import type { Leaderboard } from '../../leaderboard/types.js';
import { packageRoot } from '../../core/package-root.js';
import { LEADERBOARD_JSON, RESULTS_JSONL, RESULTS_JSONL_GZ, RUN_JSON, SUMMARY_MD } from '../../runner/results-store.js';
import { buildSite, HISTORY_DIR } from './build-site.js';
import { cleanCommit, newHistoryEntry } from './publish-git.js';
import { CATALOG_JSON, writeCatalog } from './catalog.js';
import { buildGallery, GALLERY_JSON, galleryImages } from './gallery.js';
import { benchPerformance, PERFORMANCE_JSON } from './performance.js';

/**
 * Files of the current version; the history keeps the numbers and their provenance (not pictures).
 * The folder is committed, so the bulky files are gzipped: the per-input results (about 20 MB plain for
 * the standard profile) always, and the history's leaderboards.
 */
const CURRENT = [LEADERBOARD_JSON, CATALOG_JSON, RUN_JSON, SUMMARY_MD] as const;
const HISTORY = [CATALOG_JSON, RUN_JSON, SUMMARY_MD] as const;
const GZIPPED_HISTORY = [LEADERBOARD_JSON] as const;

function gzipInto(src: string, dest: string): void {
  writeFileSync(dest, gzipSync(readFileSync(src), { level: 9 }));
}

export interface PublishOptions {
  /** A finished run folder; when absent the profile is run into a temporary folder. */
  readonly from?: string;
  readonly to?: string;
  readonly profile?: string;
  readonly site?: boolean;
  /** The git checkout whose commit is recorded and must be clean (default: this package's). */
  readonly repo?: string;
}

export const PUBLICATION_JSON = 'publication.json';

function runProfile(profile: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'xai-bench-publish-')), profile);
  const bin = join(packageRoot(), 'dist', 'cli', 'main.js');
  const r = spawnSync(process.execPath, [bin, 'run', '--profile', profile, '--out', dir], { stdio: 'inherit' });
  if (r.status !== 0) throw new UserError(`publish: the ${profile} run failed (exit ${r.status}); nothing was published`);
  return dir;
}

export async function publish(o: PublishOptions = {}): Promise<{ to: string; version: string }> {
  const to = resolve(o.to ?? join(packageRoot(), 'data', 'leaderboard'));
  // A --from the user typed wrong is named first; then the tree is checked before an hour-long run, and
  // nothing is written when either fails.
  if (o.from !== undefined && !existsSync(join(resolve(o.from), LEADERBOARD_JSON))) {
    throw new UserError(`--from ${resolve(o.from)}: no ${LEADERBOARD_JSON} (not a finished run folder)`);
  }
  const commit = cleanCommit(resolve(o.repo ?? packageRoot()), [to]);
  const from = resolve(o.from ?? runProfile(o.profile ?? 'standard'));
  const lbPath = join(from, LEADERBOARD_JSON);
  if (!existsSync(lbPath)) throw new UserError(`--from ${from}: no ${LEADERBOARD_JSON} (not a finished run folder)`);
  const lb = JSON.parse(readFileSync(lbPath, 'utf8')) as Leaderboard;
  const runStatus = existsSync(join(from, RUN_JSON))
    ? (JSON.parse(readFileSync(join(from, RUN_JSON), 'utf8')) as { status?: string }).status
    : null;
  if (runStatus !== 'complete')
    throw new UserError(`--from ${from}: the run is not complete (status ${runStatus ?? 'unknown'}); finish it with --resume first`);
  if (!existsSync(join(from, CATALOG_JSON))) writeCatalog(from);

  const version = (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  const date = lb.generatedAt.slice(0, 10);
  // Replace the current version; the history and anything else in the folder stay.
  mkdirSync(to, { recursive: true });
  for (const f of [...CURRENT, RESULTS_JSONL, RESULTS_JSONL_GZ, GALLERY_JSON, PERFORMANCE_JSON, PUBLICATION_JSON, 'artifacts', 'site'])
    rmSync(join(to, f), { recursive: true, force: true });
  for (const f of CURRENT) if (existsSync(join(from, f))) cpSync(join(from, f), join(to, f));
  gzipInto(join(from, RESULTS_JSONL), join(to, RESULTS_JSONL_GZ));
  const gallery = buildGallery(from);
  writeFileSync(join(to, GALLERY_JSON), `${JSON.stringify(gallery, null, 2)}\n`);
  for (const rel of galleryImages(gallery)) {
    mkdirSync(dirname(join(to, rel)), { recursive: true });
    cpSync(join(from, rel), join(to, rel));
  }
  const { name, dir: hist } = newHistoryEntry(join(to, HISTORY_DIR), version, commit);
  const run = JSON.parse(readFileSync(join(from, RUN_JSON), 'utf8')) as { id: string; commit: string | null };
  const publication = { version, commit, entry: name, publishedAt: new Date().toISOString(), run: run.id, runCommit: run.commit };
  for (const dir of [to, hist]) writeFileSync(join(dir, PUBLICATION_JSON), `${JSON.stringify(publication, null, 2)}\n`);
  for (const f of HISTORY) if (existsSync(join(from, f))) cpSync(join(from, f), join(hist, f));
  for (const f of GZIPPED_HISTORY) gzipInto(join(from, f), join(hist, `${f}.gz`));
  // The benchmark's own speed as measured for this version (bench:perf, bench:profile), when it was.
  const perf = benchPerformance();
  if (perf) for (const dir of [to, hist]) writeFileSync(join(dir, PERFORMANCE_JSON), `${JSON.stringify(perf, null, 2)}\n`);
  process.stderr.write(
    `published ${lb.profile ?? lb.profiles.join('+')} leaderboard ${version} (${date}, commit ${commit.slice(0, 12)}) to ${to}, history ` +
      `entry ${name}\n`,
  );
  if (o.site !== false) {
    const site = await buildSite({ from: to });
    process.stdout.write(`published site: ${site.out} (${site.pages} pages, ${(site.bytes / 1024 / 1024).toFixed(1)} MB)\n`);
  }
  return { to, version: name };
}

async function main(): Promise<number> {
  // npm runs a "publish" script after `npm publish` too: that must not start an hour-long run.
  if (process.env.npm_command === 'publish') {
    process.stderr.write('publish: skipped under `npm publish` (run `npm run publish` to publish the leaderboard)\n');
    return 0;
  }
  let values;
  try {
    ({ values } = parseArgs({
      options: { from: { type: 'string' }, to: { type: 'string' }, profile: { type: 'string' }, 'no-site': { type: 'boolean' } },
      strict: true,
    }));
  } catch (e) {
    throw new UserError((e as Error).message.split('\n')[0]);
  }
  await publish({ from: values.from, to: values.to, profile: values.profile, site: values['no-site'] !== true });
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(packageRoot(), 'dist', 'site', 'builder', 'publish.js')) {
  main().then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(
        isUserError(e) ? `publish: error: ${(e as Error).message}\n` : `publish: internal error: ${(e as Error)?.stack}\n`,
      );
      process.exitCode = isUserError(e) ? 2 : 70;
    },
  );
}
