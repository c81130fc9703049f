/**
 * The /search/ page on the Pagefind JS API: a query box that searches on every keystroke (stale answers
 * are dropped, nothing is debounced), facets with counts (OR within a facet, AND across), sorting,
 * highlighted excerpts with sub-results per heading, and the whole state in the URL so a search can be
 * shared and Back/Forward step through it. Only the first page of results fetches its result data.
 */
import {
  eachResultData,
  loadPagefind,
  type Pagefind,
  type PagefindCounts,
  type PagefindResult,
  type PagefindResultData,
  type PagefindSearch,
} from "./pagefind";
import { describeResults, facetCountsFrom, pickSubResults, type ChosenFacet } from "./search-results";
import { loadSortRanks, orderByRank } from "./search-sort";
import {
  activeFacets,
  effectiveSort,
  isBlankSearch,
  KIND_LABELS,
  pagefindFilters,
  parseSearchState,
  SEARCH_FACET_KEYS,
  selected,
  serializeSearchState,
  type Kind,
  type SearchFacetKey,
  type SearchSort,
  type SearchState,
} from "./search-state";
import { renderExcerpt } from "./search-render";

/** The URL parameter a checkbox sets (its data-facet; the boxes have no name, as no form is submitted). */
const facetOf = (box: HTMLInputElement): string => box.dataset["facet"] ?? "";

/** Results shown at first: few enough that a first search stays within its download budget (each needs its fragment). */
const FIRST_PAGE = 5;
/** Results added by "Show more results". */
const MORE_PAGE = 10;
const reviewedFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

function query<T extends Element>(selector: string): T {
  const element = document.querySelector<T>(selector);
  if (element === null) throw new Error(`search page: no ${selector}`);
  return element;
}

/** Wires the search page; does nothing on a page without it. */
export async function initSearchPage(): Promise<void> {
  if (document.querySelector("[data-search-ui]") === null) return;
  const form = query<HTMLFormElement>("[data-search-form]");
  const input = query<HTMLInputElement>("[data-search-primary]");
  const facetsPanel = query<HTMLElement>("[data-search-facets]");
  const clear = query<HTMLButtonElement>("[data-search-clear]");
  const sortSelect = query<HTMLSelectElement>("[data-search-sort]");
  const status = query<HTMLElement>("[data-search-status]");
  const list = query<HTMLOListElement>("[data-search-results]");
  const more = query<HTMLButtonElement>("[data-search-more]");
  const checkboxes = [...facetsPanel.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
  const filters = query<HTMLDetailsElement>("[data-search-filters]");
  const chosenSlot = query<HTMLElement>("[data-search-chosen]");

  let state = parseSearchState(location.search);
  /** The search whose answer may still be shown; older answers are dropped when they arrive. */
  let generation = 0;
  /** True while the last URL change came from typing, so a run of keystrokes makes one history entry. */
  let typing = false;
  let results: PagefindResult[] = [];
  let shown = 0;

  function showState(): void {
    input.value = state.q;
    sortSelect.value = state.sort;
    for (const box of checkboxes) box.checked = selected(state, facetOf(box) as SearchFacetKey).includes(box.value);
    // Filters folded away unless some are set (from a shared link, or Back), so they can be seen and changed.
    if (activeFacets(state).length > 0) filters.open = true;
  }

  function readState(): SearchState {
    const next: SearchState = { ...state, q: input.value.trim(), sort: sortSelect.value as SearchSort, kind: [] };
    for (const key of SEARCH_FACET_KEYS) {
      const values = checkboxes.filter((box) => facetOf(box) === key && box.checked).map((box) => box.value);
      if (key === "kind") next.kind = values as Kind[];
      else next[key] = values;
    }
    // Through the URL form and back, so the order of values is the vocabulary's, as on a shared link.
    return parseSearchState(serializeSearchState(next));
  }

  function writeUrl(how: "push" | "replace"): void {
    const search = serializeSearchState(state);
    if (search === location.search.replace(/^\?/, "")) return;
    const url = `${location.pathname}${search === "" ? "" : `?${search}`}`;
    if (how === "push") history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }

  function chosenFacets(): ChosenFacet[] {
    return activeFacets(state).map((key) => {
      const group = facetsPanel.querySelector(`[data-facet-group="${key}"]`);
      const legend = group?.querySelector("legend")?.textContent?.trim() ?? key;
      const labels = checkboxes
        .filter((box) => facetOf(box) === key && box.checked)
        .map((box) => box.closest("label")?.querySelector("[data-facet-label]")?.textContent?.trim() ?? box.value);
      return { legend, labels };
    });
  }

  function showCounts(counts: Record<string, Record<string, number>>): void {
    for (const box of checkboxes) {
      const count = counts[facetOf(box)]?.[box.value] ?? 0;
      const label = box.closest("label");
      const slot = label?.querySelector<HTMLElement>("[data-facet-count]");
      if (slot) slot.textContent = String(count);
      label?.classList.toggle("text-muted", count === 0 && !box.checked);
    }
  }

  /** How many values are ticked, beside "Filters", and the button that clears them. */
  function showChosen(): void {
    const chosen = checkboxes.filter((box) => box.checked).length;
    chosenSlot.textContent = chosen === 0 ? "" : ` · ${chosen} chosen`;
    clear.hidden = chosen === 0;
  }

  function renderResult(item: PagefindResultData): HTMLLIElement {
    const li = document.createElement("li");
    li.className = "border-b border-line pb-5";
    const kind = item.meta["kind"] as Kind | undefined;
    const about = document.createElement("p");
    about.className = "text-sm text-muted";
    const reviewed = item.meta["reviewed"];
    about.textContent = [kind ? KIND_LABELS[kind] : "Page", reviewed ? `reviewed ${reviewedFormat.format(new Date(reviewed))}` : ""]
      .filter((part) => part !== "")
      .join(" · ");
    const heading = document.createElement("h3");
    heading.className = "text-lg font-semibold";
    const link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.meta["title"] ?? item.url;
    heading.append(link);
    li.append(about, heading, renderExcerpt(item.excerpt, "mt-1"));
    const sections = pickSubResults(item.sub_results);
    if (sections.length > 0) {
      const sub = document.createElement("ul");
      sub.className = "mt-2 space-y-2 border-l-2 border-line pl-4";
      sub.setAttribute("aria-label", `Sections of ${link.textContent}`);
      for (const section of sections) {
        const entry = document.createElement("li");
        const sectionLink = document.createElement("a");
        sectionLink.href = section.url;
        sectionLink.className = "font-semibold";
        sectionLink.textContent = section.title;
        entry.append(sectionLink, renderExcerpt(section.excerpt, "text-sm"));
        sub.append(entry);
      }
      li.append(sub);
    }
    return li;
  }

  async function showMore(first: boolean): Promise<void> {
    const current = generation;
    // Each result is shown as soon as it (and those above it) arrived; the first replaces the last search's.
    const added = await eachResultData(results, shown, first ? FIRST_PAGE : MORE_PAGE, (item, index) => {
      if (current !== generation) return false;
      if (first && index === 0) list.replaceChildren(renderResult(item));
      else list.append(renderResult(item));
      return true;
    });
    if (current !== generation) return;
    if (first && added === 0) list.replaceChildren();
    shown += added;
    more.hidden = shown >= results.length;
  }

  /** Set once Pagefind has the whole filter index, after which every search also returns counts per value. */
  let filtersLoaded = false;
  let filtersLoading: Promise<void> | undefined;
  function loadFilters(pagefind: Pagefind): Promise<void> {
    if (filtersLoading === undefined) {
      filtersLoading = pagefind.filters().then(() => {
        filtersLoaded = true;
      });
      filtersLoading.catch(() => {
        filtersLoading = undefined;
      });
    }
    return filtersLoading;
  }

  /**
   * Counts per facet value for the current state: the main search's, and for each chosen facet those of a
   * search without it (facetCountsFrom). Only meaningful once the filter index is loaded.
   */
  async function facetCounts(pagefind: Pagefind, main: Promise<PagefindSearch>): Promise<PagefindCounts> {
    const term = state.q === "" ? null : state.q;
    const active = activeFacets(state);
    const [first, ...others] = await Promise.all([
      main,
      ...active.map((key) => pagefind.search(term, { filters: pagefindFilters(state, key) })),
    ]);
    const withoutFacet: Record<string, PagefindCounts> = {};
    active.forEach((key, index) => {
      const search = others[index];
      if (search) withoutFacet[key] = search.filters;
    });
    return facetCountsFrom(first!.filters, withoutFacet, SEARCH_FACET_KEYS);
  }

  /** A first search's counts, once the filter index has loaded (unless another search has started meanwhile). */
  async function countLater(current: number, pagefind: Pagefind): Promise<void> {
    try {
      await loadFilters(pagefind);
      if (current !== generation) return;
      const counts = await facetCounts(pagefind, pagefind.search(state.q === "" ? null : state.q, { filters: pagefindFilters(state) }));
      if (current !== generation) return;
      showCounts(counts);
    } catch {
      // The counts stay blank; the next search loads the filter index again.
    }
    if (current === generation) facetsPanel.removeAttribute("aria-busy");
  }

  async function run(): Promise<void> {
    const current = ++generation;
    list.setAttribute("aria-busy", "true");
    facetsPanel.setAttribute("aria-busy", "true");
    try {
      await search(current);
    } catch {
      if (current !== generation) return;
      status.textContent = "Search is unavailable: the search index is missing. Run `npm run build` once to build it.";
      list.replaceChildren();
      more.hidden = true;
      list.removeAttribute("aria-busy");
      facetsPanel.removeAttribute("aria-busy");
    }
  }

  async function search(current: number): Promise<void> {
    const pagefind = await loadPagefind();
    // Keystrokes made while the index loaded: only the last one needs searching.
    if (current !== generation) return;
    const term = state.q === "" ? null : state.q;
    const blank = isBlankSearch(state);
    const sort = blank ? undefined : effectiveSort(state);
    // The sort index loads alongside the search, and only when results are to be sorted.
    const ranks = sort === undefined ? undefined : loadSortRanks(sort).catch(() => null);
    const mainSearch = pagefind.search(term, { filters: pagefindFilters(state) });
    // Counts need the filter index (the biggest download of a first search); results do not, so on a first
    // search they are shown without waiting for it, and the counts follow when it has loaded.
    const counts = filtersLoaded ? facetCounts(pagefind, mainSearch) : undefined;
    if (counts === undefined) void countLater(current, pagefind);
    // Awaited last; until then a failure is reported by the searches awaited first.
    counts?.catch(() => undefined);
    const [main, order] = await Promise.all([mainSearch, ranks]);
    if (current !== generation) return;
    results = order ? orderByRank(main.results, order) : main.results;
    shown = 0;
    if (blank) {
      // Nothing asked yet: counts only, so opening the page downloads no result data.
      list.replaceChildren();
      more.hidden = true;
      results = [];
    } else {
      await showMore(true);
      if (current !== generation) return;
    }
    list.removeAttribute("aria-busy");
    showChosen();
    status.textContent = blank
      ? `${main.results.length} pages to search. Type words, or tick filters to browse them.`
      : results.length === 0
        ? `${describeResults(0, state.q, chosenFacets())} Try fewer words, or clear a filter.`
        : `${describeResults(results.length, state.q, chosenFacets())}${order === null ? " The sort order could not be loaded, so they are not sorted." : ""}`;
    if (counts !== undefined) {
      const now = await counts;
      if (current !== generation) return;
      showCounts(now);
      facetsPanel.removeAttribute("aria-busy");
    }
  }

  function update(how: "push" | "replace"): void {
    state = readState();
    writeUrl(how);
    void run();
  }

  input.addEventListener("input", () => {
    // The first keystroke of a run adds a history entry; the rest of the run edits it.
    update(typing ? "replace" : "push");
    typing = true;
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    typing = false;
    update("push");
  });
  facetsPanel.addEventListener("change", () => {
    typing = false;
    update("push");
  });
  sortSelect.addEventListener("change", () => {
    typing = false;
    update("push");
  });
  clear.addEventListener("click", () => {
    for (const box of checkboxes) box.checked = false;
    typing = false;
    update("push");
    input.focus();
  });
  let loadingMore = false;
  more.addEventListener("click", () => {
    // One page at a time: a second click while results stream in would ask for the same page again.
    if (loadingMore) return;
    loadingMore = true;
    const current = generation;
    // Keyboard users land on the first new result rather than back at the top.
    const firstNew = shown;
    list.setAttribute("aria-busy", "true");
    void showMore(false)
      .then(() => list.children[firstNew]?.querySelector("a")?.focus())
      .catch(() => undefined)
      .finally(() => {
        loadingMore = false;
        if (current === generation) list.removeAttribute("aria-busy");
      });
  });
  window.addEventListener("popstate", () => {
    state = parseSearchState(location.search);
    typing = false;
    showState();
    void run();
  });

  showState();
  await run();
}
