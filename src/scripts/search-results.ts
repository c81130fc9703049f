/**
 * Pure helpers that turn Pagefind's answers into what the search page shows: the sub-results under
 * each result, the counts beside each facet value and the sentence that announces them.
 */
import type { PagefindCounts, PagefindSubResult } from "./pagefind";

/**
 * The sections of a page worth linking under its result: those under a heading with an id, the ones
 * with the most hits first, at most `max`, then back in page order so they read like a table of contents.
 */
export function pickSubResults(subResults: readonly PagefindSubResult[], max = 3): PagefindSubResult[] {
  const sections = subResults.filter((sub) => sub.anchor !== undefined && sub.locations.length > 0);
  const best = [...sections].sort((a, b) => b.locations.length - a.locations.length).slice(0, max);
  return sections.filter((sub) => best.includes(sub));
}

/**
 * Counts to show per facet value. For a facet with nothing chosen, the main search's counts are right
 * (results that would remain if the value were added). For a facet with values chosen, they come from a
 * search without that facet, so each count means "results if this value were also allowed" (OR).
 */
export function facetCountsFrom(
  main: PagefindCounts,
  withoutFacet: Readonly<Record<string, PagefindCounts | undefined>>,
  keys: readonly string[],
): PagefindCounts {
  const counts: PagefindCounts = {};
  for (const key of keys) counts[key] = { ...(withoutFacet[key]?.[key] ?? main[key] ?? {}) };
  return counts;
}

/** One chosen facet, as the page labels it: "Country" with ["Austria", "Belgium"]. */
export interface ChosenFacet {
  legend: string;
  labels: string[];
}

/** Joins labels the way the filter works: "Austria", "Austria or Belgium", "A, B or C". */
export function joinOr(labels: readonly string[]): string {
  if (labels.length <= 1) return labels.join("");
  return `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;
}

/** The announced result count: "4 results for “mentoring”, where Country is Austria or Belgium." */
export function describeResults(count: number, q: string, chosen: readonly ChosenFacet[]): string {
  const what = `${count} ${count === 1 ? "result" : "results"}`;
  const forQuery = q === "" ? "" : ` for “${q}”`;
  const where = chosen.length === 0 ? "" : `, where ${chosen.map((facet) => `${facet.legend} is ${joinOr(facet.labels)}`).join(" and ")}`;
  return `${what}${forQuery}${where}.`;
}
