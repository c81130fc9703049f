/**
 * Pagefind in the browser: the subset of its 1.6 API that the site uses (types below), loaded once per
 * page through Pagefind's worker (loadPagefind), and result data fetched a page of results at a time.
 */
import type { PagefindStarter } from "./pagefind-start";

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
}
export interface Pagefind {
  search: (query: string | null, options?: PagefindSearchOptions) => Promise<PagefindSearch>;
  filters: () => Promise<PagefindCounts>;
}

const BASE = "/pagefind/";

/** The worker starter header-search.ts publishes (pagefind-start.ts explains why it is not imported). */
function pagefindStarter(): PagefindStarter | undefined {
  return (globalThis as Record<symbol, PagefindStarter | undefined>)[Symbol.for("engagement-atlas:pagefind-start")];
}

/** Readiness is asked this many ms apart (see workerPagefind). */
const PROBE_STEP_MS = 10;
/** How often Pagefind's worker looks again whether its index has loaded (`getPtr` in pagefind-worker.js). */
const PAGEFIND_POLL_MS = 50;
/** Result data released per idle moment (see workerPagefind). */
const RELEASE_BATCH = 200;

/**
 * Pagefind's own worker, driven directly. pagefind.js is mostly a main-thread copy of the search engine
 * that only runs when workers are unavailable; talking to pagefind-worker.js with its message protocol
 * ({id, instanceId, method, args} → {id, result | error}) saves its 13 KB (gzip) on every first search,
 * which is what keeps a first search under 120 KB. Anything unexpected rejects, and loadPagefind() then
 * falls back to pagefind.js, so a Pagefind upgrade that changes the protocol degrades, never breaks.
 * The worker itself is usually already running: pagefind-start.ts starts it when the header's search box
 * gets focus.
 */
function workerPagefind(): Promise<Pagefind> {
  const starter = pagefindStarter();
  const started = starter?.start();
  if (starter === undefined || started === undefined) return Promise.reject(new Error("no worker"));
  const { worker } = started;
  const pending = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let next = 0;
  worker.addEventListener("error", () => {
    for (const { reject } of pending.values()) reject(started.failure ?? new Error("The Pagefind worker failed"));
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
    if (started.failure) return Promise.reject(started.failure);
    return new Promise<T>((resolve, reject) => {
      const id = `${starter.instance}_${next++}`;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, instanceId: starter.instance, method, args });
    });
  };

  // The worker keeps every result's data until told to let go, one message per result: let go when the page
  // has dropped the result, a batch per idle moment, so thousands of releases (a one-letter search finds
  // thousands of pages) never queue up in the worker ahead of the next search.
  const unreleased: string[] = [];
  let flushing = false;
  const flush = () => {
    flushing = false;
    for (const dataId of unreleased.splice(0, RELEASE_BATCH)) void call("releaseData", [dataId]).catch(() => undefined);
    if (unreleased.length > 0) scheduleFlush();
  };
  const scheduleFlush = () => {
    if (flushing) return;
    flushing = true;
    if (typeof requestIdleCallback === "function") requestIdleCallback(flush, { timeout: 2000 });
    else setTimeout(flush, PAGEFIND_POLL_MS);
  };
  const release = new FinalizationRegistry<string>((dataId) => {
    unreleased.push(dataId);
    scheduleFlush();
  });

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

  // Ready when the index is. A call made earlier waits inside the worker, which looks again only every
  // 50 ms, so a search typed while the index loads could lose up to 50 ms. Instead, empty searches (which
  // answer, with nothing, as soon as the index is there) ask 10 ms apart; the first answer comes within
  // about 10 ms of the index being ready, and searches are sent only then. They also check the protocol.
  return new Promise<Pagefind>((resolve, reject) => {
    const failed = (error: Error) => {
      // A worker whose index failed to load stays failed: the next attempt starts a new one.
      started.failure ??= error;
      worker.terminate();
      reject(error);
    };
    for (let probe = 0; probe < PAGEFIND_POLL_MS / PROBE_STEP_MS; probe += 1)
      setTimeout(() => call("search", [""]).then(() => resolve(api), failed), probe * PROBE_STEP_MS);
  });
}

/** The documented route: pagefind.js, which uses the same worker or, failing that, the main thread. */
async function modulePagefind(): Promise<Pagefind> {
  // Built at run time so the bundler leaves it alone: /pagefind/ exists only after the search index is built.
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
 * Loads the Pagefind index once, on first use, and resolves when it is ready to search (callers start it
 * when a search box gets focus, so the download overlaps with typing). In `npm run dev` the index is the
 * last build's, served by src/integrations/pagefind-dev.ts. A failed load is forgotten, so a later focus
 * retries.
 */
export function loadPagefind(): Promise<Pagefind> {
  if (loading === undefined) {
    loading = workerPagefind().catch(() => modulePagefind());
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}

/**
 * Result data for a page of results only (Pagefind fetches one small fragment per result asked for), handed
 * to `use` in result order as soon as each one and those before it have arrived: the first result can be
 * shown while the others are still on their way. `use` returns true to go on, false to stop (the answer
 * went stale).
 * Resolves to how many were handed over; rejects if a fragment fails to load.
 */
export async function eachResultData(
  results: readonly PagefindResult[],
  from: number,
  count: number,
  use: (data: PagefindResultData, index: number) => boolean,
): Promise<number> {
  const pending = results.slice(from, from + count).map((result) => result.data());
  // Each is awaited in turn below; a later one failing first must not be reported as unhandled meanwhile.
  for (const data of pending) data.catch(() => undefined);
  let handed = 0;
  for (const data of pending) {
    if (use(await data, handed) === false) break;
    handed += 1;
  }
  return handed;
}
