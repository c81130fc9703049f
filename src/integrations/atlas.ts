import type { AstroIntegration } from "astro";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { COLLECTIONS, type CollectionKey } from "../schemas";
import { CONTENT_DIR } from "../content-dir";
import { cspFromHtml, headersFile } from "../security-headers";
import type { Atlas } from "../utils/atlas";
import { allCards } from "../utils/og-card";
import { prefetchOgCards, workerCount } from "../utils/og-pool";
import { SIDE_ROUTES, sideFiles } from "../utils/side-files";
import { atlasFromDataStore } from "./data-store";

/** Entry files an editor wrote (templates and drafts starting with "_" excluded), by collection. */
function entryIds(root: string, folder: string): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".mdx"))
    .map((path) => path.split(/[\\/]/).pop() ?? path)
    .filter((name) => !name.startsWith("_"))
    .map((name) => name.replace(/\.mdx$/, ""));
}

/**
 * Build-time work and guarantees that no page template can forget:
 * - the side files (Open Graph cards, per-entry feeds, compare data; src/utils/side-files.ts) are
 *   written straight into dist, their cards drawn on worker threads from the start of the build;
 *   `astro dev` serves them from injected routes instead;
 * - every content entry produced exactly one page (entries in = pages out), or the build fails;
 * - dist/_headers carries the same Content-Security-Policy as the pages' <meta> tag.
 */
export function atlasIntegration(): AstroIntegration {
  let cacheDir: URL | undefined;
  let atlas: Atlas | undefined;
  return {
    name: "engagement-atlas",
    hooks: {
      "astro:config:setup": ({ command, injectRoute }) => {
        if (command !== "dev") return;
        const entrypoint = new URL("../routes/side-file.ts", import.meta.url);
        for (const pattern of SIDE_ROUTES) injectRoute({ pattern, entrypoint });
      },
      "astro:config:done": ({ config }) => {
        cacheDir = config.cacheDir;
      },
      "astro:build:start": ({ logger }) => {
        if (cacheDir === undefined) throw new Error("astro:build:start before astro:config:done");
        atlas = atlasFromDataStore(fileURLToPath(new URL("data-store.json", cacheDir)));
        const cards = allCards(atlas).map(({ card }) => card);
        const workers = workerCount();
        const queued = prefetchOgCards(cards, workers);
        logger.info(
          workers === 0
            ? `Open Graph cards: no worker threads (ATLAS_OG_WORKERS=0 or one core); the cards are drawn after the pages`
            : `Open Graph cards: ${cards.length - queued} of ${cards.length} in the cache, drawing ${queued} on worker threads`,
        );
      },
      "astro:build:done": async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        if (atlas === undefined) throw new Error("astro:build:done without the atlas read at astro:build:start");
        const started = performance.now();
        const files = sideFiles(atlas);
        const made = new Set<string>();
        for (const file of files) {
          const target = join(dist, file.path);
          const folder = dirname(target);
          if (!made.has(folder)) mkdirSync(folder, { recursive: true });
          made.add(folder);
          writeFileSync(target, await file.body());
        }
        logger.info(
          `side files: wrote ${files.length} (Open Graph cards, feeds, compare data) in ${((performance.now() - started) / 1000).toFixed(2)}s`,
        );

        const missing: string[] = [];
        let count = 0;
        for (const key of Object.keys(COLLECTIONS) as CollectionKey[]) {
          const { folder, route } = COLLECTIONS[key];
          for (const id of entryIds(CONTENT_DIR, folder)) {
            count += 1;
            if (!existsSync(join(dist, route, id, "index.html"))) missing.push(`${CONTENT_DIR}/${folder}/${id}.mdx → /${route}/${id}/`);
          }
        }
        if (missing.length > 0) {
          throw new Error(`Entries in ≠ pages out: ${missing.length} content entries have no page:\n  - ${missing.join("\n  - ")}`);
        }
        logger.info(`entries in = pages out: ${count} content entries, each with its page`);

        const policy = cspFromHtml(readFileSync(join(dist, "index.html"), "utf8"));
        if (policy === undefined) throw new Error("No Content-Security-Policy <meta> in dist/index.html: is security.csp on?");
        writeFileSync(join(dist, "_headers"), headersFile(policy));
      },
    },
  };
}
