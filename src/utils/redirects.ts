/**
 * Redirects that keep a renamed entry's old URL working. An entry lists its old ids under
 * `aliases`; each becomes a small page at the old address that sends the reader (and search
 * engines, through its canonical link) to the new one. The pages are kept out of the sitemap
 * and the search index.
 */
import { parseDocument } from "yaml";
import { COLLECTIONS, type CollectionKey } from "../schemas";
import type { AtlasInput } from "./atlas";

export interface AliasRedirect {
  collection: CollectionKey;
  /** The old id. */
  alias: string;
  /** The entry's current id. */
  id: string;
  /** The entry's title or name, for the redirect page. */
  title: string;
  /** Old path, e.g. "/case-studies/old-id/". */
  from: string;
  /** New path, e.g. "/case-studies/new-id/". */
  to: string;
}

function path(collection: CollectionKey, id: string): string {
  return `/${COLLECTIONS[collection].route}/${id}/`;
}

/** Every alias of every entry as a redirect, by collection then old id. */
export function aliasRedirects(input: AtlasInput): AliasRedirect[] {
  const out: AliasRedirect[] = [];
  const add = (collection: CollectionKey, entries: { id: string; data: { aliases: string[] } }[], title: (data: never) => string) => {
    for (const entry of entries) {
      for (const alias of entry.data.aliases) {
        out.push({
          collection,
          alias,
          id: entry.id,
          title: title(entry.data as never),
          from: path(collection, alias),
          to: path(collection, entry.id),
        });
      }
    }
  };
  add("modes", input.modes, (data: { title: string }) => data.title);
  add("institutions", input.institutions, (data: { name: string }) => data.name);
  add("caseStudies", input.caseStudies, (data: { title: string }) => data.title);
  add("guides", input.guides, (data: { title: string }) => data.title);
  return out.sort((a, b) => a.from.localeCompare(b.from));
}

/**
 * The old paths of raw content files, read leniently from their frontmatter. The build's config
 * uses it to keep redirect pages out of the sitemap before any content is loaded.
 */
export function aliasPathsOf(files: readonly { collection: CollectionKey; text: string }[]): Set<string> {
  const paths = new Set<string>();
  for (const file of files) {
    // The frontmatter alone, without content-check's MDX parser: this runs when the config loads.
    const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(file.text)?.[1];
    if (yaml === undefined) continue;
    const data: unknown = parseDocument(yaml).toJS();
    const aliases = data !== null && typeof data === "object" ? (data as { aliases?: unknown }).aliases : undefined;
    if (Array.isArray(aliases)) for (const alias of aliases) if (typeof alias === "string") paths.add(path(file.collection, alias));
  }
  return paths;
}
