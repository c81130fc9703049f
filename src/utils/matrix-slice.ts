/**
 * How the matrix page puts a view on screen cheaply when there are thousands of institutions:
 * which institutions it renders (the first MATRIX_PAGE_SIZE of the view, more on request), which
 * nodes change visibility, and whether the nodes must move at all. The page keeps one row and one
 * card per institution and toggles `hidden` on them; it moves nodes only when a view's order or
 * grouping cannot be shown by hiding alone. Pure functions, so src/scripts/matrix-page.ts only
 * applies their answers to the DOM.
 */
import type { Matrix } from "./matrix";
import { defaultViewState, matrixView, type MatrixLabels, type MatrixView, type MatrixViewState, type ViewGroup } from "./matrix-view";

/**
 * Institutions the page renders at first, and how many more each "Show more" adds. The cost of the
 * frame after a re-filter grows with the rows rendered (a table row is about 30 elements): on the
 * benchmark's 2,000 institutions in headless Chromium on a busy 2-core machine, that frame took
 * about 1.1 s with every row, 110–140 ms with 200 rows and 60–65 ms with 100 (median). 100 rows
 * are several screens of the table's scrolling box, as many as a catalogue page usually shows;
 * "Show all" is there for whoever wants the rest. The real matrix (a few dozen institutions) stays
 * under it, so it is never cut. The page reads it from the built page's data-matrix-page-size
 * attribute (set from this constant), which a browser test lowers to exercise the cut.
 */
export const MATRIX_PAGE_SIZE = 100;

/** Institution ids in document order under one heading ("" when the view is not grouped). */
export interface LayoutGroup {
  id: string;
  label: string;
  ids: readonly string[];
}

/** Where the page's institution nodes sit: runs of ids under headings, in document order. */
export type Layout = readonly LayoutGroup[];

/** A group of the rendered part of a view; `size` is the whole group's, for its heading. */
export interface SliceGroup extends LayoutGroup {
  size: number;
}

/** The part of a view the page renders. */
export interface MatrixSlice {
  /** Groups with at least one rendered institution, in display order. */
  groups: SliceGroup[];
  /** Institutions rendered, and institutions in the view. */
  rendered: number;
  matching: number;
}

/** The institution groups of a view: its rows, or its columns when it is transposed. */
export function institutionGroups(view: MatrixView): readonly ViewGroup<{ id: string }>[] {
  return view.rowKind === "institution" ? view.rowGroups : view.columnGroups;
}

/** A view's institutions as a layout (all of them, in display order). */
export function layoutOf(view: MatrixView): Layout {
  return institutionGroups(view).map((group) => ({ id: group.id, label: group.label, ids: group.items.map((item) => item.id) }));
}

/**
 * Every institution in a state's order and grouping, whatever its filters and gap view: the layout
 * the page moves its nodes into when a view needs a move, since any filtered view of the same sort
 * and grouping keeps that order (filters only remove institutions).
 */
export function fullLayout(matrix: Matrix, state: MatrixViewState, labels: MatrixLabels = {}): Layout {
  return layoutOf(matrixView(matrix, { ...defaultViewState(), sort: state.sort, group: state.group }, labels));
}

/** The first `limit` institutions of a view, in display order, with each group's full size. */
export function sliceView(view: MatrixView, limit: number): MatrixSlice {
  const groups: SliceGroup[] = [];
  let left = Math.max(0, limit);
  let matching = 0;
  for (const group of institutionGroups(view)) {
    matching += group.items.length;
    if (left === 0 || group.items.length === 0) continue;
    const ids = group.items.slice(0, left).map((item) => item.id);
    left -= ids.length;
    groups.push({ id: group.id, label: group.label, size: group.items.length, ids });
  }
  return { groups, rendered: Math.min(Math.max(0, limit), matching), matching };
}

/**
 * True when `wanted` can be shown by hiding nodes of `layout` alone: its groups appear in the
 * layout in the same order, and each group's ids appear in that layout group in the same order.
 */
export function fitsLayout(layout: Layout, wanted: Layout): boolean {
  let at = 0;
  for (const group of wanted) {
    while (at < layout.length && layout[at]!.id !== group.id) at += 1;
    const ids = layout[at]?.ids;
    if (ids === undefined) return false;
    let index = 0;
    for (const id of group.ids) {
      while (index < ids.length && ids[index] !== id) index += 1;
      if (index === ids.length) return false;
      index += 1;
    }
    at += 1;
  }
  return true;
}

/** Id of the run that holds the nodes a fallback layout does not place (never a country or a type). */
export const REST_GROUP = "\u0000rest";

/**
 * The layout to move the nodes into, or undefined when the current one already shows `wanted`
 * by hiding (a filter change: filters only remove institutions from an order). `everything` is the
 * same sort and grouping over every institution; laying all nodes out in it means later filter
 * changes move nothing. Should `wanted` not fit it, `wanted` comes first and the rest after it.
 */
export function planLayout(current: Layout, wanted: Layout, everything: () => Layout): Layout | undefined {
  if (fitsLayout(current, wanted)) return undefined;
  const all = everything();
  if (fitsLayout(all, wanted)) return all;
  const placed = new Set(wanted.flatMap((group) => group.ids));
  const rest = all.flatMap((group) => group.ids).filter((id) => !placed.has(id));
  return [...wanted, { id: REST_GROUP, label: "", ids: rest }];
}

/** The nodes to show and to hide to go from one set of rendered ids to the next (nothing else is touched). */
export function visibilityChanges(before: ReadonlySet<string>, after: ReadonlySet<string>): { show: string[]; hide: string[] } {
  return { show: [...after].filter((id) => !before.has(id)), hide: [...before].filter((id) => !after.has(id)) };
}

/** How many institutions the next "Show more" adds: a page, or what is left. */
export function nextStep(slice: MatrixSlice, pageSize: number): number {
  return Math.max(0, Math.min(pageSize, slice.matching - slice.rendered));
}
