/**
 * Starts Pagefind's worker, which begins downloading the search index at once. Kept apart from
 * pagefind.ts and tiny because the header search box (on every page) calls it the moment the box gets
 * focus, before the search code itself has loaded: the index download then overlaps with loading that
 * code and with typing. pagefind.ts adopts the started worker.
 *
 * Only header-search.ts imports this module, so it stays inside the header's script. pagefind.ts reaches it
 * through PAGEFIND_START on globalThis instead of an import: imported from both, the bundler would move it
 * into a chunk of its own, one more request on every page.
 */

/** The globalThis key pagefind.ts looks the starter up by (pagefind.ts repeats the string). */
export const PAGEFIND_START = Symbol.for("engagement-atlas:pagefind-start");

/** The page's worker, once started, and the error that stopped it, if one did. */
export interface StartedWorker {
  worker: Worker;
  failure?: Error;
}

/** What header-search.ts publishes for pagefind.ts. */
export interface PagefindStarter {
  /** The instance id of every message to the worker (its protocol allows several indexes per worker). */
  instance: string;
  start: () => StartedWorker | undefined;
}

const BASE = "/pagefind/";
const INSTANCE = "atlas";
let started: StartedWorker | undefined;

/**
 * The page's Pagefind worker, started on the first call (or again after it failed) with the index for
 * the page's language: its `init` only sets the instance up, and the worker then loads the index in the
 * background. Undefined where workers are unavailable.
 */
export function startPagefindWorker(): StartedWorker | undefined {
  if ((started === undefined || started.failure !== undefined) && typeof Worker === "function") {
    const worker = new Worker(`${BASE}pagefind-worker.js`);
    const current: StartedWorker = { worker };
    // Listening from the start: the error can come before pagefind.ts has loaded.
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      current.failure = new Error("The Pagefind worker failed to start");
    });
    const language = (document.documentElement.lang || "unknown").toLowerCase();
    const init = { basePath: BASE, language, primary: true, excerptLength: 24 };
    worker.postMessage({ id: `${INSTANCE}_init`, instanceId: INSTANCE, method: "init", args: [init] });
    started = current;
  }
  return started;
}

/** Makes the starter available to pagefind.ts (called once per page, by header-search.ts). */
export function publishPagefindStarter(): void {
  const starter: PagefindStarter = { instance: INSTANCE, start: startPagefindWorker };
  (globalThis as Record<symbol, unknown>)[PAGEFIND_START] = starter;
}
