/**
 * Sorting search results by name or by last review, with the sort index that scripts/index-search.mjs
 * writes next to Pagefind's files. Pagefind could sort too, but its sorts live in the `pf_meta` file
 * that every first search downloads; this index is fetched only when a visitor sorts or browses by
 * filters alone. The parsing and ordering are pure and unit-tested; loadSortRanks() does the fetch.
 */
import type { SearchSortKey } from "./search-state";

/** The sort index file (written by scripts/index-search.mjs, which documents the fields). */
export interface SortIndex {
  version: 1;
  /** Every indexed page's Pagefind id (a search result's `id`), by title A–Z. */
  ids: string[];
  /** Beside each id, its last review as YYYYMMDD, or 0 for a page without one. */
  reviewed: number[];
}

/** Where the index is served: inside Pagefind's bundle, so `npm run dev` serves the last build's. */
export const SORT_INDEX_URL = "/pagefind/sort.json";

/** Checks the file's shape, so a stale or foreign file fails loudly instead of sorting nonsense. */
export function parseSortIndex(json: unknown): SortIndex {
  const index = json as Partial<SortIndex> | null;
  if (
    typeof index !== "object" ||
    index === null ||
    index.version !== 1 ||
    !Array.isArray(index.ids) ||
    !Array.isArray(index.reviewed) ||
    index.ids.length !== index.reviewed.length ||
    !index.ids.every((id) => typeof id === "string") ||
    !index.reviewed.every((day) => Number.isInteger(day) && day >= 0)
  )
    throw new Error("The search sort index is not in the expected format (version 1: ids and reviewed of equal length).");
  return index as SortIndex;
}

/**
 * Each page's place in one order: by name, every page; by last review, newest first and pages reviewed
 * the same day by name, and only pages that have a review date (the others are left unranked).
 */
export function sortRanks(index: SortIndex, key: SearchSortKey): Map<string, number> {
  const ranks = new Map<string, number>();
  if (key === "name") {
    index.ids.forEach((id, place) => ranks.set(id, place));
    return ranks;
  }
  const reviewed = index.ids.map((_, place) => place).filter((place) => index.reviewed[place]! > 0);
  // Array.prototype.sort is stable, so equal dates keep the name order.
  reviewed.sort((a, b) => index.reviewed[b]! - index.reviewed[a]!);
  reviewed.forEach((place, rank) => ranks.set(index.ids[place]!, rank));
  return ranks;
}

/**
 * Results in rank order, then the ones without a rank (no review date) in the order given, which is
 * relevance: sorting never changes which pages are found.
 */
export function orderByRank<T extends { id: string }>(results: readonly T[], ranks: ReadonlyMap<string, number>): T[] {
  const ranked = results.filter((result) => ranks.has(result.id));
  ranked.sort((a, b) => ranks.get(a.id)! - ranks.get(b.id)!);
  return [...ranked, ...results.filter((result) => !ranks.has(result.id))];
}

let loading: Promise<SortIndex> | undefined;
const cache: Partial<Record<SearchSortKey, Map<string, number>>> = {};

/**
 * The ranks for one order, fetching the sort index once per page. `no-cache` revalidates it, so a
 * cached copy from an earlier build (whose ids no longer exist) is never used. A failed load is
 * forgotten, so the next sort retries.
 */
export async function loadSortRanks(key: SearchSortKey): Promise<Map<string, number>> {
  loading ??= fetch(SORT_INDEX_URL, { cache: "no-cache" })
    .then((response) => {
      if (!response.ok) throw new Error(`${response.status} fetching ${SORT_INDEX_URL}`);
      return response.json();
    })
    .then(parseSortIndex);
  loading.catch(() => {
    loading = undefined;
  });
  const index = await loading;
  return (cache[key] ??= sortRanks(index, key));
}
