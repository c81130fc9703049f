import { describe, expect, it } from "vitest";
import {
  separate,
  buildEuropeMap,
  clusterOffsets,
  countByCountry,
  europeBaseMap,
  MARKER_RADIUS,
  numericCode,
  shadeBuckets,
  shadeLevel,
  type MapMarker,
} from "../../src/utils/map";
import type { CountryCode } from "../../src/schemas/countries";
import type { AtlasInput } from "../../src/utils/atlas";
import { fixtureInput } from "../helpers/fixtures";

const SPACING = MARKER_RADIUS * 2 + 3;

/** The fixtures plus institutions in the given countries, each with one case study. */
function withInstitutions(input: AtlasInput, countries: CountryCode[]): AtlasInput {
  countries.forEach((country, index) => {
    const institution = structuredClone(input.institutions[0]!);
    institution.id = `extra-${index}-${country.toLowerCase()}`;
    institution.data.name = `Extra ${index} (${country})`;
    institution.data.country = country;
    input.institutions.push(institution);
    const caseStudy = structuredClone(input.caseStudies[0]!);
    caseStudy.id = `extra-${index}-programme`;
    caseStudy.data.title = `Extra programme ${index}`;
    caseStudy.data.institution = institution.id;
    input.caseStudies.push(caseStudy);
  });
  return input;
}

function minDistance(markers: MapMarker[]): number {
  let min = Infinity;
  for (let i = 0; i < markers.length; i += 1)
    for (let j = i + 1; j < markers.length; j += 1)
      min = Math.min(min, Math.hypot(markers[i]!.x - markers[j]!.x, markers[i]!.y - markers[j]!.y));
  return min;
}

describe("countByCountry", () => {
  it("counts case studies and institutions per country, most case studies first", () => {
    const counts = countByCountry(fixtureInput());
    expect(counts.map((country) => [country.code, country.name, country.caseStudyCount, country.institutions.map((i) => i.id)])).toEqual([
      ["BE", "Belgium", 2, ["alpha-university"]],
      ["AT", "Austria", 1, ["beta-fund"]],
    ]);
  });

  it("counts only the case studies in one mode when asked, leaving out institutions without any", () => {
    const counts = countByCountry(fixtureInput(), "industry-mentoring");
    expect(counts.map((country) => [country.code, country.caseStudyCount])).toEqual([["BE", 1]]);
    expect(countByCountry(fixtureInput(), "consultancy")).toEqual([]);
  });
});

describe("shadeBuckets", () => {
  it("splits 1…max into equal whole-number ranges with readable labels", () => {
    const buckets = shadeBuckets([8, 7, 4, 4, 3, 2, 1]);
    expect(buckets.map((bucket) => bucket.label)).toEqual(["1–2 case studies", "3–4 case studies", "5–6 case studies", "7–8 case studies"]);
    expect(shadeLevel(0, buckets)).toBe(0);
    expect(shadeLevel(1, buckets)).toBe(1);
    expect(shadeLevel(5, buckets)).toBe(3);
    expect(shadeLevel(8, buckets)).toBe(4);
  });

  it("gives each count its own shade when there are few, and none when there is nothing to shade", () => {
    expect(shadeBuckets([2, 1]).map((bucket) => bucket.label)).toEqual(["1 case study", "2 case studies"]);
    expect(shadeBuckets([])).toEqual([]);
    expect(shadeBuckets([0, 0])).toEqual([]);
  });

  it("covers every count from 1 to the maximum exactly once", () => {
    for (const max of [1, 3, 5, 9, 13, 40]) {
      const buckets = shadeBuckets([max]);
      expect(buckets.length).toBeLessThanOrEqual(4);
      for (let count = 1; count <= max; count += 1) expect(buckets.filter((b) => count >= b.min && count <= b.max)).toHaveLength(1);
    }
  });
});

describe("the base map", () => {
  it("frames Europe: Brussels and Vienna fall inside it, Washington does not", () => {
    const base = europeBaseMap();
    const inside = (lonLat: [number, number]) => {
      const point = base.projection(lonLat);
      return point !== null && point[0] >= 0 && point[0] <= base.width && point[1] >= 0 && point[1] <= base.height;
    };
    expect(inside([4.35, 50.85])).toBe(true);
    expect(inside([16.37, 48.21])).toBe(true);
    expect(inside([-77.04, 38.91])).toBe(false);
  });

  it("writes compact path data: relative commands, at most one decimal, small enough for every page", () => {
    const base = europeBaseMap();
    expect(base.land).toMatch(/^M/);
    expect(base.land).not.toMatch(/\d\.\d\d/);
    expect(base.land).not.toMatch(/L/);
    expect(base.land.length + base.borders.length).toBeLessThan(20_000);
  });

  it("knows the countries the content names by their ISO codes", () => {
    expect(numericCode("BE")).toBe("056");
    expect(numericCode("EU")).toBeUndefined();
    for (const code of ["AT", "BE", "DE", "DK", "ES", "FR", "GB", "IE", "NL", "US"] as const) {
      expect(europeBaseMap().countries.has(numericCode(code)!), code).toBe(true);
    }
  });
});

describe("buildEuropeMap", () => {
  it("puts one marker per institution on the map, linking to its page and named for screen readers", () => {
    const map = buildEuropeMap(fixtureInput());
    expect(map.markers.map((marker) => [marker.id, marker.href])).toEqual([
      ["alpha-university", "/institutions/alpha-university/"],
      ["beta-fund", "/institutions/beta-fund/"],
    ]);
    expect(map.markers[0]?.label).toBe("Alpha University, Belgium: 2 case studies");
    for (const marker of map.markers) {
      expect(marker.x).toBeGreaterThan(0);
      expect(marker.x).toBeLessThan(map.width);
      expect(marker.y).toBeGreaterThan(0);
      expect(marker.y).toBeLessThan(map.height);
    }
  });

  it("shades each country with case studies, by its bucket, with a drawn outline", () => {
    const map = buildEuropeMap(fixtureInput());
    expect(map.shaded.map((country) => [country.code, country.level])).toEqual([
      ["BE", 2],
      ["AT", 1],
    ]);
    for (const country of map.shaded) expect(country.d).toMatch(/^M[^]*z$/);
    expect(map.countries.every((country) => country.placement === "map")).toBe(true);
  });

  it("shows only the institutions of one mode on a mode's map", () => {
    const map = buildEuropeMap(fixtureInput(), { mode: "joint-research" });
    expect(map.markers.map((marker) => marker.id)).toEqual(["beta-fund"]);
    expect(map.markers[0]?.label).toBe("Beta Research Fund, Austria: 1 case study in this mode");
    expect(map.shaded.map((country) => country.code)).toEqual(["AT"]);
  });

  it("keeps markers in one country and in neighbouring countries from hiding each other", () => {
    const map = buildEuropeMap(withInstitutions(fixtureInput(), ["BE", "BE", "BE", "BE", "BE", "NL", "NL", "LU"]));
    expect(map.markers).toHaveLength(10);
    expect(minDistance(map.markers)).toBeGreaterThanOrEqual(SPACING - 0.2);
  });

  it("draws a country beyond Europe in a labelled inset, with its marker inside the inset", () => {
    const map = buildEuropeMap(withInstitutions(fixtureInput(), ["US"]));
    expect(map.insets.map((inset) => inset.name)).toEqual(["United States"]);
    const inset = map.insets[0]!;
    expect(inset.d).toMatch(/^M/);
    const marker = map.markers.find((m) => m.country === "US")!;
    expect(marker.x).toBeGreaterThan(inset.x);
    expect(marker.x).toBeLessThan(inset.x + inset.width);
    expect(marker.y).toBeGreaterThan(inset.y);
    expect(marker.y).toBeLessThan(inset.y + inset.height);
    expect(map.countries.find((country) => country.code === "US")?.placement).toBe("inset");
  });

  it("lists EU-wide programmes beside the map instead of placing them in a country", () => {
    const map = buildEuropeMap(withInstitutions(fixtureInput(), ["EU"]));
    expect(map.unplaced.map((institution) => institution.country)).toEqual(["EU"]);
    expect(map.markers.some((marker) => marker.country === "EU")).toBe(false);
    expect(map.shaded.some((country) => country.code === "EU")).toBe(false);
    expect(map.countries.find((country) => country.code === "EU")).toMatchObject({ placement: "listed", caseStudyCount: 1, level: 0 });
    expect(map.total).toEqual({ caseStudies: 4, institutions: 3 });
  });
});

describe("clusterOffsets", () => {
  it("centres a lone marker, puts two side by side and keeps every cluster free of overlaps", () => {
    expect(clusterOffsets(1, 10)).toEqual([[0, 0]]);
    const two = clusterOffsets(2, 10);
    expect(two[0]?.[1]).toBe(two[1]?.[1]);
    expect(Math.abs(two[0]![0] - two[1]![0])).toBe(10);
    for (const n of [3, 4, 7, 12]) {
      const offsets = clusterOffsets(n, 10);
      expect(offsets).toHaveLength(n);
      for (let i = 0; i < n; i += 1)
        for (let j = i + 1; j < n; j += 1)
          expect(Math.hypot(offsets[i]![0] - offsets[j]![0], offsets[i]![1] - offsets[j]![1])).toBeGreaterThanOrEqual(9.9);
    }
  });
});

describe("separate", () => {
  it("pushes apart crowded markers until none overlap, deterministically", () => {
    // 300 markers in three tight clusters, as many institutions in three countries would be.
    const make = () =>
      Array.from({ length: 300 }, (_, i) => ({ x: 200 + (i % 3) * 40 + (i % 7) * 0.5, y: 150 + (i % 3) * 10 + (i % 5) * 0.5 }));
    const points = make();
    separate(points, 10, { width: 800, height: 600 });
    for (let i = 0; i < points.length; i += 1)
      for (let j = i + 1; j < points.length; j += 1) {
        const distance = Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y);
        expect(distance).toBeGreaterThanOrEqual(10 - 0.15); // rounding to 0.1 px
      }
    const again = make();
    separate(again, 10, { width: 800, height: 600 });
    expect(again).toEqual(points);
  });
});
