/** The subset of the Pagefind 1.6 browser API that the site uses. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
  /** Missing for the part of the page before its first heading with an id. */
  anchor?: { element: string; id: string; text?: string; location: number };
}
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}
/** Result counts per filter key and value. */
export type PagefindCounts = Record<string, Record<string, number>>;
export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** Given the query and filters, how many results each value would leave if it were added to the filters. */
  filters: PagefindCounts;
  /** Counts for the query alone, without any filter. */
  totalFilters: PagefindCounts;
}
/** Pagefind's filter syntax: `{ key: { any: [...] } }` is OR within a key; keys combine with AND. */
export type PagefindFilter = Record<string, { any: string[] }>;
export interface PagefindSearchOptions {
  filters?: PagefindFilter;
  sort?: Record<string, "asc" | "desc">;
}
export interface Pagefind {
  search: (query: string | null, options?: PagefindSearchOptions) => Promise<PagefindSearch>;
  filters: () => Promise<PagefindCounts>;
}

const BASE = "/pagefind/";

/**
 * Pagefind's own worker, driven directly. pagefind.js is mostly a main-thread copy of the search engine
 * that only runs when workers are unavailable; talking to pagefind-worker.js with its message protocol
 * ({id, instanceId, method, args} → {id, result | error}) saves its 13 KB (gzip) on every first search,
 * which is what keeps a first search under 120 KB. Anything unexpected rejects, and loadPagefind() then
 * falls back to pagefind.js, so a Pagefind upgrade that changes the protocol degrades, never breaks.
 */
function workerPagefind(language: string): Promise<Pagefind> {
  const worker = new Worker(`${BASE}pagefind-worker.js`);
  const pending = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let failure: Error | undefined;
  let next = 0;
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    failure = new Error("The Pagefind worker failed to start");
    for (const { reject } of pending.values()) reject(failure);
    pending.clear();
  });
  worker.addEventListener("message", (event: MessageEvent<{ id: string; result?: unknown; error?: string }>) => {
    const waiting = pending.get(event.data.id);
    if (waiting === undefined) return;
    pending.delete(event.data.id);
    if (event.data.error !== undefined) waiting.reject(new Error(event.data.error));
    else waiting.resolve(event.data.result);
  });
  const call = <T>(method: string, args: unknown[]): Promise<T> => {
    if (failure) return Promise.reject(failure);
    return new Promise<T>((resolve, reject) => {
      const id = `atlas_${next++}`;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, instanceId: "atlas", method, args });
    });
  };
  // The worker keeps each result's data until told to let go; let go when the page drops the result.
  const release = new FinalizationRegistry<string>((dataId) => void call("releaseData", [dataId]).catch(() => undefined));

  const api: Pagefind = {
    async search(query, options = {}) {
      const search = await call<Omit<PagefindSearch, "results"> & { results: (Omit<PagefindResult, "data"> & { data: string })[] }>(
        "search",
        [query, options],
      );
      const results = search.results.map((result) => {
        const wrapped: PagefindResult = { ...result, data: () => call<PagefindResultData>("getData", [result.data]) };
        release.register(wrapped, result.data);
        return wrapped;
      });
      return { ...search, results };
    },
    filters: () => call<PagefindCounts>("filters", []),
  };
  return call("init", [{ basePath: BASE, language, primary: true, excerptLength: 24 }]).then(() => api);
}

/** The documented route: pagefind.js, which uses the same worker or, failing that, the main thread. */
async function modulePagefind(): Promise<Pagefind> {
  // Built at run time so the bundler leaves it alone: /pagefind/ exists only after `pagefind --site dist`.
  const path = `${BASE}pagefind.js`;
  const pagefind = (await import(/* @vite-ignore */ path)) as Pagefind & {
    options: (options: Record<string, unknown>) => Promise<void>;
    init: () => Promise<void>;
  };
  await pagefind.options({ excerptLength: 24 });
  await pagefind.init();
  return pagefind;
}

let loading: Promise<Pagefind> | undefined;

/**
 * Loads the Pagefind index once, on first use (callers start it when a search box gets focus, so the
 * download overlaps with typing). In `npm run dev` the index is the last build's, served by
 * src/integrations/pagefind-dev.ts. A failed load is forgotten, so a later focus retries.
 */
export function loadPagefind(): Promise<Pagefind> {
  if (loading === undefined) {
    const language = (document.documentElement.lang || "unknown").toLowerCase();
    loading = (typeof Worker === "function" ? workerPagefind(language) : Promise.reject(new Error("no workers"))).catch(() =>
      modulePagefind(),
    );
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}

/** Result data for a page of results only: Pagefind fetches one small fragment per result asked for. */
export function resultData(results: readonly PagefindResult[], from: number, count: number): Promise<PagefindResultData[]> {
  return Promise.all(results.slice(from, from + count).map((result) => result.data()));
}
