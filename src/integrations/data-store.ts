/**
 * The atlas as the build integration sees it: read from Astro's own data store (the entries' parsed
 * data, as getCollection returns them), which `astro build` has synced and saved before
 * astro:build:start. The integration needs it before any page renders, to start drawing the Open
 * Graph cards on worker threads, and after the pages, to write the side files (src/utils/side-files.ts)
 * with the same functions the dev routes use.
 */
import { existsSync, readFileSync } from "node:fs";
import * as devalue from "devalue";
import { buildAtlas, type Atlas, type AtlasInput, type Entry } from "../utils/atlas";

type StoreEntry = { id: string; filePath?: string; data: unknown };

function entries(store: Map<string, Map<string, StoreEntry>>, collection: string): Entry<never>[] {
  return [...(store.get(collection)?.values() ?? [])].map((entry) => ({
    id: entry.id,
    file: entry.filePath ?? entry.id,
    data: entry.data as never,
  }));
}

/**
 * Reads the synced content from the data store file and resolves it into the atlas. Throws when the
 * file is missing or unreadable (naming it), and with buildAtlas's own list of problems when the
 * content breaks an integrity rule.
 */
export function atlasFromDataStore(file: string): Atlas {
  if (!existsSync(file)) throw new Error(`No Astro data store at ${file}: the build reads the synced content from it`);
  let store: Map<string, Map<string, StoreEntry>>;
  try {
    store = devalue.parse(readFileSync(file, "utf8")) as Map<string, Map<string, StoreEntry>>;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new Error(`Could not read Astro's data store ${file}: ${reason}`, { cause: error });
  }
  const input = {
    modes: entries(store, "modes"),
    institutions: entries(store, "institutions"),
    caseStudies: entries(store, "caseStudies"),
    guides: entries(store, "guides"),
  } as unknown as AtlasInput;
  return buildAtlas(input);
}
