/** Wires the theme toggle: flips data-theme on <html> and remembers the choice. */
export function initThemeToggle(): void {
  const root = document.documentElement;
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-theme-toggle]")) {
    const sync = () => button.setAttribute("aria-pressed", String(root.dataset["theme"] === "dark"));
    sync();
    button.addEventListener("click", () => {
      const next = root.dataset["theme"] === "dark" ? "light" : "dark";
      root.dataset["theme"] = next;
      try {
        localStorage.setItem("theme", next);
      } catch {
        // Storage blocked: the choice lasts for this page only.
      }
      sync();
    });
  }
}
