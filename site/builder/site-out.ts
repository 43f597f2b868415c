/**
 * Where a site build goes. `--out` is replaced wholesale, so only a folder the site builder made itself
 * (its marker file says so) is ever deleted; anything else is refused. The new site is built beside it
 * and swapped in at the end, so a failed build leaves the earlier site, not half of a new one.
 */
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../core/errors.js';

/** Written into every site folder the builder makes. */
export const SITE_MARKER = '.xai-bench-site';

/**
 * A build from before the marker existed: its downloads are the builder's own files. Without this,
 * `npm start` would refuse the results/quick/site an earlier version made.
 */
function legacyBuild(out: string): boolean {
  return ['index.html', 'downloads/leaderboard.json', 'downloads/leaderboard.csv', 'downloads/catalog.json'].every((f) =>
    existsSync(join(out, f)),
  );
}

/** Refuses an `--out` that exists, is not empty and was not made by the site builder (it would be deleted). */
export function assertReplaceable(out: string): void {
  if (!existsSync(out)) return;
  if (readdirSync(out).length === 0 || existsSync(join(out, SITE_MARKER)) || legacyBuild(out)) return;
  throw new UserError(
    `--out ${out}: exists and was not made by xai-bench site (no ${SITE_MARKER} in it), so it is not replaced; choose an empty or new ` +
      `folder`,
  );
}

/** A fresh folder beside `out` for the build (same file system, so the swap is a rename). */
export function buildFolderFor(out: string): string {
  const tmp = join(dirname(out), `.${basename(out)}.building-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  return tmp;
}

/** Marks the finished build as the builder's and puts it in place of `out`. */
export function swapIn(built: string, out: string): void {
  writeFileSync(join(built, SITE_MARKER), `${JSON.stringify({ builtBy: 'xai-bench site', builtAt: new Date().toISOString() })}\n`);
  assertReplaceable(out);
  rmSync(out, { recursive: true, force: true });
  renameSync(built, out);
}
