import { describe, expect, it } from "vitest";
import { buildMatrix } from "../../src/utils/matrix";
import { buildAtlas } from "../../src/utils/atlas";
import {
  compareEntry,
  defaultViewState,
  differs,
  filterRows,
  groupRows,
  matrixView,
  parseCompareIds,
  parseViewState,
  serializeCompareIds,
  serializeViewState,
  sortRows,
  transpose,
  viewFacetCounts,
  type MatrixLabels,
} from "../../src/utils/matrix-view";
import { MODE_IDS } from "../../src/schemas/vocabularies";
import { richerInput, richerLabels } from "./matrix-fixture";

const matrix = buildMatrix(richerInput());
const labels: MatrixLabels = { ...richerLabels, mode: { "industrial-phd": "Industrial PhD" } };
const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id);
const view = (query: string) => matrixView(matrix, parseViewState(query), labels);

describe("URL form of a matrix view", () => {
  it("reads the shared filters and the view's own parameters", () => {
    const state = parseViewState("?country=DK,AT&mode=industrial-phd&sort=modes&group=type&view=transposed&gap=consultancy&q=gamma");
    expect(state.filters.country).toEqual(["AT", "DK"]);
    expect(state.filters.mode).toEqual(["industrial-phd"]);
    expect(state.filters.q).toBe("gamma");
    expect(state).toMatchObject({ sort: "modes", group: "type", transposed: true, gap: "consultancy" });
  });

  it("falls back to the default for values it does not know", () => {
    const state = parseViewState("sort=size&group=planet&view=sideways&gap=teleportation");
    expect(state).toEqual(defaultViewState());
  });

  it("writes the default view as an empty query and leaves defaults out", () => {
    expect(serializeViewState(defaultViewState())).toBe("");
    expect(serializeViewState(parseViewState("sort=name&group=none&country=AT"))).toBe("country=AT");
  });

  it("writes parameters in one canonical order, whatever order they came in", () => {
    expect(serializeViewState(parseViewState("gap=consultancy&view=transposed&country=DK&mode=industrial-phd&q=x"))).toBe(
      "q=x&mode=industrial-phd&country=DK&view=transposed&gap=consultancy",
    );
  });

  it("round-trips: serialising then parsing gives the same state, and the same URL again", () => {
    for (const query of [
      "mode=industrial-phd&country=AT,DK",
      "q=gamma%20institute&sort=country&group=country",
      "audience=smes&status=pilot&sort=modes&group=type&view=transposed&gap=joint-research",
    ]) {
      const state = parseViewState(query);
      expect(parseViewState(serializeViewState(state))).toEqual(state);
      expect(serializeViewState(state)).toBe(query);
    }
  });
});

describe("filtering rows", () => {
  it("filters to Austria and Denmark with an industrial PhD (OR within a group, AND across)", () => {
    expect(ids(filterRows(matrix.rows, parseViewState("country=AT,DK")))).toEqual(["beta-fund", "delta-agency", "gamma-institute"]);
    expect(ids(filterRows(matrix.rows, parseViewState("country=AT,DK&mode=industrial-phd")))).toEqual(["gamma-institute"]);
  });

  it("filters by audience, status and type from the institution's case studies", () => {
    expect(ids(filterRows(matrix.rows, parseViewState("status=ended,pilot")))).toEqual(["beta-fund", "gamma-institute"]);
    expect(ids(filterRows(matrix.rows, parseViewState("audience=smes")))).toEqual(["gamma-institute"]);
    expect(ids(filterRows(matrix.rows, parseViewState("type=public-agency")))).toEqual(["delta-agency"]);
  });

  it("matches the name filter against full and short names, ignoring case", () => {
    expect(ids(filterRows(matrix.rows, parseViewState("q=QUOTED")))).toEqual(["gamma-institute"]);
    expect(ids(filterRows(matrix.rows, parseViewState("q=brf")))).toEqual(["beta-fund"]);
  });

  it("keeps only the institutions where the chosen mode is missing in the gap view", () => {
    expect(ids(filterRows(matrix.rows, parseViewState("gap=industrial-phd")))).toEqual(["beta-fund", "delta-agency"]);
    // "Runs joint research but no industrial PhD": the gap combines with the other filters.
    expect(ids(filterRows(matrix.rows, parseViewState("gap=industrial-phd&mode=joint-research")))).toEqual(["beta-fund"]);
  });

  it("counts each filter option against the other groups and the gap view", () => {
    const counts = viewFacetCounts(matrix.rows, parseViewState("country=DK"));
    expect(counts.country).toEqual({ AT: 1, BE: 1, DK: 2 });
    expect(counts.mode["industrial-phd"]).toBe(1);
    const gap = viewFacetCounts(matrix.rows, parseViewState("gap=industrial-phd"));
    expect(gap.country).toEqual({ AT: 1, DK: 1 });
  });
});

describe("sorting and grouping rows", () => {
  it("sorts by name", () => {
    expect(ids(sortRows(matrix.rows, "name"))).toEqual(["alpha-university", "beta-fund", "delta-agency", "gamma-institute"]);
  });

  it("sorts by country name, then by name", () => {
    expect(ids(sortRows(matrix.rows, "country", labels))).toEqual(["beta-fund", "alpha-university", "delta-agency", "gamma-institute"]);
  });

  it("sorts by number of modes, most first, then by name", () => {
    expect(ids(sortRows(matrix.rows, "modes"))).toEqual(["alpha-university", "gamma-institute", "beta-fund", "delta-agency"]);
  });

  it("groups by country in order of the country's name, keeping the sort within each group", () => {
    const groups = groupRows(sortRows(matrix.rows, "modes"), "country", labels);
    expect(groups.map((g) => [g.label, ids(g.items)])).toEqual([
      ["Austria", ["beta-fund"]],
      ["Belgium", ["alpha-university"]],
      ["Denmark", ["gamma-institute", "delta-agency"]],
    ]);
  });

  it("groups by type in the vocabulary's order and leaves empty types out", () => {
    expect(groupRows(matrix.rows, "type", labels).map((g) => g.id)).toEqual([
      "university",
      "research-organisation",
      "research-funder",
      "public-agency",
    ]);
  });

  it("makes one unlabelled group when not grouping", () => {
    expect(groupRows(matrix.rows, "none")).toEqual([{ id: "", label: "", items: matrix.rows }]);
  });
});

describe("the view", () => {
  it("shows the filtered institutions as rows with all ten modes as columns and their totals", () => {
    const result = view("country=AT,DK&mode=industrial-phd,joint-research");
    expect(result.rowKind).toBe("institution");
    expect(ids(result.columns)).toEqual([...MODE_IDS]);
    expect(ids(result.rows)).toEqual(["beta-fund", "gamma-institute"]);
    const gamma = result.rows[1]!;
    expect(gamma).toMatchObject({ label: 'Gamma, the "Quoted" Institute', country: "DK", type: "research-organisation", total: 2 });
    expect(gamma.cells[MODE_IDS.indexOf("industrial-phd")]).toEqual(["gamma-phd"]);
    expect(result.columnTotals[MODE_IDS.indexOf("joint-research")]).toBe(2);
    expect(result.columnTotals[MODE_IDS.indexOf("industrial-phd")]).toBe(1);
    expect([result.shown, result.total]).toEqual([2, 4]);
  });

  it("transposes: modes become the rows and the institutions the columns, in the view's order", () => {
    const result = view("view=transposed&sort=modes&group=country");
    expect(result.rowKind).toBe("mode");
    expect(ids(result.rows)).toEqual([...MODE_IDS]);
    expect(ids(result.columns)).toEqual(["beta-fund", "alpha-university", "gamma-institute", "delta-agency"]);
    expect(result.columnGroups.map((g) => g.label)).toEqual(["Austria", "Belgium", "Denmark"]);
    const phd = result.rows.find((row) => row.id === "industrial-phd")!;
    expect(phd.label).toBe("Industrial PhD");
    expect(phd.cells).toEqual([[], ["alpha-industrial-doctorates"], ["gamma-phd"], []]);
    expect(phd.total).toBe(2);
    // Column totals of the transposed view are each institution's number of modes.
    expect(result.columnTotals).toEqual([1, 3, 2, 0]);
  });

  it("holds the same cells either way round", () => {
    const rows = view("");
    const columns = view("view=transposed");
    rows.rows.forEach((row, r) => row.cells.forEach((cell, c) => expect(columns.rows[c]!.cells[r]).toEqual(cell)));
  });

  it("groups the modes by family when they are the rows", () => {
    const family = Object.fromEntries(MODE_IDS.map((mode, index) => [mode, index < 2 ? "Research" : "Other"]));
    const { rowGroups } = transpose(groupRows(matrix.rows, "none"), MODE_IDS, { family });
    expect(rowGroups.map((g) => [g.label, g.items.length])).toEqual([
      ["Research", 2],
      ["Other", 8],
    ]);
  });

  it("shows where a mode is missing in the gap view, transposed or not", () => {
    expect(ids(view("gap=joint-research").rows)).toEqual(["alpha-university", "delta-agency"]);
    const transposed = view("gap=joint-research&view=transposed");
    expect(ids(transposed.columns)).toEqual(["alpha-university", "delta-agency"]);
    expect(transposed.rows.find((row) => row.id === "joint-research")!.total).toBe(0);
  });

  it("is empty, not broken, when nothing matches", () => {
    const result = view("q=nothing-matches-this");
    expect(result.rows).toEqual([]);
    expect(result.columnTotals).toEqual(MODE_IDS.map(() => 0));
    expect(result.shown).toBe(0);
  });
});

describe("compare selection", () => {
  const known = ["alpha-university", "beta-fund", "gamma-institute", "delta-agency", "epsilon"];

  it("reads comma-separated and repeated ids, keeps known ones once, in the order chosen, at most four", () => {
    expect(parseCompareIds("ids=beta-fund,alpha-university,beta-fund,nobody", known)).toEqual(["beta-fund", "alpha-university"]);
    expect(parseCompareIds("ids=gamma-institute&ids=delta-agency", known)).toEqual(["gamma-institute", "delta-agency"]);
    expect(parseCompareIds(`ids=${known.join(",")}`, known)).toHaveLength(4);
  });

  it("round-trips through the URL", () => {
    const chosen = ["gamma-institute", "alpha-university"];
    expect(serializeCompareIds(chosen)).toBe("ids=gamma-institute,alpha-university");
    expect(parseCompareIds(serializeCompareIds(chosen), known)).toEqual(chosen);
    expect(serializeCompareIds([])).toBe("");
  });

  it("says a row differs only when its values are not all the same", () => {
    expect(differs(["true", "true", "true"])).toBe(false);
    expect(differs(["true", "false"])).toBe(true);
    expect(differs([])).toBe(false);
  });

  it("gives the compare page an institution's modes, case studies and key figures", () => {
    const entry = compareEntry(buildAtlas(richerInput()), "alpha-university");
    expect(entry).toMatchObject({ id: "alpha-university", name: "Alpha University", country: "BE", city: "Ghent", founded: 1817 });
    expect(entry.modes).toEqual(["industrial-phd", "career-days", "industry-mentoring"]);
    expect(entry.caseStudies.map((c) => c.id)).toEqual(["alpha-industrial-doctorates", "alpha-mentoring"]);
    expect(entry.caseStudies[0]!.keyFigures[0]).toMatchObject({ value: "100", year: 2024, note: "Cumulative since the pilot." });
  });
});
