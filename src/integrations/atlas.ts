import type { AstroIntegration } from "astro";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { COLLECTIONS, type CollectionKey } from "../schemas";
import { CONTENT_DIR } from "../content-dir";
import { cspFromHtml, headersFile } from "../security-headers";
import { prefetchFromDataStore } from "./og-prefetch";

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
 * Build-time guarantees that no page template can forget:
 * - every content entry produced exactly one page (entries in = pages out), or the build fails;
 * - dist/_headers carries the same Content-Security-Policy as the pages' <meta> tag.
 * It also starts drawing the Open Graph cards on worker threads as soon as the content is synced.
 */
export function atlasIntegration(): AstroIntegration {
  let cacheDir: URL | undefined;
  return {
    name: "engagement-atlas",
    hooks: {
      "astro:config:done": ({ config }) => {
        cacheDir = config.cacheDir;
      },
      "astro:build:start": ({ logger }) => {
        if (cacheDir === undefined) return;
        const queued = prefetchFromDataStore(fileURLToPath(new URL("data-store.json", cacheDir)));
        logger.info(
          typeof queued === "string"
            ? `Open Graph cards: ${queued}`
            : `Open Graph cards: ${queued.cards - queued.queued} of ${queued.cards} in the cache, drawing ${queued.queued} on worker threads`,
        );
      },
      "astro:build:done": ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
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
