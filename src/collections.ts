/**
 * The only module that calls astro:content. It loads the four collections once, checks them
 * with the same integrity rules as `npm run check:content`, and hands pages a resolved Atlas.
 * A content mistake throws here, which fails the build with every problem listed.
 */
import { getCollection, render, type CollectionEntry } from "astro:content";
import { buildAtlas, type Atlas, type Entry } from "./utils/atlas";

type Key = "modes" | "institutions" | "caseStudies" | "guides";

function toEntry<T>(entry: { id: string; filePath?: string | undefined; data: T }): Entry<T> {
  return { id: entry.id, file: entry.filePath ?? entry.id, data: entry.data };
}

let atlasPromise: Promise<{ atlas: Atlas; raw: Map<string, CollectionEntry<Key>> }> | undefined;

async function load() {
  const [modes, institutions, caseStudies, guides] = await Promise.all([
    getCollection("modes"),
    getCollection("institutions"),
    getCollection("caseStudies"),
    getCollection("guides"),
  ]);
  const atlas = buildAtlas({
    modes: modes.map(toEntry),
    institutions: institutions.map(toEntry),
    caseStudies: caseStudies.map(toEntry),
    guides: guides.map(toEntry),
  });
  const raw = new Map<string, CollectionEntry<Key>>();
  for (const entry of [...modes, ...institutions, ...caseStudies, ...guides]) raw.set(`${entry.collection}/${entry.id}`, entry);
  return { atlas, raw };
}

/** The resolved, cross-linked content of the whole site (loaded and checked once per build). */
export async function getAtlas(): Promise<Atlas> {
  atlasPromise ??= load();
  return (await atlasPromise).atlas;
}

/** Renders an entry's MDX body; returns the component to place in a page and its headings. */
export async function renderEntry(collection: Key, id: string) {
  atlasPromise ??= load();
  const entry = (await atlasPromise).raw.get(`${collection}/${id}`);
  if (entry === undefined) throw new Error(`No ${collection} entry "${id}" to render`);
  return render(entry);
}
