/**
 * Filters a listing in place (case studies, institutions, guides). Items already carry their facet
 * values as data attributes (data-mode="a b", data-country="AT", …); this reads them once, then on every
 * change shows the items that match (OR within a facet, AND across, via src/utils/filters.ts), counts
 * what each value would show, announces the result and keeps the state in the URL with the same
 * parameters as search and the matrix. Without JavaScript the panel stays hidden and the list is complete.
 */
import {
  FACET_KEYS,
  facetCounts,
  isEmptyFilter,
  matchesFilters,
  parseFilters,
  serializeFilters,
  type Facets,
  type FilterState,
} from "../utils/filters";

/** The URL parameter a checkbox sets (its data-facet; the boxes have no name, as no form is submitted). */
const facetOf = (box: HTMLInputElement): string => box.dataset["facet"] ?? "";

/** The first [data-listing] after the filter panel in the document: the list it filters. */
function listingAfter(panel: HTMLElement): HTMLElement | undefined {
  return [...document.querySelectorAll<HTMLElement>("[data-listing]")].find(
    (list) => panel.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
}

function facetsOf(item: HTMLElement): Facets {
  const facets: Facets = { text: item.textContent ?? "" };
  for (const key of FACET_KEYS) {
    const value = item.dataset[key];
    if (value !== undefined) facets[key] = value.split(/\s+/).filter((part) => part !== "");
  }
  return facets;
}

/** Parameters that are not filters (another script's, e.g. a sort), kept as they are when the filters change. */
function otherParams(search: string): Record<string, string> {
  const own = new Set<string>(["q", ...FACET_KEYS]);
  return Object.fromEntries([...new URLSearchParams(search)].filter(([key]) => !own.has(key)));
}

function initListingFilter(panel: HTMLElement): void {
  const list = listingAfter(panel);
  if (list === undefined) return;
  const items = [...list.querySelectorAll<HTMLElement>("[data-item]")];
  const facets = items.map(facetsOf);
  const words = panel.querySelector<HTMLInputElement>("[data-listing-q]");
  const status = panel.querySelector<HTMLElement>("[data-listing-status]");
  const clear = panel.querySelector<HTMLButtonElement>("[data-listing-clear]");
  const checkboxes = [...panel.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
  const groups = [...panel.querySelectorAll<HTMLDetailsElement>("[data-facet-group]")];
  const noun = panel.dataset["noun"] ?? "item";
  const nouns = panel.dataset["nouns"] ?? "items";
  let typing = false;

  function readControls(): FilterState {
    const params = new URLSearchParams();
    params.set("q", words?.value ?? "");
    for (const box of checkboxes) if (box.checked) params.append(facetOf(box), box.value);
    return parseFilters(params);
  }

  function showControls(state: FilterState): void {
    if (words) words.value = state.q;
    for (const box of checkboxes) box.checked = (state[facetOf(box) as keyof FilterState] as readonly string[]).includes(box.value);
    for (const group of groups) if (state[group.dataset["facetGroup"] as keyof FilterState].length > 0) group.open = true;
  }

  function apply(state: FilterState): void {
    let shown = 0;
    items.forEach((item, index) => {
      const match = matchesFilters(facets[index]!, state);
      item.hidden = !match;
      if (match) shown += 1;
    });
    const counts = facetCounts(facets, state);
    for (const box of checkboxes) {
      const count = counts[facetOf(box) as keyof typeof counts]?.[box.value] ?? 0;
      const label = box.closest("label");
      const slot = label?.querySelector("[data-facet-count]");
      if (slot) slot.textContent = String(count);
      label?.classList.toggle("text-muted", count === 0 && !box.checked);
    }
    for (const group of groups) {
      const chosen = checkboxes.filter((box) => facetOf(box) === group.dataset["facetGroup"] && box.checked).length;
      const slot = group.querySelector("[data-facet-chosen]");
      if (slot) slot.textContent = chosen === 0 ? "" : ` · ${chosen} chosen`;
    }
    const empty = isEmptyFilter(state);
    if (clear) clear.hidden = empty;
    if (status) {
      status.textContent = empty
        ? `All ${items.length} ${items.length === 1 ? noun : nouns}.`
        : shown === 0
          ? `No ${nouns} match these filters. Clear a filter to see more.`
          : `${shown} of ${items.length} ${nouns} match.`;
    }
  }

  function writeUrl(state: FilterState, how: "push" | "replace"): void {
    const search = serializeFilters(state, otherParams(location.search));
    if (search === location.search.replace(/^\?/, "")) return;
    const url = `${location.pathname}${search === "" ? "" : `?${search}`}${location.hash}`;
    if (how === "push") history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }

  function update(how: "push" | "replace"): void {
    const state = readControls();
    writeUrl(state, how);
    apply(state);
  }

  panel.addEventListener("change", (event) => {
    if (event.target === words) return;
    typing = false;
    update("push");
  });
  words?.addEventListener("input", () => {
    update(typing ? "replace" : "push");
    typing = true;
  });
  clear?.addEventListener("click", () => {
    showControls(parseFilters(""));
    typing = false;
    update("push");
    words?.focus();
  });
  window.addEventListener("popstate", () => {
    const state = parseFilters(location.search);
    typing = false;
    showControls(state);
    apply(state);
  });

  const initial = parseFilters(location.search);
  showControls(initial);
  apply(initial);
}

/** Enhances every listing filter panel on the page. */
export function initListingFilters(): void {
  for (const panel of document.querySelectorAll<HTMLElement>("[data-listing-filter]")) initListingFilter(panel);
}
