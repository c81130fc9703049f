import { loadPagefind } from "./pagefind";

/** Minimal search page: runs the query in ?q= and lists results with highlighted excerpts. */
export async function initSearchPage(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>("[data-search-form]");
  const input = form?.querySelector<HTMLInputElement>("input[name=q]");
  const status = document.querySelector<HTMLElement>("[data-search-status]");
  const list = document.querySelector<HTMLOListElement>("[data-search-results]");
  if (!form || !input || !status || !list) return;
  const query = new URLSearchParams(location.search).get("q") ?? "";
  input.value = query;
  status.textContent = query ? "Searching…" : "Type a word or a name and press Enter.";
  if (!query) return;
  try {
    const pagefind = await loadPagefind();
    const search = await pagefind.search(query);
    const data = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
    list.replaceChildren(
      ...data.map((item) => {
        const li = document.createElement("li");
        const link = document.createElement("a");
        link.href = item.url;
        link.className = "text-lg font-semibold";
        link.textContent = item.meta["title"] ?? item.url;
        const excerpt = document.createElement("p");
        // Pagefind's excerpt is page text it indexed from our own HTML, escaped, with <mark> around hits.
        excerpt.innerHTML = item.excerpt;
        li.append(link, excerpt);
        return li;
      }),
    );
    status.textContent = `${search.results.length} ${search.results.length === 1 ? "result" : "results"} for “${query}”.`;
  } catch {
    status.textContent = "Search is unavailable: its index was not built. Run `npm run build` to build it.";
  }
}
