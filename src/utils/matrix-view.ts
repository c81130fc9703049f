/**
 * Views of the summary matrix: which institutions a visitor sees (filters and the gap view), in
 * what order (sort), under which headings (group) and which way round (transpose), plus the URL
 * form of all of it. Pure functions over a Matrix, shared by the build (pages, /data/ exports) and
 * the matrix page's browser script, so the server and the browser always agree on a view.
 *
 * URL parameters: the shared filter names of src/utils/filters.ts (mode, country, type, audience,
 * status, q) plus sort=country|modes, group=country|type, view=transposed and gap=<mode id>. Default
 * values are left out, so the plain /matrix/ URL is the default view.
 */
import { INSTITUTION_TYPES, MODE_IDS, type ModeId } from "../schemas/vocabularies";
import type { CountryCode } from "../schemas/countries";
import { facetCounts, matchesFilters, parseFilters, serializeFilters, type FacetKey, type Facets, type FilterState } from "./filters";
import type { Matrix, MatrixRow } from "./matrix";
import type { Atlas } from "./atlas";

/** Row orders: by name, by country (then name), by number of modes (most first, then name). */
export const SORT_KEYS = ["name", "country", "modes"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Row groupings: none, by country, by institution type. */
export const GROUP_KEYS = ["none", "country", "type"] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

/** Everything that decides what the matrix page shows; it round-trips through the URL. */
export interface MatrixViewState {
  filters: FilterState;
  sort: SortKey;
  group: GroupKey;
  /** Modes as rows and institutions as columns. */
  transposed: boolean;
  /** Gap view: only institutions where this mode is missing ("" = off). */
  gap: ModeId | "";
}

/** The default view: every institution, by name, institutions as rows. */
export function defaultViewState(): MatrixViewState {
  return { filters: parseFilters(""), sort: "name", group: "none", transposed: false, gap: "" };
}

function pick<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Reads a view from a query string; unknown or malformed values fall back to the default. */
export function parseViewState(search: string | URLSearchParams): MatrixViewState {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  return {
    filters: parseFilters(params),
    sort: pick(SORT_KEYS, params.get("sort"), "name"),
    group: pick(GROUP_KEYS, params.get("group"), "none"),
    transposed: params.get("view") === "transposed",
    gap: pick<ModeId | "">(MODE_IDS, params.get("gap"), ""),
  };
}

/** Writes a view as a query string (without "?"), leaving defaults out; "" is the default view. */
export function serializeViewState(state: MatrixViewState): string {
  return serializeFilters(state.filters, {
    sort: state.sort === "name" ? undefined : state.sort,
    group: state.group === "none" ? undefined : state.group,
    view: state.transposed ? "transposed" : undefined,
    gap: state.gap,
  });
}

/** The modes an institution practises, in the toolkit's order. */
export function modesOf(row: MatrixRow): ModeId[] {
  return MODE_IDS.filter((mode) => row.cells[mode].length > 0);
}

// Rows do not change once built, so their facets are computed once: re-filtering thousands of
// rows on every keystroke must fit in an animation frame.
const facetCache = new WeakMap<MatrixRow, Facets>();

/** What a row offers to the shared filters; the text filter looks in the full and the short name. */
export function rowFacets(row: MatrixRow): Facets {
  let facets = facetCache.get(row);
  if (facets === undefined) {
    facets = {
      mode: modesOf(row),
      country: [row.country],
      type: [row.type],
      audience: row.audiences,
      status: row.statuses,
      text: `${row.name} ${row.shortName}`,
    };
    facetCache.set(row, facets);
  }
  return facets;
}

function passesGap(row: MatrixRow, gap: ModeId | ""): boolean {
  return gap === "" || row.cells[gap].length === 0;
}

/** The rows a view keeps: every filter (OR within a group, AND across groups) and the gap view. */
export function filterRows(rows: readonly MatrixRow[], state: MatrixViewState): MatrixRow[] {
  return rows.filter((row) => passesGap(row, state.gap) && matchesFilters(rowFacets(row), state.filters));
}

/**
 * How many institutions each filter option would show in this view (the usual faceted count:
 * a group's options are counted against the other groups only). The gap view narrows all counts.
 */
export function viewFacetCounts(rows: readonly MatrixRow[], state: MatrixViewState): Record<FacetKey, Record<string, number>> {
  return facetCounts(rows.filter((row) => passesGap(row, state.gap)).map(rowFacets), state.filters);
}

/** Display names the view needs; anything missing falls back to the id (as data files do). */
export interface MatrixLabels {
  mode?: Partial<Record<string, string>>;
  country?: Partial<Record<string, string>>;
  type?: Partial<Record<string, string>>;
  /** Family label of each mode, to group the modes when they are the rows. */
  family?: Partial<Record<string, string>>;
}

const collator = new Intl.Collator("en");

function label(map: Partial<Record<string, string>> | undefined, id: string): string {
  return map?.[id] ?? id;
}

/** Each row's place in name order (ties broken by id), for sorting with number comparisons. */
export function nameRanks(rows: readonly MatrixRow[]): Map<MatrixRow, number> {
  const sorted = [...rows].sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.id, b.id));
  return new Map(sorted.map((row, index) => [row, index]));
}

// Name ranks of a whole matrix, computed once: a locale-aware string comparison per pair is the slow
// part of sorting, and any subset of the rows keeps the whole set's name order.
const rankCache = new WeakMap<readonly MatrixRow[], Map<MatrixRow, number>>();

/** Rows in the chosen order; ties are broken by name, so the order is always the same. */
export function sortRows(rows: readonly MatrixRow[], sort: SortKey, labels: MatrixLabels = {}, ranks = nameRanks(rows)): MatrixRow[] {
  const byName = (a: MatrixRow, b: MatrixRow) => ranks.get(a)! - ranks.get(b)!;
  if (sort === "name") return [...rows].sort(byName);
  if (sort === "modes") return [...rows].sort((a, b) => b.modeCount - a.modeCount || byName(a, b));
  const countries = [...new Set(rows.map((row) => row.country))].sort((a, b) =>
    collator.compare(label(labels.country, a), label(labels.country, b)),
  );
  const place = new Map(countries.map((country, index) => [country, index]));
  return [...rows].sort((a, b) => place.get(a.country)! - place.get(b.country)! || byName(a, b));
}

/** A run of rows (or columns) under one heading; `id` and `label` are "" when the view is not grouped. */
export interface ViewGroup<T> {
  id: string;
  label: string;
  items: T[];
}

/**
 * Splits sorted rows into groups, keeping the order within each group. Countries are ordered by
 * name, types in the vocabulary's order; empty groups are left out.
 */
export function groupRows(rows: readonly MatrixRow[], group: GroupKey, labels: MatrixLabels = {}): ViewGroup<MatrixRow>[] {
  if (group === "none") return [{ id: "", label: "", items: [...rows] }];
  const groups = new Map<string, ViewGroup<MatrixRow>>();
  for (const row of rows) {
    const id = group === "country" ? row.country : row.type;
    let found = groups.get(id);
    if (found === undefined) {
      found = { id, label: label(group === "country" ? labels.country : labels.type, id), items: [] };
      groups.set(id, found);
    }
    found.items.push(row);
  }
  const order =
    group === "country"
      ? (a: ViewGroup<MatrixRow>, b: ViewGroup<MatrixRow>) => collator.compare(a.label, b.label)
      : (a: ViewGroup<MatrixRow>, b: ViewGroup<MatrixRow>) =>
          INSTITUTION_TYPES.indexOf(a.id as MatrixRow["type"]) - INSTITUTION_TYPES.indexOf(b.id as MatrixRow["type"]);
  return [...groups.values()].sort(order);
}

/** One column of a view: a mode, or an institution when the view is transposed. */
export interface ViewColumn {
  id: string;
  label: string;
}

/** One row of a view: an institution (with its country and type), or a mode when transposed. */
export interface ViewRow {
  id: string;
  label: string;
  /** Set on institution rows. */
  country?: CountryCode;
  type?: MatrixRow["type"];
  /** Case-study ids behind each cell, aligned with the view's columns; [] is an empty cell. */
  cells: string[][];
  /** Filled cells in the row. */
  total: number;
}

/** Exactly what the matrix page shows for a state: the rows, the columns, their headings and totals. */
export interface MatrixView {
  state: MatrixViewState;
  /** What the rows are: institutions, or modes when transposed. */
  rowKind: "institution" | "mode";
  rowGroups: ViewGroup<ViewRow>[];
  columnGroups: ViewGroup<ViewColumn>[];
  /** The rows and columns in display order (the groups flattened). */
  rows: ViewRow[];
  columns: ViewColumn[];
  /** Filled cells per column. */
  columnTotals: number[];
  /** Institutions in the view, and in the whole matrix. */
  shown: number;
  total: number;
}

function flatten<T>(groups: readonly ViewGroup<T>[]): T[] {
  return groups.flatMap((group) => group.items);
}

function totals(rows: readonly ViewRow[], width: number): number[] {
  const sums: number[] = Array.from({ length: width }, () => 0);
  for (const row of rows) row.cells.forEach((cell, index) => (sums[index]! += cell.length > 0 ? 1 : 0));
  return sums;
}

function institutionRow(row: MatrixRow, modes: readonly ModeId[]): ViewRow {
  const cells = modes.map((mode) => row.cells[mode]);
  return { id: row.id, label: row.name, country: row.country, type: row.type, cells, total: cells.filter((c) => c.length > 0).length };
}

/**
 * Swaps the axes of grouped institution rows: the modes become the rows (grouped by family when
 * labels.family is given) and the institutions the columns, keeping their order and groups.
 */
export function transpose(
  groups: readonly ViewGroup<MatrixRow>[],
  modes: readonly ModeId[],
  labels: MatrixLabels = {},
): {
  rowGroups: ViewGroup<ViewRow>[];
  columnGroups: ViewGroup<ViewColumn>[];
} {
  const institutions = flatten(groups);
  const columnGroups = groups.map((group) => ({
    id: group.id,
    label: group.label,
    items: group.items.map((row) => ({ id: row.id, label: row.name })),
  }));
  const rowGroups: ViewGroup<ViewRow>[] = [];
  for (const mode of modes) {
    const family = labels.family?.[mode] ?? "";
    const cells = institutions.map((row) => row.cells[mode]);
    const row: ViewRow = { id: mode, label: label(labels.mode, mode), cells, total: cells.filter((c) => c.length > 0).length };
    const last = rowGroups.at(-1);
    if (last !== undefined && last.id === family) last.items.push(row);
    else rowGroups.push({ id: family, label: family, items: [row] });
  }
  return { rowGroups, columnGroups };
}

/** Computes the view a state asks for: filter, sort, group, then transpose if asked. */
export function matrixView(matrix: Matrix, state: MatrixViewState, labels: MatrixLabels = {}): MatrixView {
  let ranks = rankCache.get(matrix.rows);
  if (ranks === undefined) rankCache.set(matrix.rows, (ranks = nameRanks(matrix.rows)));
  const kept = sortRows(filterRows(matrix.rows, state), state.sort, labels, ranks);
  const groups = groupRows(kept, state.group, labels);
  let rowGroups: ViewGroup<ViewRow>[];
  let columnGroups: ViewGroup<ViewColumn>[];
  if (state.transposed) {
    ({ rowGroups, columnGroups } = transpose(groups, matrix.modes, labels));
  } else {
    rowGroups = groups.map((group) => ({ ...group, items: group.items.map((row) => institutionRow(row, matrix.modes)) }));
    columnGroups = [{ id: "", label: "", items: matrix.modes.map((mode) => ({ id: mode, label: label(labels.mode, mode) })) }];
  }
  const rows = flatten(rowGroups);
  const columns = flatten(columnGroups);
  return {
    state,
    rowKind: state.transposed ? "mode" : "institution",
    rowGroups,
    columnGroups,
    rows,
    columns,
    columnTotals: totals(rows, columns.length),
    shown: kept.length,
    total: matrix.rows.length,
  };
}

/** At most this many institutions fit side by side on the compare page. */
export const COMPARE_MAX = 4;

/** Reads the compare selection (?ids=a,b or repeated ids=): known ids only, no repeats, at most four. */
export function parseCompareIds(search: string | URLSearchParams, known: readonly string[]): string[] {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const ids = params
    .getAll("ids")
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter((id, index, all) => id !== "" && known.includes(id) && all.indexOf(id) === index);
  return ids.slice(0, COMPARE_MAX);
}

/** Writes the compare selection as a query string (without "?"), in the order chosen. */
export function serializeCompareIds(ids: readonly string[]): string {
  return ids.length === 0 ? "" : `ids=${ids.map(encodeURIComponent).join(",")}`;
}

/** True when the values are not all the same (a row the compare page highlights). */
export function differs(values: readonly string[]): boolean {
  return values.some((value) => value !== values[0]);
}

/** What the compare page needs about one institution (served as /compare/data/<id>.json). */
export interface CompareEntry {
  id: string;
  name: string;
  shortName: string;
  country: CountryCode;
  type: MatrixRow["type"];
  city?: string;
  founded?: number;
  website: string;
  /** Modes it practises, in the toolkit's order. */
  modes: ModeId[];
  caseStudies: {
    id: string;
    title: string;
    modes: ModeId[];
    status: MatrixRow["statuses"][number];
    started: number;
    ended?: number;
    keyFigures: { label: string; value: string; year: number; source: string; note?: string }[];
  }[];
}

/** The compare data of one institution, from the resolved atlas (no labels: the page adds them). */
export function compareEntry(atlas: Pick<Atlas, "institution" | "caseStudy">, id: string): CompareEntry {
  const institution = atlas.institution(id);
  const { data } = institution;
  return {
    id,
    name: data.name,
    shortName: data.shortName,
    country: data.country,
    type: data.type,
    ...(data.city !== undefined && { city: data.city }),
    ...(data.founded !== undefined && { founded: data.founded }),
    website: data.website,
    modes: institution.modeIds,
    caseStudies: institution.caseStudyIds.map((caseStudyId) => {
      const caseStudy = atlas.caseStudy(caseStudyId).data;
      return {
        id: caseStudyId,
        title: caseStudy.title,
        modes: caseStudy.modes,
        status: caseStudy.status,
        started: caseStudy.started,
        ...(caseStudy.ended !== undefined && { ended: caseStudy.ended }),
        keyFigures: caseStudy.keyFigures.map((figure) => ({
          label: figure.label,
          value: figure.value,
          year: figure.year,
          source: figure.source,
          ...(figure.note !== undefined && { note: figure.note }),
        })),
      };
    }),
  };
}
