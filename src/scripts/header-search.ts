/**
 * The header's search box on every page, kept tiny because every page loads it: '/' or Ctrl/Cmd+K
 * focuses a search box, and the first focus starts Pagefind's worker (pagefind-start.ts, a few hundred
 * bytes) and loads the results-as-you-type code (search-popover.ts). Without JavaScript the box is a
 * plain form to /search/.
 */
import { publishPagefindStarter, startPagefindWorker } from "./pagefind-start";

/** True when a key press would type into something, so '/' must be left alone. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** Wires the header search box and the keyboard shortcuts. */
export function initHeaderSearch(): void {
  publishPagefindStarter();
  const input = document.querySelector<HTMLInputElement>("[data-header-search] input[type=search]");
  if (input === null) return;
  let loaded = false;
  input.addEventListener("focus", () => {
    if (loaded) return;
    loaded = true;
    // The index starts downloading now, alongside the code that shows results, not after it.
    startPagefindWorker();
    void import("./search-popover").then(({ initSearchPopover }) => initSearchPopover(input));
  });

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.altKey) return;
    const slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !isTyping(event.target);
    const commandK = event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey) && !event.shiftKey;
    if (!slash && !commandK) return;
    event.preventDefault();
    // On /search/ the page's own box is the one to type in.
    const box = document.querySelector<HTMLInputElement>("[data-search-primary]") ?? input;
    box.focus();
    box.select();
  });
}
