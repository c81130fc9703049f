// @ts-check
/**
 * `node scripts/index-search.mjs [site=dist]` — the search half of `npm run build`, after `astro build`:
 *
 * 1. Pagefind indexes the built site, reading only the pages that can hold an indexed region
 *    (PAGEFIND_GLOB): the thousands of matrix-cell pages have no `data-pagefind-body`, and parsing
 *    them only cost time and memory.
 * 2. The sort index, `<site>/pagefind/sort.json`, is written from Pagefind's own output. /search/ sorts
 *    by name or by last review with it, and loads it only when a visitor sorts or browses without words
 *    (src/scripts/search-sort.ts). Pagefind's own sorts (`data-pagefind-sort`) would put the same data in
 *    its `pf_meta` file, which every first search downloads.
 *
 * Plain JavaScript, so that `npm run build` needs the production dependencies only (no tsx).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";

/**
 * The pages Pagefind reads, relative to the site: the top-level pages and every entry page (/case-studies/<id>/
 * and so on). That leaves out the matrix-cell pages, which have no indexed region: at 10,000 case studies
 * they are 9,000 of 21,000 pages, and skipping them cut Pagefind's CPU time by a sixth (bench/README.md).
 * An indexed page outside the glob would silently drop out of search: tests/dist checks that the index holds
 * every page with `data-pagefind-body`.
 */
export const PAGEFIND_GLOB = "{*/index.html,{case-studies,guides,institutions,modes}/*/index.html}";

/** Where the sort index goes, inside Pagefind's bundle (so `npm run dev` serves it with the rest of the index). */
export const SORT_FILE = "sort.json";

/** Every Pagefind file starts with this signature once decompressed. */
const SIGNATURE = "pagefind_dcd";

/**
 * @typedef {object} IndexedPage
 * @property {string} id Pagefind's id for the page: the `id` of a search result.
 * @property {string} url
 * @property {string} title The title search results show (Pagefind's `title` metadata: the page's h1).
 * @property {string | undefined} reviewed ISO date of the last review (`data-pagefind-meta="reviewed:…"`), if any.
 */

/**
 * A Pagefind file's JSON: gunzipped, signature checked and stripped.
 * @param {Buffer} compressed
 * @param {string} name for the error message
 * @returns {unknown}
 */
function readPagefindJson(compressed, name) {
  const bytes = gunzipSync(compressed);
  if (bytes.subarray(0, SIGNATURE.length).toString("utf8") !== SIGNATURE)
    throw new Error(`${name}: not a Pagefind file (no "${SIGNATURE}" signature after gunzip)`);
  return JSON.parse(bytes.subarray(SIGNATURE.length).toString("utf8"));
}

/**
 * @param {unknown} value
 * @returns {value is { url: string, meta?: Record<string, string> }}
 */
function isFragment(value) {
  return typeof value === "object" && value !== null && typeof (/** @type {{ url?: unknown }} */ (value).url) === "string";
}

/**
 * Every page in a Pagefind bundle, read from its fragments. A fragment file is one page (its file name is
 * the page's id) or, when Pagefind bundles fragments (`--max-fragments`), an object of pages by id.
 * @param {string} bundle the Pagefind output folder, e.g. dist/pagefind
 * @returns {IndexedPage[]} in id order
 */
export function readIndexedPages(bundle) {
  const folder = join(bundle, "fragment");
  /** @type {IndexedPage[]} */
  const pages = [];
  /** @param {string} id @param {{ url: string, meta?: Record<string, string> }} fragment */
  const add = (id, fragment) =>
    pages.push({ id, url: fragment.url, title: fragment.meta?.["title"] ?? "", reviewed: fragment.meta?.["reviewed"] });
  for (const file of readdirSync(folder).filter((name) => name.endsWith(".pf_fragment"))) {
    const json = readPagefindJson(readFileSync(join(folder, file)), file);
    if (isFragment(json)) add(file.slice(0, -".pf_fragment".length), json);
    else if (typeof json === "object" && json !== null)
      for (const [id, fragment] of Object.entries(json)) {
        if (!isFragment(fragment)) throw new Error(`${file}: entry ${id} is not a Pagefind fragment`);
        add(id, fragment);
      }
    else throw new Error(`${file}: not a Pagefind fragment`);
  }
  return pages.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * @typedef {object} SortIndex
 * @property {1} version
 * @property {string[]} ids every page's Pagefind id, by title A–Z (English collation, as the site's listings sort)
 * @property {number[]} reviewed for each id, its last review as a number YYYYMMDD, or 0 when it has none
 */

/** The same order as the listings' `localeCompare(…, "en")`. */
const byTitle = new Intl.Collator("en");

/**
 * The sort index: ids in name order, with the review date beside each. Ties (two pages with one title)
 * go by URL, so the file is the same on every build.
 * @param {readonly IndexedPage[]} pages
 * @returns {SortIndex}
 */
export function buildSortIndex(pages) {
  const sorted = [...pages].sort((a, b) => byTitle.compare(a.title, b.title) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return {
    version: 1,
    ids: sorted.map((page) => page.id),
    reviewed: sorted.map((page) =>
      page.reviewed !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(page.reviewed) ? Number(page.reviewed.replaceAll("-", "")) : 0,
    ),
  };
}

/**
 * Writes `<site>/pagefind/sort.json` from the Pagefind bundle already there; returns its path.
 * @param {string} site
 */
export function writeSortIndex(site) {
  const bundle = join(site, "pagefind");
  const file = join(bundle, SORT_FILE);
  writeFileSync(file, JSON.stringify(buildSortIndex(readIndexedPages(bundle))));
  return file;
}

/**
 * Runs the Pagefind CLI over the site's indexed pages; returns its exit status.
 * @param {string} site
 */
export function runPagefind(site) {
  const bin = fileURLToPath(new URL("../node_modules/.bin/pagefind", import.meta.url));
  const result = spawnSync(existsSync(bin) ? bin : "pagefind", ["--site", site, "--glob", PAGEFIND_GLOB], { stdio: "inherit" });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const site = resolve(process.argv[2] ?? "dist");
  if (!existsSync(join(site, "index.html"))) {
    console.error(`index-search: ${site} has no index.html; run \`astro build\` first.`);
    process.exit(1);
  }
  const status = runPagefind(site);
  if (status !== 0) process.exit(status);
  const file = writeSortIndex(site);
  console.log(`Wrote the sort index ${file}`);
}
