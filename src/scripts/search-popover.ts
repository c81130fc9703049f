/**
 * Results as you type under the header's search box: an ARIA combobox whose listbox holds the best
 * few pages and a last option for every result on /search/. Focus stays in the box; the arrow keys move
 * the active option, Enter opens it, and Enter with no option chosen submits the form (/search/?q=…).
 * Loaded on first focus by header-search.ts, so pages that never search never download it.
 */
import { eachResultData, loadPagefind } from "./pagefind";
import { renderExcerpt } from "./search-render";
import { KIND_LABELS, type Kind } from "./search-kinds";

const SHOWN = 5;

/** Turns the header's search box into a combobox with live results. */
export function initSearchPopover(input: HTMLInputElement): void {
  const foundListbox = document.getElementById(input.getAttribute("aria-controls") ?? "");
  const foundStatus = input.form?.querySelector<HTMLElement>("[data-header-search-status]");
  if (!foundListbox || !foundStatus) return;
  const listbox: HTMLElement = foundListbox;
  const status: HTMLElement = foundStatus;
  // Take over the worker header-search.ts started on focus; its index is usually there by the first word.
  void loadPagefind().catch(() => undefined);

  let generation = 0;
  let active = -1;
  /** Escape closes the list until the words change, even if answers for the current words are still arriving. */
  let dismissed = false;

  const options = () => [...listbox.querySelectorAll<HTMLAnchorElement>("[role=option]")];

  function open(isOpen: boolean): void {
    listbox.hidden = !isOpen;
    input.setAttribute("aria-expanded", String(isOpen));
    if (!isOpen) activate(-1);
  }

  function activate(index: number): void {
    const all = options();
    active = index;
    all.forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    const current = all[index];
    if (current) {
      input.setAttribute("aria-activedescendant", current.id);
      current.scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  }

  function option(id: string, href: string, title: string, detail: string, excerpt?: string): HTMLAnchorElement {
    const link = document.createElement("a");
    link.id = id;
    link.href = href;
    link.tabIndex = -1;
    link.setAttribute("role", "option");
    link.setAttribute("aria-selected", "false");
    // The active option is marked by an inset ring as well as a tint, so it shows without colour too.
    link.className =
      "block border-b border-line px-3 py-2 text-ink no-underline last:border-b-0 hover:bg-sunken aria-selected:bg-sunken aria-selected:ring-2 aria-selected:ring-accent aria-selected:ring-inset";
    const name = document.createElement("span");
    name.className = "block font-semibold";
    name.textContent = title;
    const kind = document.createElement("span");
    kind.className = "block text-xs text-muted";
    kind.textContent = detail;
    link.append(name, kind);
    if (excerpt !== undefined) {
      // Seen, not read out: the option's name stays the title and kind.
      const text = renderExcerpt(excerpt, "mt-0.5 text-sm line-clamp-2");
      text.setAttribute("aria-hidden", "true");
      link.append(text);
    }
    return link;
  }

  /** Puts a new answer in place of the last one, with nothing chosen, and shows it if the box still has focus. */
  function show(first: HTMLElement): void {
    listbox.replaceChildren(first);
    activate(-1);
    open(document.activeElement === input && !dismissed);
  }

  async function run(): Promise<void> {
    const current = ++generation;
    const term = input.value.trim();
    if (term === "") {
      listbox.removeAttribute("aria-busy");
      listbox.replaceChildren();
      open(false);
      status.textContent = "";
      return;
    }
    const all = `/search/?q=${encodeURIComponent(term)}`;
    // Busy until the whole answer is in: results arrive one by one, then "All … results".
    listbox.setAttribute("aria-busy", "true");
    try {
      const pagefind = await loadPagefind();
      if (current !== generation) return;
      const search = await pagefind.search(term);
      if (current !== generation) return;
      const count = search.results.length;
      const allOption = option(
        "header-search-option-all",
        all,
        count === 0 ? `No pages match “${term}”` : `All ${count} ${count === 1 ? "result" : "results"} for “${term}”`,
        count === 0 ? "Open the search page to try other words or filters" : "On the search page, with filters",
      );
      // Each result appears as soon as it (and those above it) arrived; "All … results" closes the list.
      const shown = await eachResultData(search.results, 0, SHOWN, (item, i) => {
        if (current !== generation) return false;
        const kind = item.meta["kind"] as Kind | undefined;
        const found = option(
          `header-search-option-${i}`,
          item.url,
          item.meta["title"] ?? item.url,
          kind ? KIND_LABELS[kind] : "Page",
          item.excerpt,
        );
        if (i === 0) show(found);
        else listbox.append(found);
        return true;
      });
      if (current !== generation) return;
      if (shown === 0) show(allOption);
      else listbox.append(allOption);
      status.textContent = `${count} ${count === 1 ? "result" : "results"}. Use the up and down arrows to choose one.`;
    } catch {
      if (current !== generation) return;
      show(option("header-search-option-all", all, "Search is unavailable here", "Open the search page"));
      status.textContent = "Search is unavailable: the search index is missing.";
    }
    listbox.removeAttribute("aria-busy");
  }

  input.addEventListener("input", () => {
    dismissed = false;
    void run();
  });
  input.addEventListener("focus", () => {
    if (input.value.trim() !== "" && listbox.childElementCount > 0) open(true);
  });
  input.addEventListener("keydown", (event) => {
    const all = options();
    const chosen = listbox.hidden ? undefined : all[active];
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (all.length === 0) return;
      event.preventDefault();
      if (listbox.hidden) {
        dismissed = false;
        open(true);
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      activate(active === -1 ? (step === 1 ? 0 : all.length - 1) : (active + step + all.length) % all.length);
    } else if (event.key === "Enter" && chosen !== undefined) {
      event.preventDefault();
      location.assign(chosen.href);
    } else if (event.key === "Escape" && !listbox.hidden) {
      event.preventDefault();
      dismissed = true;
      open(false);
    }
  });
  // Keep focus in the box while an option is clicked, or the list would close before the click lands.
  listbox.addEventListener("mousedown", (event) => event.preventDefault());
  input.form?.addEventListener("focusout", (event) => {
    if (!(event.relatedTarget instanceof Node && input.form?.contains(event.relatedTarget))) open(false);
  });

  // Words typed while this module was loading.
  if (input.value.trim() !== "") void run();
}
