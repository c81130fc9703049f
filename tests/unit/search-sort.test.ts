import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { buildSortIndex, readIndexedPages, type IndexedPage } from "../../scripts/index-search.mjs";
import { orderByRank, parseSortIndex, sortRanks } from "../../src/scripts/search-sort";

const page = (id: string, title: string, reviewed?: string, url = `/${id}/`): IndexedPage => ({ id, url, title, reviewed });

/** A sort index as the client receives it: built, written as JSON, read back. */
const roundTrip = (pages: IndexedPage[]) => parseSortIndex(JSON.parse(JSON.stringify(buildSortIndex(pages))));
const ids = (...values: string[]) => values.map((id) => ({ id }));

describe("the sort index file", () => {
  it("lists pages by title as the listings sort them: case and accents second, not by code point", () => {
    const index = buildSortIndex([page("z", "Zeta Labs"), page("o", "Örebro University"), page("a", "aalto Works"), page("b", "Bologna")]);
    expect(index.ids).toEqual(["a", "b", "o", "z"]);
  });

  it("orders pages with the same title by URL, so two builds write the same file", () => {
    const pages = [page("x", "Same", undefined, "/institutions/b/"), page("y", "Same", undefined, "/case-studies/a/")];
    expect(buildSortIndex(pages).ids).toEqual(["y", "x"]);
    expect(JSON.stringify(buildSortIndex([...pages].reverse()))).toBe(JSON.stringify(buildSortIndex(pages)));
  });

  it("stores each review date as YYYYMMDD beside its page, and 0 for a page without one", () => {
    const index = buildSortIndex([page("m", "Methodology"), page("c", "Consultancy", "2026-03-09"), page("g", "Guide", "not a date")]);
    expect(index.ids).toEqual(["c", "g", "m"]);
    expect(index.reviewed).toEqual([20260309, 0, 0]);
  });

  it("is refused when it is not version 1 or its lists disagree", () => {
    expect(() => parseSortIndex({ version: 2, ids: [], reviewed: [] })).toThrow(/expected format/);
    expect(() => parseSortIndex({ version: 1, ids: ["a"], reviewed: [] })).toThrow(/expected format/);
    expect(() => parseSortIndex({ version: 1, ids: ["a"], reviewed: [-1] })).toThrow(/expected format/);
    expect(() => parseSortIndex(null)).toThrow(/expected format/);
    expect(parseSortIndex({ version: 1, ids: ["a"], reviewed: [0] }).ids).toEqual(["a"]);
  });
});

describe("reading Pagefind's fragments", () => {
  const root = mkdtempSync(join(tmpdir(), "sort-index-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const pagefindFile = (json: unknown) => gzipSync(Buffer.concat([Buffer.from("pagefind_dcd"), Buffer.from(JSON.stringify(json))]));

  it("reads one page per fragment file, and pages bundled into one file by id", () => {
    const bundle = join(root, "bundled");
    mkdirSync(join(bundle, "fragment"), { recursive: true });
    const fragment = (url: string, meta: Record<string, string>) => ({ url, content: "…", word_count: 1, filters: {}, meta, anchors: [] });
    writeFileSync(join(bundle, "fragment", "en_b2.pf_fragment"), pagefindFile(fragment("/about/", { title: "About" })));
    writeFileSync(
      join(bundle, "fragment", "en_group1.pf_fragment"),
      pagefindFile({
        en_a1: fragment("/modes/consultancy/", { title: "Consultancy", reviewed: "2026-01-02", kind: "mode" }),
        en_c3: fragment("/guides/ip/", { title: "IP", reviewed: "2025-12-31" }),
      }),
    );
    expect(readIndexedPages(bundle)).toEqual([
      { id: "en_a1", url: "/modes/consultancy/", title: "Consultancy", reviewed: "2026-01-02" },
      { id: "en_b2", url: "/about/", title: "About", reviewed: undefined },
      { id: "en_c3", url: "/guides/ip/", title: "IP", reviewed: "2025-12-31" },
    ]);
  });

  it("names the file that is not a Pagefind fragment", () => {
    const bundle = join(root, "broken");
    mkdirSync(join(bundle, "fragment"), { recursive: true });
    writeFileSync(join(bundle, "fragment", "en_x.pf_fragment"), gzipSync(Buffer.from('{"url":"/x/"}')));
    expect(() => readIndexedPages(bundle)).toThrow(/en_x\.pf_fragment: not a Pagefind file/);
  });
});

describe("sorting results", () => {
  const index = roundTrip([
    page("about", "About"),
    page("bologna", "Bologna", "2025-06-01"),
    page("cork", "Cork", "2026-02-01"),
    page("delft", "Delft", "2025-06-01"),
    page("aalto", "Aalto", "2024-01-15"),
  ]);

  it("by name ranks every page by title", () => {
    const relevance = ids("delft", "about", "cork", "aalto", "bologna");
    expect(orderByRank(relevance, sortRanks(index, "name")).map((r) => r.id)).toEqual(["aalto", "about", "bologna", "cork", "delft"]);
  });

  it("by last review puts the newest first, the same day by name, and pages never reviewed last in relevance order", () => {
    const relevance = ids("about", "delft", "unknown", "aalto", "bologna", "cork");
    expect(orderByRank(relevance, sortRanks(index, "reviewed")).map((r) => r.id)).toEqual([
      "cork",
      "bologna",
      "delft",
      "aalto",
      "about",
      "unknown",
    ]);
  });

  it("never adds or drops a result", () => {
    const relevance = ids("cork", "nowhere");
    expect(orderByRank(relevance, sortRanks(index, "name")).map((r) => r.id)).toEqual(["cork", "nowhere"]);
    expect(orderByRank([], sortRanks(index, "reviewed"))).toEqual([]);
  });
});
