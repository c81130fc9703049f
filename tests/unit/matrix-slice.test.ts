import { describe, expect, it } from "vitest";
import { buildMatrix, type Matrix, type MatrixRow } from "../../src/utils/matrix";
import { matrixView, parseViewState, GROUP_KEYS, SORT_KEYS, type MatrixLabels } from "../../src/utils/matrix-view";
import {
  MATRIX_PAGE_SIZE,
  REST_GROUP,
  fitsLayout,
  fullLayout,
  layoutOf,
  nextStep,
  planLayout,
  sliceView,
  visibilityChanges,
  type Layout,
} from "../../src/utils/matrix-slice";
import { AUDIENCES, INSTITUTION_TYPES, MODE_IDS, STATUSES } from "../../src/schemas/vocabularies";
import { richerInput, richerLabels } from "./matrix-fixture";

const matrix = buildMatrix(richerInput());
const labels = richerLabels;
const view = (query: string, on: Matrix = matrix, names: MatrixLabels = labels) => matrixView(on, parseViewState(query), names);
/** A slice's groups as [heading, size, ids], the way a visitor reads them. */
const read = (groups: readonly { label: string; size: number; ids: readonly string[] }[]) =>
  groups.map((group) => [group.label, group.size, group.ids]);

/**
 * A matrix of many institutions with varied countries, types, modes, audiences and statuses
 * (deterministic), so orders and groups have something to disagree about.
 */
function bigMatrix(count: number): Matrix {
  const countries = ["NL", "AT", "FI", "DE", "ES", "BE"] as const;
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const rows: MatrixRow[] = Array.from({ length: count }, (_, i) => {
    const filled = random();
    const cells = Object.fromEntries(MODE_IDS.map((mode, m) => [mode, random() < filled ? [`cs-${i}-${m}`] : []]));
    const modeCount = Object.values(cells).filter((ids) => ids.length > 0).length;
    return {
      id: `inst-${String(i).padStart(3, "0")}`,
      // Names out of id order, some equal, so the name order and its tie-break both matter.
      name: `Institute ${String.fromCharCode(65 + ((i * 11) % 26))}${(i * 5) % 7}`,
      shortName: `I${i}`,
      country: countries[(i * 5) % countries.length]!,
      type: INSTITUTION_TYPES[(i * 3) % INSTITUTION_TYPES.length]!,
      cells,
      audiences: [AUDIENCES[i % AUDIENCES.length]!],
      statuses: [STATUSES[(i * 2) % STATUSES.length]!],
      modeCount,
    } as MatrixRow;
  });
  const columnTotals = Object.fromEntries(MODE_IDS.map((mode) => [mode, rows.filter((row) => row.cells[mode].length > 0).length]));
  return { modes: MODE_IDS, rows, columnTotals: columnTotals as Matrix["columnTotals"] };
}
// Country names in an order unlike their codes', as on the real page.
const bigLabels: MatrixLabels = {
  country: { NL: "Netherlands", AT: "Austria", FI: "Finland", DE: "Germany", ES: "Spain", BE: "Belgium" },
};

describe("which institutions the page renders", () => {
  it("renders every institution of a view under the limit, in display order", () => {
    const slice = sliceView(view(""), MATRIX_PAGE_SIZE);
    expect(read(slice.groups)).toEqual([["", 4, ["alpha-university", "beta-fund", "delta-agency", "gamma-institute"]]]);
    expect([slice.rendered, slice.matching]).toEqual([4, 4]);
  });

  it("renders the first N across groups, each heading keeping its group's full size", () => {
    const slice = sliceView(view("sort=modes&group=country"), 3);
    expect(read(slice.groups)).toEqual([
      ["Austria", 1, ["beta-fund"]],
      ["Belgium", 1, ["alpha-university"]],
      ["Denmark", 2, ["gamma-institute"]],
    ]);
    expect([slice.rendered, slice.matching]).toEqual([3, 4]);
  });

  it("leaves out the groups of which nothing is rendered", () => {
    expect(read(sliceView(view("sort=modes&group=country"), 1).groups)).toEqual([["Austria", 1, ["beta-fund"]]]);
  });

  it("cuts the filtered view, not the whole matrix", () => {
    const slice = sliceView(view("country=DK"), 1);
    expect(read(slice.groups)).toEqual([["", 2, ["delta-agency"]]]);
    expect([slice.rendered, slice.matching]).toEqual([1, 2]);
  });

  it("cuts the institutions of a transposed view (its columns) the same way", () => {
    const rows = sliceView(view("sort=modes&group=country"), 3);
    const columns = sliceView(view("sort=modes&group=country&view=transposed"), 3);
    expect(columns).toEqual(rows);
  });

  it("renders nothing, without breaking, when nothing matches", () => {
    expect(sliceView(view("q=nothing-matches-this"), MATRIX_PAGE_SIZE)).toEqual({ groups: [], rendered: 0, matching: 0 });
  });

  it("offers a page more, or only what is left", () => {
    expect(nextStep({ groups: [], rendered: 200, matching: 1234 }, 200)).toBe(200);
    expect(nextStep({ groups: [], rendered: 1200, matching: 1234 }, 200)).toBe(34);
    expect(nextStep({ groups: [], rendered: 22, matching: 22 }, 200)).toBe(0);
  });

  it("uses a page long enough that a matrix of a few dozen institutions is never cut", () => {
    // The built page's data-matrix-page-size is this constant (tests/e2e/matrix.spec.ts checks both).
    expect(MATRIX_PAGE_SIZE).toBeGreaterThanOrEqual(100);
  });
});

describe("whether the rows must move", () => {
  const layout: Layout = [
    { id: "AT", label: "Austria", ids: ["a", "b"] },
    { id: "DK", label: "Denmark", ids: ["c", "d", "e"] },
  ];
  const group = (id: string, ids: string[]) => ({ id, label: id, ids });

  it("needs no move when the wanted rows keep the layout's order and groups", () => {
    expect(fitsLayout(layout, [group("AT", ["b"]), group("DK", ["c", "e"])])).toBe(true);
    expect(fitsLayout(layout, [group("DK", ["d"])])).toBe(true);
    expect(fitsLayout(layout, [])).toBe(true);
  });

  it("needs a move when the order, a row's group or the groups' order differs, or a row is not there", () => {
    expect(fitsLayout(layout, [group("DK", ["e", "c"])])).toBe(false);
    expect(fitsLayout(layout, [group("AT", ["c"])])).toBe(false);
    expect(fitsLayout(layout, [group("DK", ["c"]), group("AT", ["a"])])).toBe(false);
    expect(fitsLayout(layout, [group("", ["a", "c"])])).toBe(false);
    expect(fitsLayout(layout, [group("AT", ["z"])])).toBe(false);
  });

  it("keeps the current layout without computing another when only hiding is needed", () => {
    const everything = () => {
      throw new Error("computed a layout for a view that needed none");
    };
    expect(planLayout(layout, [group("DK", ["c", "e"])], everything)).toBeUndefined();
  });

  it("moves every row into the full order of the new sort, so later filters move nothing", () => {
    const next = planLayout(layout, [group("DK", ["e", "c"])], () => [group("DK", ["e", "d", "c"]), group("AT", ["b", "a"])]);
    expect(next).toEqual([group("DK", ["e", "d", "c"]), group("AT", ["b", "a"])]);
  });

  it("falls back to the wanted rows first and the rest after them if the full order cannot show them", () => {
    const next = planLayout(layout, [group("DK", ["e", "c"])], () => layout);
    expect(next).toEqual([group("DK", ["e", "c"]), { id: REST_GROUP, label: "", ids: ["a", "b", "d"] }]);
  });

  it("shows and hides only the rows whose visibility changes, new ones in display order", () => {
    expect(visibilityChanges(new Set(["a", "b", "c"]), new Set(["d", "c", "a", "e"]))).toEqual({ show: ["d", "e"], hide: ["b"] });
    expect(visibilityChanges(new Set(["a"]), new Set(["a"]))).toEqual({ show: [], hide: [] });
  });
});

describe("the page's update, simulated over many institutions", () => {
  const big = bigMatrix(240);
  const filters = ["", "country=AT,FI", "mode=industrial-phd", "gap=joint-research", "type=university&status=ongoing", "q=institute%20b"];

  it("keeps every filtered view in the order of its sort and grouping over all institutions", () => {
    for (const sort of SORT_KEYS)
      for (const group of GROUP_KEYS) {
        const all = fullLayout(big, parseViewState(`sort=${sort}&group=${group}`), bigLabels);
        expect(layoutOf(view(`sort=${sort}&group=${group}`, big, bigLabels))).toEqual(all);
        for (const filter of filters) {
          const wanted = layoutOf(view(`${filter}&sort=${sort}&group=${group}`, big, bigLabels));
          expect(fitsLayout(all, wanted), `${filter} sorted by ${sort}, grouped by ${group}`).toBe(true);
        }
      }
  });

  it("shows exactly each view's first rows in order, and moves rows only when the sort or grouping changes", () => {
    // As the server renders it: every institution by name, one group, all shown.
    let layout: Layout = [{ id: "", label: "", ids: view("", big).rows.map((row) => row.id) }];
    let shown = new Set(layout[0]!.ids);
    let previous = { sort: "name", group: "none" };
    const states = [
      "",
      "country=AT,FI",
      "country=AT,FI&sort=modes",
      "mode=industrial-phd&sort=modes",
      "sort=modes",
      "group=country&sort=modes",
      "group=country&sort=modes&gap=joint-research",
      "group=type",
      "group=type&q=institute%20b&view=transposed",
      "sort=country&type=university&status=ongoing",
      "sort=country",
      "",
    ];
    let moves = 0;
    for (const query of states)
      for (const limit of [25, 50, 1000]) {
        const state = parseViewState(query);
        const slice = sliceView(view(query, big, bigLabels), limit);
        const next = planLayout(layout, slice.groups, () => fullLayout(big, state, bigLabels));
        const sameOrder = state.sort === previous.sort && state.group === previous.group;
        if (sameOrder) expect(next, `${query} (limit ${limit}) moved rows`).toBeUndefined();
        if (next) {
          moves += 1;
          layout = next;
        }
        shown = new Set(slice.groups.flatMap((group) => group.ids));
        // What a visitor sees: the layout's groups with their shown rows, empty groups hidden.
        const seen = layout
          .map((group) => ({ id: group.id, ids: group.ids.filter((id) => shown.has(id)) }))
          .filter((group) => group.ids.length > 0);
        expect(seen, `${query} (limit ${limit})`).toEqual(slice.groups.map((group) => ({ id: group.id, ids: group.ids })));
        previous = state;
      }
    // Name → modes, → grouped by country, → by type, → sorted by country, → back to the plain view.
    expect(moves).toBe(5);
  });
});
