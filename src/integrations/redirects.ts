import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { COLLECTIONS, type CollectionKey } from "../schemas";
import { aliasPathsOf } from "../utils/redirects";

/**
 * The URL paths of the redirect pages the build will make for renamed entries (see
 * src/utils/redirects.ts), read from the content directory's frontmatter. astro.config.mjs uses it
 * to keep those pages out of the sitemap.
 */
export function aliasPaths(contentDir: string): Set<string> {
  const files: { collection: CollectionKey; text: string }[] = [];
  for (const collection of Object.keys(COLLECTIONS) as CollectionKey[]) {
    const dir = join(contentDir, COLLECTIONS[collection].folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
      const file = name.split(/[\\/]/).pop() ?? name;
      if (file.endsWith(".mdx") && !file.startsWith("_")) files.push({ collection, text: readFileSync(join(dir, name), "utf8") });
    }
  }
  return aliasPathsOf(files);
}
