import { describe, expect, it } from "vitest";
import {
  emptyFilters,
  facetCounts,
  isEmptyFilter,
  matchesFilters,
  parseFilters,
  serializeFilters,
  type Facets,
} from "../../src/utils/filters";

const items: Facets[] = [
  { mode: ["industrial-phd"], country: ["AT"], type: ["university"], text: "Alpha University" },
  { mode: ["industry-mentoring", "career-days"], country: ["BE"], type: ["university"], text: "Beta University" },
  { mode: ["industry-mentoring"], country: ["DE"], type: ["research-funder"], text: "Gamma Fund" },
];

describe("URL form of the filters", () => {
  it("reads comma-separated and repeated values, in vocabulary order", () => {
    const state = parseFilters("?mode=industry-mentoring,joint-research&country=BE&country=AT&q=%20alpha%20");
    expect(state.mode).toEqual(["joint-research", "industry-mentoring"]);
    expect(state.country).toEqual(["AT", "BE"]);
    expect(state.q).toBe("alpha");
  });

  it("drops values no vocabulary knows", () => {
    expect(parseFilters("mode=teleportation&country=XX").mode).toEqual([]);
  });

  it("round-trips: serialising then parsing gives the same state", () => {
    const state = parseFilters("q=phd%20Ghent&mode=industrial-phd,career-days&status=active&audience=smes");
    expect(parseFilters(serializeFilters(state))).toEqual(state);
    expect(serializeFilters(state)).toBe("q=phd%20Ghent&mode=industrial-phd,career-days&audience=smes&status=active");
  });

  it("leaves empty groups out of the URL and adds extra parameters", () => {
    expect(serializeFilters(emptyFilters(), { sort: "country" })).toBe("sort=country");
    expect(isEmptyFilter(emptyFilters())).toBe(true);
  });
});

describe("matching", () => {
  it("combines values of one group with OR", () => {
    const state = parseFilters("country=AT,BE");
    expect(items.filter((item) => matchesFilters(item, state))).toHaveLength(2);
  });
  it("combines groups with AND", () => {
    const state = parseFilters("country=AT,BE&mode=industry-mentoring");
    expect(items.filter((item) => matchesFilters(item, state)).map((item) => item.text)).toEqual(["Beta University"]);
  });
  it("matches every word of the text filter, ignoring case", () => {
    expect(items.filter((item) => matchesFilters(item, parseFilters("q=university%20BETA")))).toHaveLength(1);
  });
});

describe("facet counts", () => {
  it("counts a group's values against the other groups only", () => {
    const counts = facetCounts(items, parseFilters("country=BE&mode=industry-mentoring"));
    // Country counts ignore the country filter itself but respect the mode filter.
    expect(counts.country).toEqual({ BE: 1, DE: 1 });
    // Mode counts respect the country filter.
    expect(counts.mode).toEqual({ "industry-mentoring": 1, "career-days": 1 });
  });
});
