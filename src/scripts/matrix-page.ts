/**
 * The matrix page's script: filters, sorts, groups, transposes and gap-views the server-rendered
 * table, keeps the whole state in the URL (back/forward restore it), announces the result count,
 * and downloads exactly the view shown. It reads the matrix from the table's data-* attributes, so
 * the data is in the page once. It keeps one row and one card per institution and toggles `hidden`
 * on them, moving nodes only when the order or grouping changes (src/utils/matrix-slice.ts), and it
 * renders at most a page of institutions at a time (more on request), so a re-filter of thousands of
 * institutions costs a small style and layout, not one of every row. Downloads hold the whole view.
 * Budget: ≤ 8 KB gzip (tests/e2e/matrix-budget.spec.ts).
 */
import { matrixToCsv, matrixToJson } from "../utils/matrix-export";
import {
  COMPARE_MAX,
  matrixView,
  parseViewState,
  serializeViewState,
  viewFacetCounts,
  type MatrixLabels,
  type MatrixView,
} from "../utils/matrix-view";
import {
  MATRIX_PAGE_SIZE,
  fullLayout,
  nextStep,
  planLayout,
  sliceView,
  visibilityChanges,
  type Layout,
  type MatrixSlice,
} from "../utils/matrix-slice";
import type { Matrix, MatrixRow } from "../utils/matrix";
import type { FacetKey } from "../utils/filters";
import { MODE_IDS, type ModeId } from "../schemas/vocabularies";

function all<T extends Element>(root: ParentNode, selector: string): T[] {
  return [...root.querySelectorAll<T>(selector)];
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = "", text = ""): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

const words = (value: string | undefined) => (value ?? "").split(" ").filter(Boolean);

/** Rebuilds the Matrix from the table: one row per tr[data-row], case-study ids per td[data-cs]. */
function readMatrix(table: HTMLTableElement): Matrix {
  const rows = all<HTMLTableRowElement>(table, "tbody tr[data-row]").map((tr) => {
    const data = tr.dataset;
    const cells = Object.fromEntries(
      MODE_IDS.map((mode) => [mode, words(tr.querySelector<HTMLElement>(`[data-cell="${mode}"]`)?.dataset["cs"])]),
    );
    return {
      id: data["row"],
      name: data["name"],
      shortName: data["short"],
      country: data["country"],
      type: data["type"],
      cells,
      audiences: words(data["audience"]),
      statuses: words(data["status"]),
      modeCount: MODE_IDS.filter((mode) => cells[mode]!.length > 0).length,
    } as unknown as MatrixRow;
  });
  const columnTotals = Object.fromEntries(MODE_IDS.map((mode) => [mode, rows.filter((row) => row.cells[mode].length > 0).length]));
  return { modes: MODE_IDS, rows, columnTotals: columnTotals as Matrix["columnTotals"] };
}

/** A heading row for a group of rows, spanning the table, and the element that holds its text. */
function groupHead(span: number, label = ""): [HTMLTableRowElement, HTMLElement] {
  const tr = el("tr", "border-b border-line bg-sunken");
  const th = el("th", "px-3 py-1.5 text-left font-semibold");
  const text = el("span", "sticky left-3", label);
  th.scope = "rowgroup";
  th.colSpan = span;
  th.append(text);
  tr.append(th);
  return [tr, text];
}

/** The nodes of one group: its table body and card list, and their headings when the view is grouped. */
interface GroupNodes {
  body: HTMLElement;
  list: HTMLElement;
  heads: HTMLElement[];
}

export function initMatrixPage(): void {
  const page = document.querySelector<HTMLElement>("[data-matrix-page]");
  const foundTable = page?.querySelector<HTMLTableElement>("table[data-matrix]");
  const foundForm = page?.querySelector<HTMLFormElement>("[data-matrix-form]");
  if (!page || !foundTable || !foundForm) return;
  // Re-declared so the functions below (hoisted, so not narrowed) see them as present.
  const table: HTMLTableElement = foundTable;
  const form: HTMLFormElement = foundForm;
  const one = <T extends HTMLElement>(name: string) => page.querySelector<T>(`[data-matrix-${name}]`)!;
  const status = one("status");
  const tableWrap = one("table");
  const transposedWrap = one("transposed");
  const cards = one("cards");
  const compare = one("compare");
  const caption = table.caption!;
  const foot = table.tFoot!;
  const matrix = readMatrix(table);
  const rowEls = new Map(all<HTMLTableRowElement>(table, "tr[data-row]").map((tr) => [tr.dataset["row"]!, tr]));
  const cardEls = new Map(all<HTMLElement>(cards, "[data-card]").map((li) => [li.dataset["card"]!, li]));
  const modeHeads = new Map(all<HTMLElement>(table, "th[data-mode-col]").map((th) => [th.dataset["modeCol"] as ModeId, th]));
  const checkboxes = all<HTMLInputElement>(form, "input[type=checkbox][data-label]");
  const countEls = checkboxes.map((input) => [input, input.closest("label")!.querySelector("[data-matrix-count]")!] as const);
  const width = MODE_IDS.length + 2;
  const more = one("more");
  const [moreButton, allButton] = all<HTMLButtonElement>(more, "button");
  const pageSize = Number(page.dataset["matrixPageSize"]) || MATRIX_PAGE_SIZE;
  const fmt = (n: number) => n.toLocaleString("en");

  const byValue = (name: string) =>
    Object.fromEntries(checkboxes.filter((input) => input.name === name).map((input) => [input.value, input.dataset["label"]!]));
  const labels: MatrixLabels = {
    mode: Object.fromEntries([...modeHeads].map(([mode, th]) => [mode, th.querySelector("a")!.textContent!.trim()])),
    family: Object.fromEntries([...modeHeads].map(([mode, th]) => [mode, th.dataset["family"]!])),
    country: byValue("country"),
    type: byValue("type"),
  };

  let state = parseViewState(location.search);
  let view: MatrixView;
  let typing = false;
  let limit = pageSize;
  // As the server renders them: every row and card, by name, in one table body and one list.
  let layout: Layout = [{ id: "", label: "", ids: [...rowEls.keys()] }];
  let groups = new Map<string, GroupNodes>([["", { body: table.tBodies[0]!, list: cards.querySelector("ul")!, heads: [] }]]);
  let rendered = new Set(rowEls.keys());

  const readForm = () => parseViewState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));

  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;

  function setControls(): void {
    for (const input of checkboxes) input.checked = state.filters[input.name as FacetKey]?.includes(input.value) ?? false;
    field("q").value = state.filters.q;
    field("sort").value = state.sort;
    field("group").value = state.group;
    field("gap").value = state.gap;
    field("view").checked = state.transposed;
    for (const details of all<HTMLDetailsElement>(form, "[data-matrix-facet]")) {
      if (state.filters[details.dataset["matrixFacet"] as FacetKey].length > 0) details.open = true;
    }
  }

  /** Moves every row and card into a new layout: built off-page, then put in with one insertion each. */
  function move(next: Layout): void {
    const bodies = document.createDocumentFragment();
    const lists = document.createDocumentFragment();
    groups = new Map();
    for (const group of next) {
      const nodes: GroupNodes = { body: el("tbody"), list: el("ul", "grid gap-3"), heads: [] };
      if (group.label) {
        const [tr, text] = groupHead(width);
        const title = el("h3", "mt-4 mb-2 font-semibold");
        nodes.body.append(tr);
        lists.append(title);
        nodes.heads.push(text, title);
      }
      nodes.body.append(...group.ids.map((id) => rowEls.get(id)!));
      nodes.list.append(...group.ids.map((id) => cardEls.get(id)!));
      bodies.append(nodes.body);
      lists.append(nodes.list);
      groups.set(group.id, nodes);
    }
    for (const body of [...table.tBodies]) body.remove();
    foot.before(bodies);
    cards.replaceChildren(lists);
    layout = next;
  }

  /** Shows the slice's rows and cards and hides the rest, touching only those that change; returns the ids newly shown. */
  function showSlice(slice: MatrixSlice): string[] {
    const next = planLayout(layout, slice.groups, () => fullLayout(matrix, state, labels));
    if (next) move(next);
    const ids = new Set(slice.groups.flatMap((group) => group.ids));
    const { show, hide } = visibilityChanges(rendered, ids);
    for (const id of hide) rowEls.get(id)!.hidden = cardEls.get(id)!.hidden = true;
    for (const id of show) rowEls.get(id)!.hidden = cardEls.get(id)!.hidden = false;
    rendered = ids;
    const shownGroups = new Map(slice.groups.map((group) => [group.id, group]));
    for (const [id, nodes] of groups) {
      const group = shownGroups.get(id);
      for (const node of [nodes.body, nodes.list, ...nodes.heads]) node.hidden = !group;
      if (group) for (const head of nodes.heads) head.textContent = `${group.label} (${fmt(group.size)})`;
    }
    return show;
  }

  function renderTotals(): void {
    view.columns.forEach(
      (column, index) => (foot.querySelector(`[data-total="${column.id}"]`)!.textContent = String(view.columnTotals[index])),
    );
    for (const [mode, th] of modeHeads) {
      const gap = mode === state.gap;
      th.querySelector<HTMLElement>("[data-gap-mark]")!.hidden = !gap;
      table.querySelector(`col[data-col="${mode}"]`)!.classList.toggle("bg-warn-soft", gap);
    }
  }

  /**
   * Modes as rows: built from clones of the table's own headers and cells, so the two never differ;
   * the columns are the slice's institutions, the totals those of the whole view.
   */
  function renderTransposed(slice: MatrixSlice): void {
    const columns = view.columns.slice(0, slice.rendered);
    const out = el("table", "matrix w-full border-collapse text-sm");
    Object.assign(out.createCaption(), { className: "px-3 py-2 text-left text-muted", textContent: caption.textContent });
    const head = out.createTHead();
    const grouped = !!slice.groups[0]?.label;
    const top = grouped ? "top-7" : "top-0";
    const headCell = (text: string, extra = "") =>
      Object.assign(el("th", `sticky ${top} z-20 border-b border-line bg-surface px-2 py-2 align-bottom ${extra}`, text), { scope: "col" });
    if (grouped) {
      const tr = head.insertRow();
      tr.append(el("td", "sticky top-0 left-0 z-30 bg-surface"));
      for (const group of slice.groups) {
        const th = Object.assign(
          el("th", "sticky top-0 z-20 border-x border-line bg-sunken px-2 py-1 text-xs font-semibold", group.label),
          { scope: "colgroup", colSpan: group.ids.length },
        );
        tr.append(th);
      }
      tr.append(el("td", "sticky top-0 z-20 bg-surface"));
    }
    const names = head.insertRow();
    names.append(headCell("Mode", "left-0 z-30 px-3 text-left"));
    for (const column of columns) {
      const th = headCell("", "min-w-[5rem]");
      const link = el("a", "", rowEls.get(column.id)!.dataset["short"]);
      link.href = `/institutions/${column.id}/`;
      link.title = column.label;
      th.append(link);
      names.append(th);
    }
    names.append(headCell("Institutions"));
    const span = columns.length + 2;
    for (const group of view.rowGroups) {
      const body = out.createTBody();
      if (group.label) body.append(groupHead(span, `${group.label} (${group.items.length})`)[0]);
      for (const row of group.items) {
        const tr = body.insertRow();
        tr.className = "border-b border-line hover:bg-sunken";
        const th = Object.assign(el("th", "sticky left-0 z-10 bg-surface px-3 py-2 text-left font-normal"), { scope: "row" });
        th.append(
          modeHeads
            .get(row.id as ModeId)!
            .querySelector("a")!
            .cloneNode(true),
        );
        if (row.id === state.gap) th.append(el("span", "mt-1 block text-xs font-semibold text-warn", "Gap view: missing"));
        tr.append(th, ...columns.map((column) => rowEls.get(column.id)!.querySelector(`[data-cell="${row.id}"]`)!.cloneNode(true)));
        tr.append(el("td", "px-2 py-2 text-center font-semibold", String(row.total)));
      }
    }
    const total = out.createTFoot().insertRow();
    total.className = "border-t-2 border-line";
    total.append(Object.assign(el("th", "sticky left-0 z-10 bg-surface px-3 py-2 text-left", "Modes per institution"), { scope: "row" }));
    total.append(
      ...view.columnTotals.slice(0, slice.rendered).map((n) => el("td", "px-2 py-2 text-center font-semibold", String(n))),
      el("td"),
    );
    transposedWrap.replaceChildren(out);
  }

  /** Puts the state's view on the page; returns the institutions newly shown. */
  function render(): string[] {
    view = matrixView(matrix, state, labels);
    const slice = sliceView(view, limit);
    const counts = viewFacetCounts(matrix.rows, state);
    for (const [input, count] of countEls) {
      const text = `(${counts[input.name as FacetKey][input.value] ?? 0})`;
      if (count.textContent !== text) count.textContent = text;
    }
    for (const details of all<HTMLElement>(form, "[data-matrix-facet]")) {
      const chosen = state.filters[details.dataset["matrixFacet"] as FacetKey].length;
      details.querySelector("[data-matrix-chosen]")!.textContent = chosen > 0 ? ` · ${chosen} chosen` : "";
    }
    const gapMode = labels.mode![state.gap] ?? "";
    const gapLabel = gapMode ? ` without ${gapMode[0]!.toLowerCase()}${gapMode.slice(1)}` : "";
    const institutions = `${fmt(view.shown)} of ${fmt(view.total)} institutions${gapLabel}`;
    const first = slice.rendered < slice.matching ? `the first ${fmt(slice.rendered)}` : "";
    const transposed = state.transposed ? ", modes as rows" : "";
    caption.textContent =
      (state.transposed
        ? `${MODE_IDS.length} engagement modes × ${institutions}`
        : `${institutions} × ${MODE_IDS.length} engagement modes`) + (first && `, ${first} shown`);
    status.textContent =
      view.shown === 0
        ? "No institution matches this view: clear a filter or two."
        : first
          ? `${institutions} match; showing ${first}${transposed}.`
          : `Showing ${institutions}${transposed}.`;
    const shown = showSlice(slice);
    if (!state.transposed) renderTotals();
    tableWrap.hidden = state.transposed;
    transposedWrap.hidden = !state.transposed;
    if (state.transposed) renderTransposed(slice);
    else transposedWrap.replaceChildren();
    const step = nextStep(slice, pageSize);
    more.hidden = step === 0;
    moreButton!.textContent = `Show ${fmt(step)} more`;
    allButton!.textContent = `Show all ${fmt(slice.matching)}`;
    allButton!.hidden = step === slice.matching - slice.rendered;
    const ids = view.rowKind === "institution" ? view.rows.map((row) => row.id) : view.columns.map((column) => column.id);
    const link = el("a", "", "Compare institutions side by side");
    link.href = "/compare/";
    if (ids.length >= 2 && ids.length <= COMPARE_MAX) {
      link.textContent = `Compare these ${ids.length} institutions side by side`;
      link.href = `/compare/?ids=${ids.join(",")}`;
    }
    compare.replaceChildren(link);
    return shown;
  }

  /** Renders `count` more institutions and moves focus to the first of them, wherever it is on screen. */
  function showMore(count: number): void {
    limit += count;
    const id = render()[0];
    const link = [rowEls.get(id!), cardEls.get(id!), transposedWrap]
      .map((root) => root?.querySelector<HTMLElement>(`a[href="/institutions/${id}/"]`))
      .find((a) => a && a.getClientRects().length > 0);
    link?.focus();
  }

  /**
   * The view's address, written to history after the next frame. On this page, with tens of thousands
   * of links, Chromium takes about 8 ms to change the URL (0.5 ms on a small page): half of a filter
   * click's time, and nothing a person sees. An address still waiting is written before the next one.
   */
  let address = location.search.slice(1);
  let pending: { query: string; replace: boolean } | undefined;
  function writeAddress(): void {
    if (pending === undefined) return;
    const { query, replace } = pending;
    pending = undefined;
    history[replace ? "replaceState" : "pushState"](null, "", query ? `?${query}` : location.pathname);
  }

  function commit(next: typeof state, replace = false): void {
    state = next;
    const query = serializeViewState(state);
    // A new view starts at one page again; the number shown is not part of the view (nor its URL).
    if (address !== query) {
      limit = pageSize;
      address = query;
      writeAddress();
      pending = { query, replace };
      requestAnimationFrame(() => setTimeout(writeAddress, 0));
    }
    render();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault(); // the view is already up to date; this only ends a typed word's history entry
    typing = false;
    commit(readForm());
  });
  form.addEventListener("input", (event) => {
    if ((event.target as HTMLInputElement).name !== "q") return;
    // A word typed letter by letter is one history entry, not one per letter.
    commit(readForm(), typing);
    typing = true;
  });
  form.addEventListener("change", (event) => {
    typing = false;
    if ((event.target as HTMLInputElement).name === "q") return;
    commit(readForm());
  });
  // Enter toggles a checkbox too (Space does natively), as people expect of filter lists.
  form.addEventListener("keydown", (event) => {
    const target = event.target as HTMLInputElement;
    if (event.key === "Enter" && target.type === "checkbox") {
      event.preventDefault();
      target.click();
    }
  });
  page.querySelector("[data-matrix-clear]")!.addEventListener("click", () => {
    typing = false;
    limit = pageSize;
    commit(parseViewState(""));
    setControls();
  });
  for (const button of all<HTMLButtonElement>(page, "[data-matrix-download]")) {
    button.addEventListener("click", () => {
      const csv = button.dataset["matrixDownload"] === "csv";
      const blob = new Blob([csv ? matrixToCsv(view) : matrixToJson(view)], { type: csv ? "text/csv;charset=utf-8" : "application/json" });
      const link = el("a");
      link.href = URL.createObjectURL(blob);
      link.download = `engagement-atlas-matrix.${csv ? "csv" : "json"}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    });
  }
  moreButton!.addEventListener("click", () => showMore(pageSize));
  allButton!.addEventListener("click", () => showMore(view.shown));
  // The printed matrix is the whole view (src/styles/global.css), not the part rendered on screen.
  addEventListener("beforeprint", () => {
    limit = Infinity;
    render();
  });
  addEventListener("popstate", () => {
    pending = undefined;
    address = location.search.slice(1);
    state = parseViewState(location.search);
    limit = pageSize;
    typing = false;
    setControls();
    render();
  });

  setControls();
  render();
  one("controls").hidden = false;
  one("nojs").hidden = true;
}
