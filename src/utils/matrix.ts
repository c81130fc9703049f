import { MODE_IDS, type InstitutionType, type ModeId, type Status, type Audience } from "../schemas/vocabularies";
import type { CountryCode } from "../schemas/countries";
import type { AtlasInput } from "./atlas";

/** One row of the summary matrix: an institution and, per mode, the case studies that fill the cell. */
export interface MatrixRow {
  id: string;
  name: string;
  shortName: string;
  country: CountryCode;
  type: InstitutionType;
  /** Case-study ids per mode; an empty list is an empty cell. */
  cells: Record<ModeId, string[]>;
  /** Audiences and statuses of its case studies (for filtering rows). */
  audiences: Audience[];
  statuses: Status[];
  /** Number of modes it practises. */
  modeCount: number;
}

export interface Matrix {
  modes: readonly ModeId[];
  rows: MatrixRow[];
  /** Institutions per mode. */
  columnTotals: Record<ModeId, number>;
}

function emptyCells(): Record<ModeId, string[]> {
  return Object.fromEntries(MODE_IDS.map((mode) => [mode, []])) as unknown as Record<ModeId, string[]>;
}

/**
 * Derives the institution × mode matrix from the case studies: a cell is filled exactly when
 * at least one case study links that institution and that mode. Rows are sorted by name.
 */
export function buildMatrix(input: Pick<AtlasInput, "institutions" | "caseStudies">): Matrix {
  const rows = new Map<string, MatrixRow>();
  for (const institution of input.institutions) {
    rows.set(institution.id, {
      id: institution.id,
      name: institution.data.name,
      shortName: institution.data.shortName,
      country: institution.data.country,
      type: institution.data.type,
      cells: emptyCells(),
      audiences: [],
      statuses: [],
      modeCount: 0,
    });
  }
  const caseStudies = [...input.caseStudies].sort((a, b) => a.data.title.localeCompare(b.data.title, "en"));
  for (const caseStudy of caseStudies) {
    const row = rows.get(caseStudy.data.institution);
    if (row === undefined) continue; // checkIntegrity reports dangling institutions before this runs
    for (const mode of caseStudy.data.modes) row.cells[mode].push(caseStudy.id);
    for (const audience of caseStudy.data.audiences) if (!row.audiences.includes(audience)) row.audiences.push(audience);
    if (!row.statuses.includes(caseStudy.data.status)) row.statuses.push(caseStudy.data.status);
  }
  const sorted = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, "en"));
  const columnTotals = Object.fromEntries(MODE_IDS.map((mode) => [mode, 0])) as Record<ModeId, number>;
  for (const row of sorted) {
    row.modeCount = MODE_IDS.filter((mode) => row.cells[mode].length > 0).length;
    for (const mode of MODE_IDS) if (row.cells[mode].length > 0) columnTotals[mode] += 1;
  }
  return { modes: MODE_IDS, rows: sorted, columnTotals };
}

/**
 * The home page's "matrix at a glance": the whole matrix while it is small; past `limit` rows, the
 * `limit` institutions practising the most modes (ties by name), still in name order, with the column
 * totals of the rows shown. `omitted` says how many institutions the full matrix has besides.
 */
export function matrixAtAGlance(matrix: Matrix, limit: number): Matrix & { omitted: number } {
  if (matrix.rows.length <= limit) return { ...matrix, omitted: 0 };
  const keep = new Set(
    [...matrix.rows]
      .sort((a, b) => b.modeCount - a.modeCount || a.name.localeCompare(b.name, "en"))
      .slice(0, limit)
      .map((row) => row.id),
  );
  const rows = matrix.rows.filter((row) => keep.has(row.id));
  const columnTotals = Object.fromEntries(matrix.modes.map((mode) => [mode, rows.filter((row) => row.cells[mode].length > 0).length]));
  return { modes: matrix.modes, rows, columnTotals: columnTotals as Record<ModeId, number>, omitted: matrix.rows.length - rows.length };
}

/** How many institutions the home page's matrix shows at most. */
export const GLANCE_ROWS = 40;
