// The site's fixed settings. `xai-bench site` (site/builder/build-site.ts) builds it programmatically and
// supplies, per build, the output folder, the public folder (artifacts, downloads) and the `@xai-data`
// alias that points at the staged JSON (leaderboard, catalog, gallery, provenance).
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  prefetch: false,
});
