import { describe, expect, it } from "vitest";
import { buildMatrix } from "../../src/utils/matrix";
import { csvField, matrixToCsv, matrixToJson, type MatrixJson } from "../../src/utils/matrix-export";
import { defaultViewState, matrixView, parseViewState } from "../../src/utils/matrix-view";
import { MODE_IDS, MODE_LABELS } from "../../src/schemas/vocabularies";
import { richerInput } from "./matrix-fixture";

const matrix = buildMatrix(richerInput());
const labels = { mode: MODE_LABELS, country: { AT: "Austria", BE: "Belgium", DK: "Denmark" } };
const view = (query: string) => matrixView(matrix, parseViewState(query), labels);
const zeros = (n: number) => Array.from({ length: n }, () => "0");

/** A small RFC 4180 reader, so the tests check what a spreadsheet would read, not our own string building. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ",") {
      row.push(field);
      field = "";
    } else if (!quoted && char === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 1;
    } else {
      field += char;
    }
  }
  return rows;
}

describe("CSV fields", () => {
  it("leaves plain text alone", () => {
    expect(csvField("Alpha University")).toBe("Alpha University");
    expect(csvField(3)).toBe("3");
  });

  it("quotes a field with a comma, a quote or a line break, doubling the quotes", () => {
    expect(csvField("Gamma, the institute")).toBe('"Gamma, the institute"');
    expect(csvField('the "Quoted" one')).toBe('"the ""Quoted"" one"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });
});

describe("matrixToCsv", () => {
  it("writes exactly the rows and columns of a filtered view, with CRLF line ends", () => {
    const csv = matrixToCsv(view("country=AT,DK&mode=industrial-phd,joint-research"));
    const modes = MODE_IDS.join(",");
    const gammaCells = MODE_IDS.map((mode) => (mode === "joint-research" || mode === "industrial-phd" ? 1 : 0)).join(",");
    const betaCells = MODE_IDS.map((mode) => (mode === "joint-research" ? 1 : 0)).join(",");
    expect(csv).toBe(
      `institution_id,institution,country,type,${modes},modes\r\n` +
        `beta-fund,Beta Research Fund,AT,research-funder,${betaCells},1\r\n` +
        `gamma-institute,"Gamma, the ""Quoted"" Institute",DK,research-organisation,${gammaCells},2\r\n`,
    );
  });

  it("reads back, with a spreadsheet's rules, to the view's rows in order", () => {
    const shown = view("sort=modes&group=country");
    const rows = readCsv(matrixToCsv(shown));
    expect(rows).toHaveLength(shown.rows.length + 1);
    expect(rows.slice(1).map((row) => row[0])).toEqual(shown.rows.map((row) => row.id));
    expect(rows.find((row) => row[0] === "gamma-institute")![1]).toBe('Gamma, the "Quoted" Institute');
    expect(rows.every((row) => row.length === 4 + MODE_IDS.length + 1)).toBe(true);
  });

  it("writes a transposed view with modes as rows and institutions as columns", () => {
    const rows = readCsv(matrixToCsv(view("view=transposed&country=DK")));
    expect(rows[0]).toEqual(["mode_id", "mode", "delta-agency", "gamma-institute", "institutions"]);
    expect(rows.slice(1).map((row) => row[0])).toEqual([...MODE_IDS]);
    expect(rows.find((row) => row[0] === "industrial-phd")).toEqual(["industrial-phd", "Industrial PhD", "0", "1", "1"]);
    expect(rows.find((row) => row[0] === "consultancy")).toEqual(["consultancy", "Consultancy for business", ...zeros(3)]);
  });

  it("writes only the header for an empty view", () => {
    expect(readCsv(matrixToCsv(view("q=nobody")))).toHaveLength(1);
  });

  it("writes the full matrix when given the Matrix itself (the /data/ file)", () => {
    const csv = matrixToCsv(matrix);
    expect(csv).toBe(matrixToCsv(matrixView(matrix, defaultViewState(), { mode: MODE_LABELS })));
    expect(
      readCsv(csv)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(matrix.rows.map((row) => row.id));
  });
});

describe("matrixToJson", () => {
  it("holds exactly the view's rows, columns, cells with their case-study ids, and the view's query", () => {
    const json = JSON.parse(matrixToJson(view("country=DK&sort=modes"))) as MatrixJson;
    expect(json.query).toBe("country=DK&sort=modes");
    expect(json.rowKind).toBe("institution");
    expect([json.institutionsShown, json.institutionsTotal]).toEqual([2, 4]);
    expect(json.columns.map((c) => c.id)).toEqual([...MODE_IDS]);
    expect(json.columns[3]).toEqual({ id: "industrial-phd", label: "Industrial PhD" });
    expect(json.rows.map((row) => row.id)).toEqual(["gamma-institute", "delta-agency"]);
    expect(json.rows[0]).toMatchObject({ label: 'Gamma, the "Quoted" Institute', country: "DK", type: "research-organisation", total: 2 });
    expect(json.rows[0]!.cells["industrial-phd"]).toEqual(["gamma-phd"]);
    expect(json.rows[1]!.cells["industrial-phd"]).toEqual([]);
    expect(Object.keys(json.rows[0]!.cells)).toEqual([...MODE_IDS]);
    expect(json.columnTotals["joint-research"]).toBe(1);
    expect(json.rowGroups).toBeUndefined();
  });

  it("keeps the view's group headings", () => {
    const json = JSON.parse(matrixToJson(view("group=country"))) as MatrixJson;
    expect(json.rowGroups).toEqual([
      { id: "AT", label: "Austria", rows: ["beta-fund"] },
      { id: "BE", label: "Belgium", rows: ["alpha-university"] },
      { id: "DK", label: "Denmark", rows: ["delta-agency", "gamma-institute"] },
    ]);
    const transposed = JSON.parse(matrixToJson(view("group=country&view=transposed"))) as MatrixJson;
    expect(transposed.rowKind).toBe("mode");
    expect(transposed.columnGroups?.map((g) => g.columns)).toEqual([
      ["beta-fund"],
      ["alpha-university"],
      ["delta-agency", "gamma-institute"],
    ]);
  });

  it("agrees with the CSV on every row and cell", () => {
    for (const query of ["", "view=transposed", "gap=industrial-phd&group=type", "status=pilot"]) {
      const shown = view(query);
      const json = JSON.parse(matrixToJson(shown)) as MatrixJson;
      const csv = readCsv(matrixToCsv(shown));
      const first = shown.rowKind === "institution" ? 4 : 2;
      expect(csv.slice(1).map((row) => row[0])).toEqual(json.rows.map((row) => row.id));
      json.rows.forEach((row, r) =>
        json.columns.forEach((column, c) => expect(csv[r + 1]![first + c]).toBe(String(row.cells[column.id]!.length))),
      );
    }
  });

  it("exports the full matrix when given the Matrix itself", () => {
    const json = JSON.parse(matrixToJson(matrix)) as MatrixJson;
    expect(json.query).toBe("");
    expect(json.rows).toHaveLength(matrix.rows.length);
    expect(json.columns.map((c) => c.label)).toEqual(MODE_IDS.map((mode) => MODE_LABELS[mode]));
  });
});
