/**
 * Filter state shared by the matrix, the listings and search, and its URL form. Every page uses
 * the same parameter names (mode, country, type, audience, status, q), so a filtered view can link
 * to another and be shared. Values are comma-separated ids: `?mode=industrial-phd,joint-research&country=AT`.
 * Within one group values combine with OR; groups combine with AND.
 */
import { AUDIENCES, INSTITUTION_TYPES, MODE_IDS, STATUSES } from "../schemas/vocabularies";
import { COUNTRY_CODES } from "../schemas/countries";

export const FACET_KEYS = ["mode", "country", "type", "audience", "status"] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

export type FilterState = { q: string } & Record<FacetKey, string[]>;

/** The values each facet accepts; anything else in a URL is ignored. */
export const FACET_VALUES: Record<FacetKey, readonly string[]> = {
  mode: MODE_IDS,
  country: COUNTRY_CODES,
  type: INSTITUTION_TYPES,
  audience: AUDIENCES,
  status: STATUSES,
};

export function emptyFilters(): FilterState {
  return { q: "", mode: [], country: [], type: [], audience: [], status: [] };
}

/** Reads filters from a query string; repeated and comma-separated values both work; unknown values are dropped. */
export function parseFilters(search: string | URLSearchParams): FilterState {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const state = emptyFilters();
  state.q = (params.get("q") ?? "").trim();
  for (const key of FACET_KEYS) {
    const allowed = FACET_VALUES[key];
    const values = params
      .getAll(key)
      .flatMap((value) => value.split(","))
      .map((value) => value.trim())
      .filter((value) => value !== "");
    // Keep the vocabulary's order so equal states give equal URLs.
    state[key] = allowed.filter((value) => values.includes(value));
  }
  return state;
}

/** Writes filters as a query string (without "?"), in a stable order; empty groups are left out. */
export function serializeFilters(state: FilterState, extra: Record<string, string | undefined> = {}): string {
  const parts: string[] = [];
  if (state.q !== "") parts.push(`q=${encodeURIComponent(state.q)}`);
  for (const key of FACET_KEYS) {
    if (state[key].length > 0) parts.push(`${key}=${state[key].map(encodeURIComponent).join(",")}`);
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined && value !== "") parts.push(`${key}=${encodeURIComponent(value)}`);
  }
  return parts.join("&");
}

/** What an item offers for filtering: its values per facet and the text the q filter looks in. */
export type Facets = Partial<Record<FacetKey, readonly string[]>> & { text?: string };

function matchesGroup(item: Facets, state: FilterState, key: FacetKey): boolean {
  const wanted = state[key];
  if (wanted.length === 0) return true;
  const values = item[key] ?? [];
  return wanted.some((value) => values.includes(value));
}

function matchesText(item: Facets, q: string): boolean {
  if (q === "") return true;
  const text = (item.text ?? "").toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .every((word) => text.includes(word));
}

/** True when the item passes every group (OR within a group, AND across groups) and the text filter. */
export function matchesFilters(item: Facets, state: FilterState): boolean {
  return matchesText(item, state.q) && FACET_KEYS.every((key) => matchesGroup(item, state, key));
}

/**
 * How many items each facet value would show: for a value of group G, the items that pass every
 * other group and carry that value (the usual faceted-search count, so ticking a value in G never
 * makes G's other counts drop to zero).
 */
export function facetCounts(items: readonly Facets[], state: FilterState): Record<FacetKey, Record<string, number>> {
  const counts = Object.fromEntries(FACET_KEYS.map((key) => [key, {} as Record<string, number>])) as Record<
    FacetKey,
    Record<string, number>
  >;
  for (const item of items) {
    if (!matchesText(item, state.q)) continue;
    for (const key of FACET_KEYS) {
      const passesOthers = FACET_KEYS.every((other) => other === key || matchesGroup(item, state, other));
      if (!passesOthers) continue;
      for (const value of item[key] ?? []) counts[key][value] = (counts[key][value] ?? 0) + 1;
    }
  }
  return counts;
}

/** True when no filter is set. */
export function isEmptyFilter(state: FilterState): boolean {
  return state.q === "" && FACET_KEYS.every((key) => state[key].length === 0);
}
