import { describe, expect, it } from "vitest";
import {
  BAR_MAX_PERCENT,
  caseStudiesByDecade,
  columns,
  decadeOf,
  horizontalBars,
  institutionsPerMode,
  modesPerInstitutionType,
} from "../../src/utils/charts";
import { buildMatrix } from "../../src/utils/matrix";
import { MODE_IDS } from "../../src/schemas/vocabularies";
import type { AtlasInput } from "../../src/utils/atlas";
import { fixtureInput } from "../helpers/fixtures";

/** The fixtures plus a copy of a case study with other fields (a new programme). */
function withCaseStudy(input: AtlasInput, id: string, change: (data: AtlasInput["caseStudies"][number]["data"]) => void): AtlasInput {
  const copy = structuredClone(input.caseStudies[0]!);
  copy.id = id;
  copy.data.title = `Programme ${id}`;
  change(copy.data);
  input.caseStudies.push(copy);
  return input;
}

describe("institutionsPerMode", () => {
  it("has one bar per mode, in the toolkit's order, equal to the matrix's column totals", () => {
    const input = fixtureInput();
    const chart = institutionsPerMode(input);
    expect(chart.data.map((datum) => datum.key)).toEqual([...MODE_IDS]);
    const totals = buildMatrix(input).columnTotals;
    for (const datum of chart.data) expect(datum.value, datum.key).toBe(totals[datum.key as keyof typeof totals]);
    expect(chart.data.find((datum) => datum.key === "industrial-phd")?.value).toBe(1);
    expect(chart.data.find((datum) => datum.key === "consultancy")?.value).toBe(0);
  });

  it("counts an institution once per mode however many of its case studies practise it", () => {
    const input = withCaseStudy(fixtureInput(), "alpha-second-phd", (data) => {
      data.modes = ["industrial-phd"];
    });
    expect(institutionsPerMode(input).data.find((datum) => datum.key === "industrial-phd")?.value).toBe(1);
  });

  it("describes the picture in words, with every value, for screen readers", () => {
    const chart = institutionsPerMode(fixtureInput());
    expect(chart.description).toContain("Industrial PhD 1");
    expect(chart.description).toContain("Consultancy for business 0");
    expect(chart.data.every((datum) => datum.href === `/modes/${datum.key}/`)).toBe(true);
  });
});

describe("modesPerInstitutionType", () => {
  it("counts the distinct modes the institutions of each type practise, leaving out types with no institution", () => {
    const chart = modesPerInstitutionType(fixtureInput());
    expect(chart.data.map((datum) => [datum.key, datum.value])).toEqual([
      ["university", 3],
      ["research-funder", 1],
    ]);
    expect(chart.data[0]?.detail).toBe("1 institution: Industrial PhD, Researcher career days, Industry mentoring");
    expect(chart.data[0]?.href).toBe("/institutions/?type=university");
  });
});

describe("caseStudiesByDecade", () => {
  it("groups case studies by the decade they started", () => {
    expect(decadeOf(2012)).toBe(2010);
    expect(decadeOf(1990)).toBe(1990);
    const chart = caseStudiesByDecade(fixtureInput());
    expect(chart.data).toEqual([{ key: "2010", label: "2010s", value: 3 }]);
  });

  it("shows empty decades between the first and the last as zero, not as a gap", () => {
    const input = withCaseStudy(fixtureInput(), "alpha-old", (data) => {
      data.started = 1988;
    });
    expect(caseStudiesByDecade(input).data.map((datum) => [datum.label, datum.value])).toEqual([
      ["1980s", 1],
      ["1990s", 0],
      ["2000s", 0],
      ["2010s", 3],
    ]);
  });
});

describe("chart layout", () => {
  it("sizes bars in proportion to their values, the longest at the maximum width", () => {
    const chart = institutionsPerMode(fixtureInput());
    chart.data = chart.data.map((datum, index) => ({ ...datum, value: index }));
    const { bars, height, rowHeight } = horizontalBars(chart);
    expect(bars).toHaveLength(10);
    expect(bars.at(-1)?.widthPercent).toBe(BAR_MAX_PERCENT);
    expect(bars[0]?.widthPercent).toBe(0);
    expect(bars[3]?.widthPercent).toBeCloseTo((3 / 9) * BAR_MAX_PERCENT, 1);
    expect(bars[1]!.y - bars[0]!.y).toBe(rowHeight);
    expect(height).toBeGreaterThanOrEqual(10 * rowHeight);
  });

  it("places columns side by side within the chart's width, heights in proportion", () => {
    const input = withCaseStudy(fixtureInput(), "alpha-old", (data) => {
      data.started = 1988;
    });
    const { columns: cols, plotHeight } = columns(caseStudiesByDecade(input));
    expect(cols).toHaveLength(4);
    for (const column of cols) {
      expect(column.xPercent).toBeGreaterThanOrEqual(0);
      expect(column.xPercent + column.widthPercent).toBeLessThanOrEqual(100);
      expect(column.centerPercent).toBeGreaterThan(column.xPercent);
    }
    expect(cols[3]?.height).toBe(plotHeight);
    expect(cols[0]?.height).toBeCloseTo(plotHeight / 3, 1);
    expect(cols[1]?.height).toBe(0);
  });
});
