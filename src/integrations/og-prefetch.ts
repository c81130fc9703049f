/**
 * Starts drawing the Open Graph cards as early as a build allows: when `astro build` has synced the
 * content collections (astro:build:start), before it bundles. The cards are computed from Astro's own
 * data store (the entries' parsed data, as getCollection returns them) with the same functions the
 * /og/ routes use, and queued for the worker threads of og-pool.ts, which work through them while
 * Vite bundles and Astro renders the HTML pages.
 *
 * This only warms a cache: a card the routes ask for is looked up by a hash of its SVG, so if
 * anything here is off (an unreadable store, an entry the integrity check refuses) the routes draw
 * that card themselves and the build's output is the same.
 */
import { existsSync, readFileSync } from "node:fs";
import * as devalue from "devalue";
import { buildAtlas, type AtlasInput, type Entry } from "../utils/atlas";
import { allCards } from "../utils/og-card";
import { prefetchOgCards, workerCount } from "../utils/og-pool";

type StoreEntry = { id: string; filePath?: string; data: unknown };

function entries(store: Map<string, Map<string, StoreEntry>>, collection: string): Entry<never>[] {
  return [...(store.get(collection)?.values() ?? [])].map((entry) => ({
    id: entry.id,
    file: entry.filePath ?? entry.id,
    data: entry.data as never,
  }));
}

/** Queues every card the cache lacks for the workers; returns how many of how many, or why it did not. */
export function prefetchFromDataStore(file: string): { queued: number; cards: number } | string {
  if (workerCount() === 0) return "no worker threads (ATLAS_OG_WORKERS=0 or one core)";
  if (!existsSync(file)) return `no data store at ${file}`;
  try {
    const store = devalue.parse(readFileSync(file, "utf8")) as Map<string, Map<string, StoreEntry>>;
    const input = {
      modes: entries(store, "modes"),
      institutions: entries(store, "institutions"),
      caseStudies: entries(store, "caseStudies"),
      guides: entries(store, "guides"),
    } as unknown as AtlasInput;
    const cards = allCards(buildAtlas(input)).map(({ card }) => card);
    return { queued: prefetchOgCards(cards), cards: cards.length };
  } catch (error) {
    return `could not read the content from the data store (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
  }
}
