/**
 * The mode finder on /modes/: ticking goals and audiences narrows the list of modes, says under each
 * remaining mode why it fits, counts what each choice would show, and keeps the choice in the URL
 * (?goal=…&audience=…). The matching itself is src/utils/mode-finder.ts.
 */
import type { Audience, Goal } from "../schemas/vocabularies";
import {
  explainMatch,
  finderCounts,
  findModes,
  parseModeFinder,
  serializeModeFinder,
  type FinderMode,
  type ModeFinderChoice,
} from "../utils/mode-finder";

/** The URL parameter a checkbox sets (its data-facet; the boxes have no name, as no form is submitted). */
const facetOf = (box: HTMLInputElement): string => box.dataset["facet"] ?? "";

const words = (value: string | undefined) => (value ?? "").split(/\s+/).filter((part) => part !== "");

/** Wires the mode finder; does nothing on a page without it. */
export function initModeFinder(): void {
  const panel = document.querySelector<HTMLElement>("[data-mode-finder]");
  if (panel === null) return;
  const items = [...document.querySelectorAll<HTMLElement>("[data-mode-family] [data-item]")];
  const modes: FinderMode[] = items.map((item) => ({
    id: item.dataset["mode"] ?? "",
    goals: words(item.dataset["goal"]) as Goal[],
    audiences: words(item.dataset["audience"]) as Audience[],
  }));
  const families = [...document.querySelectorAll<HTMLElement>("[data-mode-family]")];
  const checkboxes = [...panel.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
  const status = panel.querySelector<HTMLElement>("[data-mode-finder-status]");
  const clear = panel.querySelector<HTMLButtonElement>("[data-mode-finder-clear]");

  function readControls(): ModeFinderChoice {
    const params = new URLSearchParams();
    for (const box of checkboxes) if (box.checked) params.append(facetOf(box), box.value);
    return parseModeFinder(params);
  }

  function showControls(choice: ModeFinderChoice): void {
    for (const box of checkboxes) box.checked = (facetOf(box) === "goal" ? choice.goals : choice.audiences).includes(box.value as never);
  }

  function apply(choice: ModeFinderChoice): void {
    const matches = findModes(modes, choice);
    const chosen = choice.goals.length + choice.audiences.length > 0;
    items.forEach((item, index) => {
      const match = matches[index]!;
      item.hidden = !match.matches;
      const why = item.querySelector<HTMLElement>("[data-mode-why]");
      if (why) {
        why.textContent = chosen && match.matches ? `Fits: ${explainMatch(match)}` : "";
        why.hidden = !chosen || !match.matches;
      }
    });
    // A family heading with none of its modes left would head an empty list.
    for (const family of families) family.hidden = [...family.querySelectorAll<HTMLElement>("[data-item]")].every((item) => item.hidden);
    const counts = finderCounts(modes, choice);
    for (const box of checkboxes) {
      const count = (facetOf(box) === "goal" ? counts.goals : counts.audiences)[box.value] ?? 0;
      const label = box.closest("label");
      const slot = label?.querySelector("[data-finder-count]");
      if (slot) slot.textContent = String(count);
      label?.classList.toggle("text-muted", count === 0 && !box.checked);
    }
    const shown = matches.filter((match) => match.matches).length;
    if (clear) clear.hidden = !chosen;
    if (status) {
      status.textContent = !chosen
        ? `All ${modes.length} modes. Tick a goal or an audience to narrow them.`
        : shown === 0
          ? "No mode fits all of these choices. Untick one to see more."
          : `${shown} of ${modes.length} modes fit.`;
    }
  }

  function update(): void {
    const choice = readControls();
    const search = serializeModeFinder(choice);
    if (search !== location.search.replace(/^\?/, ""))
      history.pushState(null, "", `${location.pathname}${search === "" ? "" : `?${search}`}`);
    apply(choice);
  }

  panel.addEventListener("change", update);
  clear?.addEventListener("click", () => {
    for (const box of checkboxes) box.checked = false;
    update();
    checkboxes[0]?.focus();
  });
  window.addEventListener("popstate", () => {
    const choice = parseModeFinder(location.search);
    showControls(choice);
    apply(choice);
  });

  const initial = parseModeFinder(location.search);
  showControls(initial);
  apply(initial);
}
