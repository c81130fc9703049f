import { describe, expect, it } from "vitest";
import {
  activeFacets,
  effectiveSort,
  isBlankSearch,
  pagefindFilters,
  parseSearchState,
  serializeSearchState,
} from "../../src/scripts/search-state";
import { parseFilters } from "../../src/utils/filters";

describe("the search page's URL", () => {
  it("reads the shared filters, the kind of page and the sort", () => {
    const state = parseSearchState("q=mentoring&kind=guide,case-study&country=BE,AT&sort=name");
    expect(state.q).toBe("mentoring");
    expect(state.kind).toEqual(["case-study", "guide"]);
    expect(state.country).toEqual(["AT", "BE"]);
    expect(state.sort).toBe("name");
  });

  it("reads the shared filters exactly as the listings and the matrix do", () => {
    const search = "q=phd&mode=industrial-phd&audience=smes&status=active&type=university";
    const { kind: _kind, sort: _sort, ...shared } = parseSearchState(search);
    expect(shared).toEqual(parseFilters(search));
  });

  it("drops unknown kinds and sorts", () => {
    const state = parseSearchState("kind=podcast&sort=random");
    expect(state.kind).toEqual([]);
    expect(state.sort).toBe("relevance");
  });

  it("round-trips in a stable order, leaving out defaults", () => {
    const state = parseSearchState("sort=reviewed&status=ended&kind=institution&q=Ghent%20phd&mode=career-days,industrial-phd");
    expect(serializeSearchState(state)).toBe("q=Ghent%20phd&kind=institution&mode=industrial-phd,career-days&status=ended&sort=reviewed");
    expect(parseSearchState(serializeSearchState(state))).toEqual(state);
    expect(serializeSearchState(parseSearchState("sort=relevance"))).toBe("");
  });
});

describe("the Pagefind filters", () => {
  it("asks for any value within a facet and every facet at once", () => {
    const state = parseSearchState("q=mentoring&country=AT,BE&kind=case-study");
    expect(pagefindFilters(state)).toEqual({ kind: { any: ["case-study"] }, country: { any: ["AT", "BE"] } });
  });

  it("leaves one facet out, to count that facet's values against the others", () => {
    const state = parseSearchState("country=AT,BE&mode=industry-mentoring");
    expect(pagefindFilters(state, "country")).toEqual({ mode: { any: ["industry-mentoring"] } });
    expect(activeFacets(state)).toEqual(["mode", "country"]);
  });

  it("sorts by relevance, by review date (newest first) or by name, and by name when browsing", () => {
    expect(effectiveSort(parseSearchState("q=phd"))).toBeUndefined();
    expect(effectiveSort(parseSearchState("q=phd&sort=reviewed"))).toBe("reviewed");
    expect(effectiveSort(parseSearchState("q=phd&sort=name"))).toBe("name");
    expect(effectiveSort(parseSearchState("country=AT"))).toBe("name");
    expect(effectiveSort(parseSearchState("country=AT&sort=reviewed"))).toBe("reviewed");
  });

  it("knows a blank search from a search by facets alone", () => {
    expect(isBlankSearch(parseSearchState("sort=name"))).toBe(true);
    expect(isBlankSearch(parseSearchState("kind=guide"))).toBe(false);
  });
});
