import { describe, expect, it } from "vitest";
import { describeResults, facetCountsFrom, joinOr, pickSubResults } from "../../src/scripts/search-results";
import type { PagefindSubResult } from "../../src/scripts/pagefind";

describe("sub-results", () => {
  const section = (title: string, hits: number, anchored = true): PagefindSubResult => ({
    title,
    url: anchored ? `/page/#${title}` : "/page/",
    excerpt: title,
    locations: Array.from({ length: hits }, (_, i) => i),
    ...(anchored ? { anchor: { element: "h2", id: title, location: 0 } } : {}),
  });

  it("links the headed sections with the most hits, at most three, in page order", () => {
    const picked = pickSubResults([
      section("page", 9, false),
      section("a", 1),
      section("b", 4),
      section("c", 2),
      section("d", 3),
      section("e", 0),
    ]);
    expect(picked.map((sub) => sub.title)).toEqual(["b", "c", "d"]);
  });
});

describe("facet counts", () => {
  it("uses the main search for untouched facets and a search without the facet for chosen ones", () => {
    const main = { country: { AT: 2, BE: 0 }, kind: { guide: 1 } };
    const withoutCountry = { country: { AT: 2, BE: 3, DK: 4 }, kind: { guide: 9 } };
    expect(facetCountsFrom(main, { country: withoutCountry }, ["kind", "country", "mode"])).toEqual({
      kind: { guide: 1 },
      country: { AT: 2, BE: 3, DK: 4 },
      mode: {},
    });
  });
});

describe("the announced count", () => {
  it("says how many, for what, and with which filters, the way they combine", () => {
    expect(
      describeResults(4, "mentoring", [
        { legend: "Country", labels: ["Austria", "Belgium"] },
        { legend: "Kind of page", labels: ["Case study"] },
      ]),
    ).toBe("4 results for “mentoring”, where Country is Austria or Belgium and Kind of page is Case study.");
    expect(describeResults(1, "", [{ legend: "Status", labels: ["Active"] }])).toBe("1 result, where Status is Active.");
    expect(joinOr(["A", "B", "C"])).toBe("A, B or C");
  });
});
