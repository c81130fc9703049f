import { describe, expect, it } from "vitest";
import { buildMatrix, matrixAtAGlance } from "../../src/utils/matrix";
import { fixtureInput } from "../helpers/fixtures";

describe("buildMatrix", () => {
  it("fills a cell exactly when a case study links that institution and mode", () => {
    const matrix = buildMatrix(fixtureInput());
    const alpha = matrix.rows.find((row) => row.id === "alpha-university")!;
    expect(alpha.cells["industry-mentoring"]).toEqual(["alpha-mentoring"]);
    expect(alpha.cells["joint-research"]).toEqual([]);
    expect(alpha.modeCount).toBe(3);
  });

  it("counts institutions per mode in the column totals", () => {
    const matrix = buildMatrix(fixtureInput());
    expect(matrix.columnTotals["joint-research"]).toBe(1);
    expect(matrix.columnTotals["consultancy"]).toBe(0);
  });

  it("keeps an institution without case studies as an empty row", () => {
    const input = fixtureInput();
    input.caseStudies = input.caseStudies.filter((c) => c.data.institution !== "beta-fund");
    const beta = buildMatrix(input).rows.find((row) => row.id === "beta-fund")!;
    expect(beta.modeCount).toBe(0);
  });

  it("adds a tick when a case study is added, with no other change", () => {
    const input = fixtureInput();
    const copy = structuredClone(input.caseStudies[0]!);
    copy.id = "alpha-consulting";
    copy.data.title = "Alpha consulting";
    copy.data.modes = ["consultancy"];
    input.caseStudies.push(copy);
    expect(buildMatrix(input).columnTotals["consultancy"]).toBe(1);
  });
});

describe("matrixAtAGlance", () => {
  it("keeps a small matrix whole", () => {
    const matrix = buildMatrix(fixtureInput());
    expect(matrixAtAGlance(matrix, matrix.rows.length)).toEqual({ ...matrix, omitted: 0 });
  });

  it("keeps the institutions practising the most modes, in name order, with their own column totals", () => {
    const matrix = buildMatrix(fixtureInput());
    const glance = matrixAtAGlance(matrix, 1);
    const broadest = [...matrix.rows].sort((a, b) => b.modeCount - a.modeCount || a.name.localeCompare(b.name, "en"))[0]!;
    expect(glance.rows.map((row) => row.id)).toEqual([broadest.id]);
    expect(glance.omitted).toBe(matrix.rows.length - 1);
    for (const mode of matrix.modes) expect(glance.columnTotals[mode]).toBe(broadest.cells[mode].length > 0 ? 1 : 0);
    const two = matrixAtAGlance(matrix, 2);
    expect(two.rows.map((row) => row.name)).toEqual([...two.rows.map((row) => row.name)].sort((a, b) => a.localeCompare(b, "en")));
  });
});
