/**
 * The compare page: reads ?ids=a,b (2–4 institutions) and ?only=differences, fetches each
 * institution's /compare/data/<id>.json and renders them side by side, marking rows that differ
 * with the word "Differs" (not colour alone). The selection lives in the URL; back/forward restore it.
 */
import { COMPARE_MAX, differs, parseCompareIds, serializeCompareIds, type CompareEntry } from "../utils/matrix-view";
import { INSTITUTION_TYPE_LABELS, MODE_IDS, MODE_LABELS, STATUS_LABELS } from "../schemas/vocabularies";
import { countryName } from "../schemas/countries";
import { formatYears, plural } from "../utils/format";

type Content = string | Node;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = "", ...children: Content[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}

function link(href: string, text: string, className = ""): HTMLAnchorElement {
  const a = el("a", className, text);
  a.href = href;
  if (href.startsWith("https:")) a.rel = "external noopener";
  return a;
}

/** "A", "A and B", "A, B and C". */
function list(names: readonly string[]): string {
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** One row of the comparison: what it shows per institution, and what is compared to find differences. */
interface CompareRow {
  label: string;
  cells: Content[];
  /** Compared values; rows without them (lists of case studies, figures) are never marked. */
  keys?: string[];
}

function rowsFor(entries: readonly CompareEntry[]): { heading: string; rows: CompareRow[] }[] {
  const dash = "—";
  const profile: CompareRow[] = [
    { label: "Country", cells: entries.map((e) => countryName(e.country)), keys: entries.map((e) => e.country) },
    { label: "Type", cells: entries.map((e) => INSTITUTION_TYPE_LABELS[e.type]), keys: entries.map((e) => e.type) },
    { label: "City", cells: entries.map((e) => e.city ?? dash), keys: entries.map((e) => e.city ?? "") },
    { label: "Founded", cells: entries.map((e) => String(e.founded ?? dash)), keys: entries.map((e) => String(e.founded ?? "")) },
    { label: "Modes practised", cells: entries.map((e) => String(e.modes.length)), keys: entries.map((e) => String(e.modes.length)) },
    {
      label: "Case studies",
      cells: entries.map((e) => String(e.caseStudies.length)),
      keys: entries.map((e) => String(e.caseStudies.length)),
    },
  ];
  const modes: CompareRow[] = MODE_IDS.map((mode) => ({
    label: MODE_LABELS[mode],
    cells: entries.map((entry) => {
      const count = entry.caseStudies.filter((caseStudy) => caseStudy.modes.includes(mode)).length;
      return count > 0
        ? link(`/matrix/${entry.id}/${mode}/`, `✓ Yes, ${plural(count, "case study", "case studies")}`, "font-semibold text-tick")
        : el("span", "text-muted", "✗ No");
    }),
    keys: entries.map((entry) => String(entry.modes.includes(mode))),
  }));
  const caseStudies: CompareRow = {
    label: "Programmes",
    cells: entries.map((entry) =>
      el(
        "ul",
        "space-y-1",
        ...entry.caseStudies.map((caseStudy) =>
          el(
            "li",
            "",
            link(`/case-studies/${caseStudy.id}/`, caseStudy.title),
            el(
              "span",
              "block text-xs text-muted",
              `${STATUS_LABELS[caseStudy.status]} · ${formatYears(caseStudy.started, caseStudy.ended, caseStudy.status)}`,
            ),
          ),
        ),
      ),
    ),
  };
  const figures: CompareRow = {
    label: "Key figures",
    cells: entries.map((entry) => {
      const all = entry.caseStudies.flatMap((caseStudy) => caseStudy.keyFigures);
      if (all.length === 0) return el("span", "text-muted", "None recorded");
      return el(
        "ul",
        "space-y-1",
        ...all.map((figure) =>
          el("li", "", el("strong", "", figure.value), ` ${figure.label} (${figure.year}) `, link(figure.source, "source", "text-sm")),
        ),
      );
    }),
  };
  return [
    { heading: "Profile", rows: profile },
    { heading: "Engagement modes", rows: modes },
    { heading: "Case studies", rows: [caseStudies, figures] },
  ];
}

export function initComparePage(): void {
  const page = document.querySelector<HTMLElement>("[data-compare-page]");
  const foundForm = page?.querySelector<HTMLFormElement>("[data-compare-form]");
  if (!page || !foundForm) return;
  const form: HTMLFormElement = foundForm;
  const one = <T extends HTMLElement>(name: string) => page.querySelector<T>(`[data-compare-${name}]`)!;
  const status = one("status");
  const result = one("result");
  const limit = one("limit");
  const find = one<HTMLInputElement>("find");
  const boxes = [...form.querySelectorAll<HTMLInputElement>("input[name=ids]")];
  const only = form.querySelector<HTMLInputElement>("input[name=only]")!;
  const known = boxes.map((box) => box.value);
  const names = new Map(boxes.map((box) => [box.value, box.dataset["name"]!]));
  const cache = new Map<string, Promise<CompareEntry>>();
  const load = (id: string) => {
    let entry = cache.get(id);
    if (entry === undefined) {
      entry = fetch(`/compare/data/${id}.json`).then((response) => {
        if (!response.ok) throw new Error(`${response.status}`);
        return response.json() as Promise<CompareEntry>;
      });
      cache.set(id, entry);
    }
    return entry;
  };

  let ids: string[] = [];
  let onlyDifferences = false;
  let generation = 0;

  function read(): void {
    const params = new URLSearchParams(location.search);
    ids = parseCompareIds(params, known);
    onlyDifferences = params.get("only") === "differences";
  }

  function commit(): void {
    const query = [serializeCompareIds(ids), onlyDifferences ? "only=differences" : ""].filter(Boolean).join("&");
    if (location.search.slice(1) !== query) history.pushState(null, "", query ? `?${query}` : location.pathname);
    void render();
  }

  function table(entries: CompareEntry[]): { node: HTMLElement; differing: number; compared: number } {
    const out = el("table", "w-full border-collapse text-left text-sm sm:text-base");
    out.append(el("caption", "sr-only", `Comparison of ${list(entries.map((e) => e.name))}`));
    const headRow = out.createTHead().insertRow();
    headRow.append(el("td", "sticky left-0 z-10 border-b border-line bg-page"));
    for (const entry of entries) {
      const remove = el("button", "mt-1 block rounded border border-line px-2 text-xs font-normal hover:border-accent", "Remove");
      remove.type = "button";
      remove.setAttribute("aria-label", `Remove ${entry.name} from the comparison`);
      remove.addEventListener("click", () => {
        ids = ids.filter((id) => id !== entry.id);
        commit();
        // The button is gone: keep keyboard focus nearby, on the institution's (now unticked) choice.
        boxes.find((box) => box.value === entry.id)?.focus();
      });
      const th = el(
        "th",
        "min-w-[11rem] border-b border-line px-3 py-2 align-bottom",
        link(`/institutions/${entry.id}/`, entry.name),
        remove,
      );
      th.scope = "col";
      headRow.append(th);
    }
    let differing = 0;
    let compared = 0;
    for (const section of rowsFor(entries)) {
      const body = out.createTBody();
      const sectionHead = el("th", "bg-sunken px-3 py-1.5 font-bold", section.heading);
      sectionHead.scope = "rowgroup";
      sectionHead.colSpan = entries.length + 1;
      body.insertRow().append(sectionHead);
      for (const row of section.rows) {
        const differ = row.keys !== undefined && differs(row.keys);
        if (row.keys !== undefined) compared += 1;
        if (differ) differing += 1;
        if (onlyDifferences && row.keys !== undefined && !differ) continue;
        const tr = body.insertRow();
        tr.className = `border-b border-line align-top ${differ ? "bg-warn-soft" : ""}`;
        const th = el("th", `sticky left-0 z-10 px-3 py-2 font-semibold ${differ ? "bg-warn-soft" : "bg-page"}`, row.label);
        th.scope = "row";
        if (differ) th.append(el("span", "ml-2 rounded border border-current px-1 text-xs font-semibold text-warn", "Differs"));
        tr.append(th, ...row.cells.map((cell) => el("td", "px-3 py-2", cell)));
      }
    }
    const region = el("div", "mt-3 overflow-x-auto rounded-lg border border-line", out);
    region.tabIndex = 0;
    region.setAttribute("role", "region");
    region.setAttribute("aria-label", "Comparison table");
    return { node: region, differing, compared };
  }

  async function render(): Promise<void> {
    const current = ++generation;
    for (const box of boxes) {
      box.checked = ids.includes(box.value);
      box.disabled = !box.checked && ids.length >= COMPARE_MAX;
    }
    only.checked = onlyDifferences;
    limit.hidden = ids.length < COMPARE_MAX;
    if (ids.length < 2) {
      result.replaceChildren();
      status.textContent =
        ids.length === 1
          ? `Choose at least one more institution to compare with ${names.get(ids[0]!)}.`
          : "Choose two to four institutions below to compare them.";
      return;
    }
    try {
      const entries = await Promise.all(ids.map(load));
      if (current !== generation) return; // a newer choice was made while this one loaded
      const { node, differing, compared } = table(entries);
      result.replaceChildren(node);
      status.textContent = `Comparing ${list(entries.map((e) => e.name))}: they differ in ${differing} of ${compared} compared rows.`;
    } catch {
      if (current !== generation) return;
      result.replaceChildren();
      status.textContent = "The comparison data could not be loaded. Reload the page to try again.";
    }
  }

  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("change", (event) => {
    const target = event.target as HTMLInputElement;
    if (target === only) onlyDifferences = only.checked;
    else if (target.name === "ids")
      ids = target.checked ? [...ids, target.value].slice(0, COMPARE_MAX) : ids.filter((id) => id !== target.value);
    else return;
    commit();
  });
  form.addEventListener("keydown", (event) => {
    const target = event.target as HTMLInputElement;
    if (event.key === "Enter" && target.type === "checkbox") {
      event.preventDefault();
      target.click();
    }
  });
  find.addEventListener("input", () => {
    const words = find.value.toLowerCase().split(/\s+/).filter(Boolean);
    for (const item of form.querySelectorAll<HTMLElement>("[data-compare-option]")) {
      item.hidden = !words.every((word) => item.dataset["compareOption"]!.includes(word));
    }
  });
  addEventListener("popstate", () => {
    read();
    void render();
  });

  read();
  one("nojs").hidden = true;
  form.hidden = false;
  void render();
}
