/**
 * The state of the search page and its URL form. It is the shared filter state of src/utils/filters.ts
 * (q, mode, country, type, audience, status: same names and comma-separated values as the matrix and the
 * listings) plus what only search has: the kind of page and the sort order. Pure, so it is unit-tested.
 */
import { FACET_KEYS, parseFilters, serializeFilters, type FacetKey, type FilterState } from "../utils/filters";
import { KINDS, type Kind } from "./search-kinds";

// Kinds live in their own module so the header's results-as-you-type can label results without the filters.
export { KINDS, KIND_LABELS, type Kind } from "./search-kinds";

/** Facets of the search page, in the order they are shown; each is a Pagefind filter key of the same name. */
export const SEARCH_FACET_KEYS = ["kind", ...FACET_KEYS] as const;
export type SearchFacetKey = (typeof SEARCH_FACET_KEYS)[number];

/** Relevance (the default, left out of URLs), most recently reviewed first, or by name A–Z. */
export const SORTS = ["relevance", "reviewed", "name"] as const;
export type SearchSort = (typeof SORTS)[number];
/** The sorts that are not Pagefind's relevance order. */
export type SearchSortKey = Exclude<SearchSort, "relevance">;

export type SearchState = FilterState & { kind: Kind[]; sort: SearchSort };

function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

/** Reads the search state from a query string; unknown values are dropped, as parseFilters does. */
export function parseSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const wanted = params.getAll("kind").flatMap((value) => value.split(",").map((part) => part.trim()));
  const sort = params.get("sort") ?? "";
  return {
    ...parseFilters(params),
    kind: KINDS.filter((kind) => wanted.includes(kind)),
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as SearchSort) : "relevance",
  };
}

/** Writes the state as a query string (without "?") in a stable order: q, kind, the shared facets, sort. */
export function serializeSearchState(state: SearchState): string {
  const parts: string[] = [];
  if (state.q !== "") parts.push(`q=${encodeURIComponent(state.q)}`);
  if (state.kind.length > 0) parts.push(`kind=${state.kind.filter(isKind).join(",")}`);
  const facets = serializeFilters({ ...state, q: "" }, { sort: state.sort === "relevance" ? undefined : state.sort });
  if (facets !== "") parts.push(facets);
  return parts.join("&");
}

/** The values chosen in one facet. */
export function selected(state: SearchState, key: SearchFacetKey): readonly string[] {
  return key === "kind" ? state.kind : state[key as FacetKey];
}

/** Facets with at least one value chosen. */
export function activeFacets(state: SearchState): SearchFacetKey[] {
  return SEARCH_FACET_KEYS.filter((key) => selected(state, key).length > 0);
}

/**
 * Pagefind filters for the state: `any` (OR) within a facet, and facets side by side, which Pagefind
 * combines with AND. `without` leaves one facet out: its counts must be taken with the other facets only,
 * or ticking Austria would count Belgium as "Austria and Belgium" (always 0) instead of "or Belgium".
 */
export function pagefindFilters(state: SearchState, without?: SearchFacetKey): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const key of activeFacets(state)) {
    if (key !== without) filters[key] = { any: [...selected(state, key)] };
  }
  return filters;
}

/**
 * The order to put results in (src/scripts/search-sort.ts), or undefined for relevance, Pagefind's own
 * order. Without a query there is no relevance, so browsing lists pages by name.
 */
export function effectiveSort(state: SearchState): SearchSortKey | undefined {
  const sort = state.sort === "relevance" && state.q === "" ? "name" : state.sort;
  return sort === "relevance" ? undefined : sort;
}

/** True when there is neither a query nor a chosen facet value. */
export function isBlankSearch(state: SearchState): boolean {
  return state.q === "" && activeFacets(state).length === 0;
}
