/**
 * CSV and JSON forms of a matrix view: exactly its rows and columns, in display order. The matrix
 * page's "Download this view" uses them in the browser; the /data/ files use them on the full
 * matrix (pass the Matrix itself, or its default view). Ids are the stable keys; a cell holds the
 * number of case studies behind it (CSV) or their ids (JSON).
 */
import { MODE_LABELS } from "../schemas/vocabularies";
import type { Matrix } from "./matrix";
import { defaultViewState, matrixView, serializeViewState, type MatrixView, type ViewGroup } from "./matrix-view";

function asView(input: MatrixView | Matrix): MatrixView {
  return "rowKind" in input ? input : matrixView(input, defaultViewState(), { mode: MODE_LABELS });
}

/** One CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a quote or a line break. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The view as CSV (RFC 4180, CRLF line ends). Institution rows:
 * `institution_id,institution,country,type,<mode ids…>,modes`; transposed (mode rows):
 * `mode_id,mode,<institution ids…>,institutions`. Each cell is its number of case studies (0 = empty).
 */
export function matrixToCsv(input: MatrixView | Matrix): string {
  const view = asView(input);
  const institutions = view.rowKind === "institution";
  const header = institutions
    ? ["institution_id", "institution", "country", "type", ...view.columns.map((c) => c.id), "modes"]
    : ["mode_id", "mode", ...view.columns.map((c) => c.id), "institutions"];
  const lines = view.rows.map((row) => [
    row.id,
    row.label,
    ...(institutions ? [row.country ?? "", row.type ?? ""] : []),
    ...row.cells.map((cell) => cell.length),
    row.total,
  ]);
  return [header, ...lines].map((line) => line.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** The shape of matrixToJson's output. */
export interface MatrixJson {
  /** The view's query string on /matrix/ ("" for the full matrix). */
  query: string;
  /** What the rows are. */
  rowKind: "institution" | "mode";
  institutionsShown: number;
  institutionsTotal: number;
  columns: { id: string; label: string }[];
  rows: {
    id: string;
    label: string;
    country?: string;
    type?: string;
    /** Case-study ids per column id; [] is an empty cell. */
    cells: Record<string, string[]>;
    total: number;
  }[];
  /** Filled cells per column id. */
  columnTotals: Record<string, number>;
  /** Headings the rows or columns are grouped under, when the view groups them. */
  rowGroups?: { id: string; label: string; rows: string[] }[];
  columnGroups?: { id: string; label: string; columns: string[] }[];
}

/** A view's group headings with the ids under each, or undefined when it has none. */
function headings(groups: readonly ViewGroup<{ id: string }>[]): { id: string; label: string; ids: string[] }[] | undefined {
  if (!groups.some((group) => group.label !== "")) return undefined;
  return groups.map((group) => ({ id: group.id, label: group.label, ids: group.items.map((item) => item.id) }));
}

/** The view as a JSON document (see MatrixJson), indented for people who open it. */
export function matrixToJson(input: MatrixView | Matrix): string {
  const view = asView(input);
  const rowGroups = headings(view.rowGroups);
  const columnGroups = headings(view.columnGroups);
  const json: MatrixJson = {
    query: serializeViewState(view.state),
    rowKind: view.rowKind,
    institutionsShown: view.shown,
    institutionsTotal: view.total,
    columns: view.columns.map((column) => ({ id: column.id, label: column.label })),
    rows: view.rows.map((row) => ({
      id: row.id,
      label: row.label,
      ...(row.country !== undefined && { country: row.country }),
      ...(row.type !== undefined && { type: row.type }),
      cells: Object.fromEntries(view.columns.map((column, index) => [column.id, row.cells[index] ?? []])),
      total: row.total,
    })),
    columnTotals: Object.fromEntries(view.columns.map((column, index) => [column.id, view.columnTotals[index] ?? 0])),
    ...(rowGroups && { rowGroups: rowGroups.map(({ ids, ...group }) => ({ ...group, rows: ids })) }),
    ...(columnGroups && { columnGroups: columnGroups.map(({ ids, ...group }) => ({ ...group, columns: ids })) }),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
