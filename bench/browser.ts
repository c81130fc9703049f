/**
 * Measurements in headless Chromium (playwright-core + Debian's Chromium) against a built dist/,
 * served on 127.0.0.1 by scripts/serve.ts (gzip level 6 for text, the site's own _headers). The
 * server counts the body bytes of every response it sends, which is exactly what crossed the wire
 * (Pagefind's own files are already compressed and are sent as they are). Every timing is the
 * median of several fresh browser contexts (empty cache, new worker, new wasm compile).
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "../tests/e2e/browser-config";
import { serveDist } from "../scripts/serve";
import type { SiteName } from "./sites";

/** One response the server sent: path, body bytes on the wire and a coarse kind. */
export interface Sent {
  path: string;
  bytes: number;
  kind: "html" | "css" | "js" | "pagefind" | "other";
  at: number;
}

export interface Served {
  url: string;
  sent: Sent[];
  close: () => Promise<void>;
}

function kindOf(path: string, type: string): Sent["kind"] {
  if (path.startsWith("/pagefind/")) return "pagefind";
  if (type.includes("html")) return "html";
  if (type.includes("css")) return "css";
  if (type.includes("javascript")) return "js";
  return "other";
}

/**
 * Serves a dist/ and records every response's body size. The server writes its headers with
 * writeHead(status, headers), so the size and type are read there, before the server's own handler runs.
 */
export async function serveCounting(dist: string): Promise<Served> {
  const { server, url } = await serveDist(dist, 0);
  const sent: Sent[] = [];
  (server as Server).prependListener("request", (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
    (response as unknown as { writeHead: (...args: unknown[]) => ServerResponse }).writeHead = (...args: unknown[]) => {
      const headers = (args.find((arg) => typeof arg === "object" && arg !== null) ?? {}) as Record<string, string>;
      const type = headers["Content-Type"] ?? "";
      sent.push({ path, bytes: Number(headers["Content-Length"] ?? 0), kind: kindOf(path, type), at: performance.now() });
      return writeHead(...args);
    };
  });
  return { url, sent, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * A fresh context (empty cache). tsx compiles the functions passed to page.evaluate with esbuild's
 * keepNames, which calls a `__name` helper that pages do not have: define it (through the DevTools
 * protocol, so no page's CSP is involved).
 */
async function freshContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript("globalThis.__name = (fn) => fn;");
  return context;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How each site's search is driven: where it starts, how the box is reached, what a result looks like. */
interface SearchDriver {
  /** Page the visitor starts on. */
  start: string;
  /** Brings up the search box (focus, open a dialog); returns its selector. */
  open: (page: Page) => Promise<string>;
  /** Selector of the first rendered result. */
  result: string;
  /** Container whose mutations signal results (re)rendered. */
  container: string;
  /** The UI's own debounce, subtracted from its timings (0 when there is none or it is configured off). */
  debounceMs: number;
  /** Search code that was downloaded with the page before any interaction, counted as search bytes. */
  preloaded: (sent: Sent) => boolean;
}

function driver(site: SiteName, contentPath: string): SearchDriver {
  if (site === "ours")
    return {
      start: contentPath,
      open: async (page) => {
        await page.focus("#header-search");
        return "#header-search";
      },
      result: "#header-search-option-0",
      container: "#header-search-results",
      debounceMs: 0,
      preloaded: () => false,
    };
  if (site === "plain")
    return {
      start: "/search/",
      open: async () => ".pagefind-ui__search-input",
      result: ".pagefind-ui__result-link",
      container: ".pagefind-ui",
      debounceMs: 0,
      // The /search/ page itself and its Pagefind UI are search-only downloads.
      preloaded: () => true,
    };
  return {
    start: contentPath,
    open: async (page) => {
      // Starlight initialises its Pagefind UI on idle; open the dialog once it is there.
      await page.waitForSelector("#starlight__search .pagefind-ui__search-input", { state: "attached", timeout: 30_000 });
      await page.click("site-search button[data-open-modal]");
      return "#starlight__search .pagefind-ui__search-input";
    },
    result: "#starlight__search .pagefind-ui__result-link",
    container: "#starlight__search",
    // Starlight's Pagefind UI keeps the Default UI's 300 ms debounce and does not let it be configured.
    debounceMs: 300,
    preloaded: (sent) => sent.path.startsWith("/pagefind/") || /ui-core|default-ui|pagefind/i.test(sent.path),
  };
}

export interface SearchRun {
  /** From the query's input event to the first result in the DOM, minus the UI's debounce (ms). */
  firstResultsMs: number;
  /** Same, raw. */
  rawMs: number;
  /** Bytes downloaded for the search: search-only code loaded with the page + everything after the visitor started searching. */
  bytes: number;
  requests: number;
  files: { path: string; bytes: number }[];
  resultCount?: string;
}

export interface SearchMeasurement {
  runs: number;
  query: string;
  secondQuery: string;
  /** Typed the moment the box is focused/opened: includes loading the search code, worker, wasm and index. */
  cold: { medianMs: number; minMs: number; maxMs: number; rawMedianMs: number; all: number[] };
  /** Typed 1 s after the box was focused/opened (the index had time to load, as it does while a person starts typing). */
  prepared: { medianMs: number; all: number[] };
  /** A second, different query in the same page. */
  warm: { medianMs: number; all: number[] };
  bytes: { median: number; requests: number; files: { path: string; bytes: number }[] };
  debounceSubtractedMs: number;
  timed: string;
}

/**
 * Installs an in-page clock: t_input at each input event, t_render when a first result appears that is
 * not the one shown before that input (a different element or link), so a second query is not timed
 * by the first query's results still on screen.
 */
async function installClock(page: Page, box: string, container: string, result: string): Promise<void> {
  await page.evaluate(
    ({ box, container, result }) => {
      const state = { input: -1, render: -1, prev: null as Element | null, prevHref: "" };
      (window as unknown as { __bench: typeof state }).__bench = state;
      const check = () => {
        if (state.input < 0 || state.render >= 0) return;
        const first = document.querySelector(result);
        if (first?.textContent?.trim() && (first !== state.prev || first.getAttribute("href") !== state.prevHref)) {
          state.render = performance.now();
        }
      };
      document.querySelector(box)!.addEventListener(
        "input",
        () => {
          state.prev = document.querySelector(result);
          state.prevHref = state.prev?.getAttribute("href") ?? "";
          state.input = performance.now();
          state.render = -1;
          check();
        },
        { capture: true },
      );
      new MutationObserver(check).observe(document.querySelector(container) ?? document.body, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
      });
    },
    { box, container, result },
  );
}

async function timeQuery(page: Page, box: string, query: string): Promise<number> {
  await page.fill(box, query);
  try {
    await page.waitForFunction(() => (window as unknown as { __bench: { render: number } }).__bench.render >= 0, undefined, {
      timeout: 30_000,
    });
  } catch {
    return NaN;
  }
  return page.evaluate(() => {
    const b = (window as unknown as { __bench: { input: number; render: number } }).__bench;
    return b.render - b.input;
  });
}

/** The first search (cold), a search typed 1 s after focus (prepared) and a second query (warm). */
export async function measureSearch(
  browser: Browser,
  served: Served,
  site: SiteName,
  contentPath: string,
  options: { runs: number; query: string; secondQuery: string; settleMs?: number },
): Promise<SearchMeasurement> {
  // How long the page sits idle after load, and how long "prepared" waits after focus (shorter in the smoke run).
  const settle = options.settleMs ?? 1000;
  const d = driver(site, contentPath);
  const cold: number[] = [];
  const raw: number[] = [];
  const prepared: number[] = [];
  const warm: number[] = [];
  const byteRuns: SearchRun[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    for (const mode of ["cold", "prepared"] as const) {
      const context = await freshContext(browser);
      const page = await context.newPage();
      const loadStart = served.sent.length;
      await page.goto(new URL(d.start, served.url).href, { waitUntil: "load" });
      await sleep(settle);
      // Everything from here on is the visitor searching: focusing or opening the box may start downloads.
      const mark = served.sent.length;
      const box = await d.open(page);
      await installClock(page, box, d.container, d.result);
      if (mode === "prepared") await sleep(settle);
      const ms = await timeQuery(page, box, options.query);
      if (mode === "cold") {
        await sleep(300);
        const during = served.sent.slice(loadStart, mark).filter(d.preloaded);
        const after = served.sent.slice(mark);
        const files = [...during, ...after].map((s) => ({ path: s.path, bytes: s.bytes }));
        byteRuns.push({
          firstResultsMs: ms - d.debounceMs,
          rawMs: ms,
          bytes: files.reduce((sum, file) => sum + file.bytes, 0),
          requests: files.length,
          files,
        });
        cold.push(ms - d.debounceMs);
        raw.push(ms);
        warm.push((await timeQuery(page, box, options.secondQuery)) - d.debounceMs);
      } else prepared.push(ms - d.debounceMs);
      await context.close();
    }
  }
  const bytes = byteRuns.map((r) => r.bytes);
  const typical = byteRuns.find((r) => r.bytes === median(bytes)) ?? byteRuns[0]!;
  return {
    runs: options.runs,
    query: options.query,
    secondQuery: options.secondQuery,
    cold: { medianMs: median(cold), minMs: Math.min(...cold), maxMs: Math.max(...cold), rawMedianMs: median(raw), all: cold },
    prepared: { medianMs: median(prepared), all: prepared },
    warm: { medianMs: median(warm), all: warm },
    bytes: { median: median(bytes), requests: typical.requests, files: typical.files },
    debounceSubtractedMs: d.debounceMs,
    timed:
      site === "ours"
        ? "header search box on a case-study page: focus, then the query typed at once (cold) or 1 s later (prepared); input event → first result option in the DOM"
        : site === "plain"
          ? "Pagefind Default UI on /search/ (debounceTimeoutMs: 0): input event → first .pagefind-ui__result-link with text"
          : "Starlight's search dialog on a case-study page (opened after its UI loaded on idle): input event → first .pagefind-ui__result-link, minus the UI's fixed 300 ms debounce",
  };
}

export interface MatrixMeasurement {
  institutions: number;
  runs: number;
  /** change event → the page's handler done (filtering + DOM update), ms. */
  handler: { medianMs: number; p95Ms: number; maxMs: number };
  /** change event → next frame (includes style and layout of the update), ms. */
  frame: { medianMs: number; p95Ms: number };
  /** Institutions matching each filter (read from the page's status line), to prove the filters did something. */
  matchingCounts: number[];
  /**
   * Table rows rendered (not hidden) after each filter: the page renders at most a page of the
   * matching institutions (src/utils/matrix-slice.ts), so this can be less than the matching count.
   */
  renderedCounts: number[];
  timed: string;
}

/**
 * Re-filtering the built /matrix/ page: toggles real filter checkboxes (mode, country, type, status,
 * audience) and the text box, on then off, timing each from the event to the end of the page's own
 * handler (which runs our src/utils filtering code and updates the DOM) and to the next frame.
 */
export async function measureMatrix(browser: Browser, served: Served, runs: number): Promise<MatrixMeasurement> {
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(new URL("/matrix/", served.url).href, { waitUntil: "load" });
  await page.waitForSelector("[data-matrix-controls]:not([hidden])", { timeout: 60_000 });
  await sleep(500);
  const result = await page.evaluate(async (runs) => {
    const form = document.querySelector<HTMLFormElement>("[data-matrix-form]")!;
    const status = document.querySelector("[data-matrix-status]")!;
    // Every institution has a row in the page; the script hides those a view does not show.
    const total = document.querySelectorAll("table[data-matrix] tbody tr[data-row]").length;
    const rendered = () => document.querySelectorAll("table[data-matrix] tbody:not([hidden]) tr[data-row]:not([hidden])").length;
    // "Showing 136 of 2,000 institutions." or "1,002 of 2,000 institutions match; showing the first 200."; none: "No institution matches…".
    const matching = () => Number(/^\D*([\d,]+) of /.exec(status.textContent ?? "")?.[1]?.replaceAll(",", "") ?? 0);
    const pickFirst = (name: string) => form.querySelector<HTMLInputElement>(`input[type=checkbox][name="${name}"]`);
    const boxes = ["mode", "country", "type", "status", "audience"].map(pickFirst).filter((x): x is HTMLInputElement => x !== null);
    const q = form.elements.namedItem("q") as HTMLInputElement;
    const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
    const handler: number[] = [];
    const frame: number[] = [];
    const matched: number[] = [];
    const shown: number[] = [];
    const actions: (() => void)[] = [];
    for (const box of boxes)
      actions.push(
        () => box.click(),
        () => box.click(),
      );
    actions.push(
      () => {
        q.value = "univ";
        q.dispatchEvent(new Event("input", { bubbles: true }));
      },
      () => {
        q.value = "";
        q.dispatchEvent(new Event("input", { bubbles: true }));
      },
    );
    for (let i = 0; i < runs; i += 1) {
      const action = actions[i % actions.length]!;
      await nextFrame();
      const t0 = performance.now();
      action();
      const t1 = performance.now();
      const t2 = await nextFrame();
      handler.push(t1 - t0);
      frame.push(t2 - t0);
      matched.push(matching());
      shown.push(rendered());
    }
    return { total, handler, frame, matched, shown, status: status.textContent ?? "" };
  }, runs);
  await context.close();
  return {
    institutions: result.total,
    runs,
    handler: { medianMs: median(result.handler), p95Ms: percentile(result.handler, 95), maxMs: Math.max(...result.handler) },
    frame: { medianMs: median(result.frame), p95Ms: percentile(result.frame, 95) },
    matchingCounts: result.matched,
    renderedCounts: result.shown,
    timed:
      "built /matrix/ page in Chromium: a filter checkbox (mode, country, type, status, audience) or the text box changed, on then off; event → end of the page's handler (src/utils filtering + DOM update), and → next frame; after each, the matching institutions (status line) and the table rows rendered (not hidden)",
  };
}

export interface PageWeight {
  path: string;
  /** Gzip bytes on the wire until the load event, by kind. */
  html: number;
  css: number;
  js: number;
  other: number;
  /** HTML + CSS + JS. */
  total: number;
  requests: number;
  /** Bytes fetched in the idle time after load (2 s; less in the smoke run), such as Starlight's search UI. */
  afterLoad: number;
}

/** What a page costs to load: gzip bytes until `load`, by kind, and what it fetches in the next `idleMs`. */
export async function measurePageWeight(browser: Browser, served: Served, path: string, idleMs = 2000): Promise<PageWeight> {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const start = served.sent.length;
  await page.goto(new URL(path, served.url).href, { waitUntil: "load" });
  const loaded = served.sent.length;
  await sleep(idleMs);
  const until = served.sent.slice(start, loaded);
  const after = served.sent.slice(loaded);
  await context.close();
  const sum = (kind: Sent["kind"]) => until.filter((s) => s.kind === kind).reduce((total, s) => total + s.bytes, 0);
  const html = sum("html");
  const css = sum("css");
  const js = sum("js");
  return {
    path,
    html,
    css,
    js,
    other: sum("other") + sum("pagefind"),
    total: html + css + js,
    requests: until.length,
    afterLoad: after.reduce((total, s) => total + s.bytes, 0),
  };
}
