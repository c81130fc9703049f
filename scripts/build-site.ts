/**
 * `tsx scripts/build-site.ts <content-dir> <out-dir>` — builds the site from another content folder
 * into another output folder, with a content cache of its own inside it, then indexes it for search
 * (scripts/index-search.mjs): what `npm run build` does for content/ → dist/, without touching either. The
 * editor-scenario test uses it to build a throwaway copy of the fixtures.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const [contentDir, outDir] = process.argv.slice(2);
if (contentDir === undefined || outDir === undefined) {
  console.error("Usage: tsx scripts/build-site.ts <content-dir> <out-dir>");
  process.exit(1);
}
const root = fileURLToPath(new URL("..", import.meta.url));
// Read by src/content-dir.ts when the config loads, which build() does after this line.
process.env["ATLAS_CONTENT_DIR"] = resolve(contentDir);
const { build } = await import("astro");
await build({ root, outDir: resolve(outDir), cacheDir: resolve(outDir, "..", ".astro-cache"), logLevel: "warn" });
// The search index as `npm run build` makes it (Pagefind, then the sort index), in a child process on the same Node.
const search = spawnSync(process.execPath, [resolve(root, "scripts/index-search.mjs"), resolve(outDir)], {
  stdio: ["ignore", "ignore", "inherit"],
});
process.exit(search.status ?? 1);
