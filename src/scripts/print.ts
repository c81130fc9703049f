/** Fills in the date on the printed page's footer line when the page is printed. */
export function initPrintDate(): void {
  const target = document.querySelector<HTMLElement>("[data-print-date]");
  if (!target) return;
  window.addEventListener("beforeprint", () => {
    target.textContent = `, printed ${new Date().toISOString().slice(0, 10)}`;
  });
}
