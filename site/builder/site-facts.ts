/**
 * The site's facts beyond the leaderboard (staged as data/site-facts.json; site/builder/build-site.ts):
 * the built-in metrics this run did not compute (their pages say so, with the definition, so every link
 * of a method card resolves), the published versions with what changed between them, what `ci` can
 * detect against each committed baseline, and the package's licence, version and repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Leaderboard } from '../../leaderboard/types.js';
import { packageRoot } from '../../core/package-root.js';
import type { CatalogMetric } from './catalog.js';
import { ciFacts, type CiFacts } from './ci-facts.js';
import { historyLeaderboard, versionChanges, type VersionChanges } from './versions.js';

export const SITE_FACTS_JSON = 'site-facts.json';
const WORKFLOW = join(packageRoot(), 'scale', 'github-actions-ci.yml');

export interface VersionEntry {
  readonly name: string;
  readonly publishedAt: string | null;
  readonly generatedAt: string | null;
  readonly profile: string | null;
  /** The git commit the version was published from (publication.json), or null for older entries. */
  readonly commit: string | null;
  /** True for the entry the site's leaderboard is (publication.json of the published folder names it). */
  readonly current: boolean;
  /** Files of the entry offered for download (copied to downloads/history/<name>/). */
  readonly files: readonly string[];
  readonly changes: VersionChanges | null;
}

export interface SiteFacts {
  readonly notRunMetrics: readonly CatalogMetric[];
  readonly versions: readonly VersionEntry[];
  readonly ci: CiFacts;
  /** The GitHub Actions recipe (scale/github-actions-ci.yml) in a checkout; null in an installed package (not shipped). */
  readonly workflow: string | null;
  readonly about: {
    readonly name: string;
    readonly version: string;
    readonly license: string | null;
    /** package.json's repository URL, or null when the package does not name one. */
    readonly repository: string | null;
    /** The copyright line of LICENSE (year and holder), the authors a citation names. */
    readonly copyright: { readonly year: string; readonly holder: string } | null;
  };
}

/** Files of a history entry offered for download. */
export const HISTORY_FILES = ['leaderboard.json.gz', 'leaderboard.json', 'summary.md', 'run.json', 'publication.json'] as const;

const readJsonOr = <T>(path: string, fallback: T): T => (existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : fallback);

/** The history entries (names as build-site.ts's readHistory orders them: newest first) with their changes. */
export function versionEntries(from: string, names: readonly string[]): VersionEntry[] {
  const currentEntry = readJsonOr<{ entry?: string }>(join(from, 'publication.json'), {}).entry ?? null;
  const lbs = names.map((n) => historyLeaderboard(join(from, 'history', n)));
  return names.map((name, i) => {
    const dir = join(from, 'history', name);
    const pub = readJsonOr<{ publishedAt?: string; commit?: string }>(join(dir, 'publication.json'), {});
    const older = i + 1 < names.length ? lbs[i + 1] : null;
    const lb = lbs[i];
    return {
      name,
      publishedAt: pub.publishedAt ?? null,
      generatedAt: lb?.generatedAt ?? null,
      profile: lb?.profile ?? null,
      commit: pub.commit ?? null,
      current: name === currentEntry,
      files: HISTORY_FILES.filter((f) => existsSync(join(dir, f))),
      changes: lb && older ? versionChanges(names[i + 1], older, lb) : null,
    };
  });
}

function copyrightOf(): { year: string; holder: string } | null {
  const path = join(packageRoot(), 'LICENSE');
  const m = existsSync(path) ? /Copyright \(c\) (\d{4}) (.+)/i.exec(readFileSync(path, 'utf8')) : null;
  return m ? { year: m[1], holder: m[2].trim() } : null;
}

function repositoryOf(pkg: { repository?: string | { url?: string }; homepage?: string }): string | null {
  const r = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const url = (r ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
  return /^https?:\/\//.test(url) ? url : null;
}

export interface SiteFactsInput {
  readonly from: string;
  /** History entry names, newest first. */
  readonly history: readonly string[];
  readonly leaderboard: Leaderboard;
  /** The built-in metrics (the package's catalog). */
  readonly builtIn: readonly CatalogMetric[];
}

export function siteFacts(o: SiteFactsInput): SiteFacts {
  const computed = new Set(o.leaderboard.tasks.flatMap((t) => t.metrics.map((m) => m.metric)));
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
    name: string; version: string; license?: string; repository?: string | { url?: string }; homepage?: string;
  };
  return {
    notRunMetrics: o.builtIn.filter((m) => !computed.has(m.id)),
    versions: versionEntries(o.from, o.history),
    ci: ciFacts(),
    workflow: existsSync(WORKFLOW) ? readFileSync(WORKFLOW, 'utf8') : null,
    about: { name: pkg.name, version: pkg.version, license: pkg.license ?? null, repository: repositoryOf(pkg), copyright: copyrightOf() },
  };
}
