/**
 * Builds the static site (site/, an Astro project) from a run folder or from the published
 * data/leaderboard/ folder. The site reads only the JSON written here and the pictures copied here: this
 * module stages them in a temporary folder (data/ for `@xai-data/*.json` imports, public/ for files
 * served as they are), so builds never write into the installed package and may run side by side.
 */
import {
  cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { UserError } from '../../core/errors.js';
import type { Leaderboard } from '../../leaderboard/types.js';
import { packageRoot } from '../../core/package-root.js';
import { assertValid } from '../../core/schemas.js';
import { LEADERBOARD_JSON, RESULTS_JSONL, RESULTS_JSONL_GZ, RUN_JSON } from '../../runner/results-store.js';
import { buildCatalog, CATALOG_JSON, type Catalog } from './catalog.js';
import { buildGallery, GALLERY_JSON, galleryImages, type Gallery } from './gallery.js';
import { kgLayouts } from './kg-layout.js';
import { leaderboardCsv } from './leaderboard-csv.js';
import { sitePerformance, type PerformanceReport } from './performance.js';
import { HISTORY_FILES, SITE_FACTS_JSON, siteFacts } from './site-facts.js';
import { assertReplaceable, buildFolderFor, swapIn } from './site-out.js';

export const HISTORY_DIR = 'history';
const CORE_DIR = fileURLToPath(new URL('../../core', import.meta.url));

export interface SiteOptions {
  /** A run folder (leaderboard.json, run.json, results.jsonl, explanations/, artifacts/) or a published data/leaderboard/ folder. */
  readonly from: string;
  /** Default `<from>/site`. */
  readonly out?: string;
  readonly quiet?: boolean;
  /** The URL path the site is served under (`/xai-bench/` for https://host/xai-bench/); default `/`. */
  readonly base?: string;
}

export interface SiteBuild {
  readonly out: string;
  readonly pages: number;
  readonly bytes: number;
}

/** One earlier publication (data/leaderboard/history/<version>-<short commit>/; older ones <version>-<date>/). */
export interface HistoryEntry {
  readonly name: string;
  readonly generatedAt: string | null;
  readonly profile: string | null;
}

/** What the site knows beyond the leaderboard and the catalog. */
export interface SiteExtra {
  readonly builtAt: string;
  /** `published`: built from a data/leaderboard/ folder with a history; `run`: from a run folder. */
  readonly source: 'run' | 'published';
  readonly run: unknown;
  readonly history: readonly HistoryEntry[];
  /** The results file offered for download (plain or gzipped, as the folder keeps it), or null. */
  readonly downloads: { readonly results: string | null };
  /** The benchmark's own speed (site/builder/performance.ts), or null when none was measured. */
  readonly performance: PerformanceReport | null;
}

const readJson = (path: string): unknown => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UserError(`${path}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
};

function readHistory(from: string): HistoryEntry[] {
  const dir = join(from, HISTORY_DIR);
  if (!existsSync(dir)) return [];
  const entries = readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, LEADERBOARD_JSON)) || existsSync(join(dir, name, `${LEADERBOARD_JSON}.gz`)))
    .map((name) => {
      const plain = join(dir, name, LEADERBOARD_JSON);
      // The history keeps older leaderboards gzipped.
      const lb = (
        existsSync(plain) ? readJson(plain) : JSON.parse(gunzipSync(readFileSync(`${plain}.gz`)).toString('utf8'))
      ) as Partial<Leaderboard>;
      const pub = join(dir, name, 'publication.json');
      const publishedAt = existsSync(pub) ? ((readJson(pub) as { publishedAt?: string }).publishedAt ?? null) : null;
      return { entry: { name, generatedAt: lb.generatedAt ?? null, profile: lb.profile ?? null }, at: publishedAt ?? lb.generatedAt ?? '' };
    });
  // Newest first: entries are named <version>-<commit>, which does not sort by time.
  return entries.sort((a, b) => b.at.localeCompare(a.at) || b.entry.name.localeCompare(a.entry.name)).map((e) => e.entry);
}

function folderStats(dir: string): { pages: number; bytes: number } {
  let pages = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const p = join(entry.parentPath, entry.name);
    bytes += statSync(p).size;
    if (entry.name.endsWith('.html')) pages++;
  }
  return { pages, bytes };
}

/** Writes the site's data and public files into `stage` (data/, public/). */
function stageSiteData(from: string, stage: string): { gallery: Gallery } {
  const lbPath = join(from, LEADERBOARD_JSON);
  if (!existsSync(lbPath))
    throw new UserError(`--from ${from}: no ${LEADERBOARD_JSON} there (run \`xai-bench run\` or \`xai-bench aggregate\` first)`);
  const leaderboard = readJson(lbPath);
  if ((leaderboard as Partial<Leaderboard> | null)?.schema !== 'xai-bench/leaderboard@1') {
    throw new UserError(`${lbPath}: not an xai-bench/leaderboard@1 file`);
  }
  // The pages read every part of it: a malformed one (tasks not a list of task boards) is one line here.
  assertValid<Leaderboard>('leaderboard', leaderboard, lbPath);
  const catalogPath = join(from, CATALOG_JSON);
  const catalog = existsSync(catalogPath) ? readJson(catalogPath) : buildCatalog();
  const galleryPath = join(from, GALLERY_JSON);
  const gallery = existsSync(galleryPath) ? (readJson(galleryPath) as Gallery) : buildGallery(from);
  const history = readHistory(from);
  const resultsFile = [RESULTS_JSONL, RESULTS_JSONL_GZ].find((f) => existsSync(join(from, f))) ?? null;
  const extra: SiteExtra = {
    builtAt: new Date().toISOString(),
    source: history.length > 0 ? 'published' : 'run',
    run: existsSync(join(from, RUN_JSON)) ? readJson(join(from, RUN_JSON)) : null,
    history,
    downloads: { results: resultsFile },
    performance: sitePerformance(from),
  };

  const data = join(stage, 'data');
  const pub = join(stage, 'public');
  mkdirSync(data, { recursive: true });
  mkdirSync(join(pub, 'downloads'), { recursive: true });
  writeFileSync(join(data, 'leaderboard.json'), JSON.stringify(leaderboard));
  writeFileSync(join(data, 'catalog.json'), JSON.stringify(catalog));
  writeFileSync(join(data, 'gallery.json'), JSON.stringify(gallery));
  writeFileSync(join(data, 'extra.json'), JSON.stringify(extra));
  // The knowledge-graph drawings are laid out here, in harness code, so the pages only draw them.
  writeFileSync(join(data, 'kg-layouts.json'), JSON.stringify(kgLayouts((catalog as Catalog).knowledgeGraphs)));
  for (const rel of galleryImages(gallery)) {
    // Gallery paths come from a file: only plain relative paths under artifacts/ are copied.
    if (!/^artifacts\/[A-Za-z0-9._/-]+\.png$/.test(rel) || rel.includes('..')) continue;
    const src = join(from, rel);
    if (!existsSync(src)) continue;
    mkdirSync(dirname(join(pub, rel)), { recursive: true });
    cpSync(src, join(pub, rel));
  }
  cpSync(lbPath, join(pub, 'downloads', 'leaderboard.json'));
  writeFileSync(join(pub, 'downloads', 'leaderboard.csv'), leaderboardCsv(leaderboard));
  writeFileSync(join(pub, 'downloads', 'catalog.json'), JSON.stringify(catalog, null, 2));
  if (resultsFile) cpSync(join(from, resultsFile), join(pub, 'downloads', resultsFile));
  const facts = siteFacts({
    from,
    history: history.map((h) => h.name),
    leaderboard: leaderboard as Leaderboard,
    builtIn: buildCatalog().metrics,
  });
  writeFileSync(join(data, SITE_FACTS_JSON), JSON.stringify(facts));
  // Each earlier version's numbers, linked from the versions page.
  for (const v of facts.versions) {
    if (!/^[A-Za-z0-9._-]+$/.test(v.name)) continue;
    mkdirSync(join(pub, 'downloads', HISTORY_DIR, v.name), { recursive: true });
    for (const f of HISTORY_FILES.filter((x) => v.files.includes(x))) cpSync(join(from, HISTORY_DIR, v.name, f), join(pub, 'downloads', HISTORY_DIR, v.name, f));
  }
  return { gallery };
}

/** The node_modules folder that holds astro (the package's own, or the one an install hoisted it to). */
function nodeModulesOfAstro(): string {
  let dir = dirname(fileURLToPath(import.meta.resolve('astro')));
  while (basename(dir) !== 'node_modules') {
    const up = dirname(dir);
    if (up === dir) throw new Error('astro is not installed in a node_modules folder');
    dir = up;
  }
  return dir;
}

/**
 * A copy of the Astro app (site/src, astro.config.mjs) in the stage: Astro writes `<root>/.astro/` (types,
 * content modules, server chunks), which must not land in the installed package (it may be read-only).
 * Its node_modules is a link to the one that holds astro, so the app and its server chunks resolve it.
 */
function stageApp(stage: string): string {
  const app = join(stage, 'app');
  const site = join(packageRoot(), 'site');
  mkdirSync(app, { recursive: true });
  cpSync(join(site, 'src'), join(app, 'src'), { recursive: true });
  cpSync(join(site, 'astro.config.mjs'), join(app, 'astro.config.mjs'));
  symlinkSync(nodeModulesOfAstro(), join(app, 'node_modules'), 'junction');
  return app;
}

/**
 * A `--base` as Astro wants it: one leading and one trailing slash, URL-safe path characters only
 * (it is written into every link of every page).
 */
export function normaliseBase(base: string | undefined): string {
  if (base === undefined || base === '' || base === '/') return '/';
  const b = `/${base.replace(/^\/+|\/+$/g, '')}/`;
  if (!/^\/[A-Za-z0-9._~/-]+\/$/.test(b) || b.includes('//') || b.split('/').some((seg) => seg === '..' || seg === '.')) {
    throw new UserError(`--base ${base}: expected a URL path such as /xai-bench/ (letters, digits, '.', '_', '~', '-' and '/')`);
  }
  return b;
}

/**
 * Astro's content layer leaves its server-side modules (content-assets.mjs, content-modules.mjs) in the
 * output of a static build: build internals, not pages, so they are removed from the site.
 */
function removeBuildInternals(dir: string): void {
  for (const f of readdirSync(dir)) if (/^content-[a-z-]+\.mjs$/.test(f)) rmSync(join(dir, f), { force: true });
}

/**
 * Astro fills `import.meta.env.BASE_URL` (and its other built-in names) from process.env when set there,
 * over its own config: a BASE_URL left in the shell (vitest sets one for its workers' children) would
 * write every link without --base. Runs `f` with those names unset, then puts them back.
 */
async function withoutReservedEnv<T>(f: () => Promise<T>): Promise<T> {
  const names = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX'];
  const saved = new Map(names.filter((n) => n in process.env).map((n) => [n, process.env[n]]));
  for (const n of saved.keys()) delete process.env[n];
  try {
    return await f();
  } finally {
    for (const [n, v] of saved) process.env[n] = v;
  }
}

export async function buildSite(o: SiteOptions): Promise<SiteBuild> {
  const base = normaliseBase(o.base);
  const from = resolve(o.from);
  if (!existsSync(from)) throw new UserError(`--from ${o.from}: no such folder`);
  const out = resolve(o.out ?? join(from, 'site'));
  const stage = mkdtempSync(join(tmpdir(), 'xai-bench-site-'));
  const built = buildFolderFor(out);
  try {
    stageSiteData(from, stage);
    assertReplaceable(out);
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    const { build } = await import('astro');
    // Astro writes its server-side chunks into `<cwd>/.astro/` when the output is outside the working
    // folder (so they resolve node_modules): work inside the staged app, so that nothing lands in the
    // user's folder or in the installed package.
    const root = stageApp(stage);
    const cwd = process.cwd();
    process.chdir(root);
    try {
      await withoutReservedEnv(() => build({
        root,
        base,
        outDir: built,
        publicDir: join(stage, 'public'),
        cacheDir: join(stage, 'cache'),
        logLevel: o.quiet ? 'error' : 'warn',
        // Vite's dependency cache defaults to <root>/node_modules/.vite: inside the installed package.
        vite: {
          cacheDir: join(stage, 'vite'),
          // '@xai-core': the few pure text helpers the pages share with the benchmark (core/korean-particles),
          // from this module's own tree (dist/core when built, core/ from source).
          resolve: { alias: { '@xai-data': join(stage, 'data'), '@xai-core': CORE_DIR } },
          logLevel: o.quiet ? 'error' : 'warn',
        },
      }));
    } finally {
      process.chdir(cwd);
    }
    removeBuildInternals(built);
    swapIn(built, out);
  } finally {
    rmSync(stage, { recursive: true, force: true });
    rmSync(built, { recursive: true, force: true });
  }
  return { out, ...folderStats(out) };
}
