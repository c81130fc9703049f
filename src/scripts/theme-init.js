// Runs inline in <head> before first paint, so the saved theme never flashes. Its hash is added
// to the Content-Security-Policy by astro.config.mjs; keep it tiny and free of template values.
(function () {
  try {
    var saved = localStorage.getItem("theme");
    var dark = saved === "dark" || (saved !== "light" && matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.dataset.theme = dark ? "dark" : "light";
  } catch {
    /* storage blocked: the CSS media query decides */
  }
})();
