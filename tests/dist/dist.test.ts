/**
 * Checks over the built site in dist/ (run after `npm run build`): links and anchors, third-party
 * resources, CSP-safe markup, HTML validity, entries in = pages out, the sitemap, the security
 * headers file and the page-weight budgets. Each failure names the page and the problem.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FileSystemConfigLoader, HtmlValidate, type Message } from "html-validate";
import { readContent } from "../../scripts/lib/content-files";
import { COLLECTIONS } from "../../src/schemas";
import { entryIdFromPath } from "../../src/utils/ids";
import { headerPolicy } from "../../src/security-headers";
import { brokenLinks, htmlPages, indexablePages, pageCsp, sitemapPaths, thirdPartyResources, unhashedInlineScripts } from "../helpers/dist-checks";
import { initialWeight } from "../helpers/page-weight";
import { readIndexedPages, SORT_FILE } from "../../scripts/index-search.mjs";
import { parseSortIndex } from "../../src/scripts/search-sort";

const DIST = "dist";

beforeAll(() => {
  if (!existsSync(join(DIST, "index.html"))) throw new Error("No dist/: run `npm run build` first (npm test does).");
});

describe("the built site", () => {
  it("has no broken internal link or anchor", () => {
    expect(brokenLinks(DIST)).toEqual([]);
  });

  it("loads nothing from another origin", () => {
    expect(thirdPartyResources(DIST)).toEqual([]);
  });

  it("has no inline script, event handler or style attribute that its CSP would block", () => {
    expect(unhashedInlineScripts(DIST)).toEqual([]);
  });

  it("is valid HTML on every page (html-validate)", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const problems: string[] = [];
    for (const page of htmlPages(DIST)) {
      const report = await validator.validateFile(page.file);
      for (const result of report.results) {
        problems.push(...result.messages.map((message: Message) => `${page.path}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`));
      }
    }
    expect(problems).toEqual([]);
  });

  it("has a page for every content entry (entries in = pages out)", () => {
    const missing = readContent("content")
      .map((file) => `/${COLLECTIONS[file.collection].route}/${entryIdFromPath(file.path)}/`)
      .filter((path) => !existsSync(join(DIST, path, "index.html")));
    expect(missing).toEqual([]);
  });

  it("lists every indexable page in the sitemap, and nothing else", () => {
    const listed = new Set(sitemapPaths(DIST));
    const pages = indexablePages(DIST);
    expect(pages.filter((path) => !listed.has(path))).toEqual([]);
    expect([...listed].filter((path) => !pages.includes(path))).toEqual([]);
  });

  it("serves the same Content-Security-Policy in _headers as in every page's meta tag", () => {
    const headers = readFileSync(join(DIST, "_headers"), "utf8");
    const policies = new Set(htmlPages(DIST).map((page) => pageCsp(readFileSync(page.file, "utf8"))));
    expect(policies.size).toBe(1);
    const [policy] = [...policies];
    expect(policy).toBeDefined();
    expect(headers).toContain(`Content-Security-Policy: ${headerPolicy(policy!)}`);
    expect(policy).not.toContain("'unsafe-inline'");
    for (const header of ["Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"]) expect(headers).toContain(header);
  });
});

describe("the search index", () => {
  it("holds every page that has an indexed region (data-pagefind-body), and no other", () => {
    // Pagefind reads only the pages scripts/index-search.mjs's glob names: a page outside it would drop out of search.
    const withBody = htmlPages(DIST)
      .filter((page) => readFileSync(page.file, "utf8").includes("data-pagefind-body"))
      .map((page) => page.path);
    const indexed = readIndexedPages(join(DIST, "pagefind")).map((page) => page.url);
    expect(withBody.length).toBeGreaterThan(0);
    expect([...indexed].sort()).toEqual([...withBody].sort());
  });

  it("has a sort index that ranks every indexed page once, by title", () => {
    const pages = readIndexedPages(join(DIST, "pagefind"));
    const index = parseSortIndex(JSON.parse(readFileSync(join(DIST, "pagefind", SORT_FILE), "utf8")));
    expect([...index.ids].sort()).toEqual(pages.map((page) => page.id).sort());
    const title = new Map(pages.map((page) => [page.id, page.title]));
    const byTitle = new Intl.Collator("en");
    const outOfOrder = index.ids.slice(1).filter((id, i) => byTitle.compare(title.get(index.ids[i]!)!, title.get(id)!) > 0);
    expect(outOfOrder).toEqual([]);
    const reviewed = new Map(pages.map((page) => [page.id, page.reviewed]));
    expect(index.reviewed.filter((day) => day > 0).length).toBeGreaterThan(0);
    index.ids.forEach((id, place) => expect(index.reviewed[place], id).toBe(Number(reviewed.get(id)?.replaceAll("-", "") ?? 0)));
  });
});

describe("page-weight budgets", () => {
  const KB = 1024;
  for (const route of ["case-studies", "modes"]) {
    it(`every ${route} page loads at most 30 KB gzip of HTML + CSS + JS before interaction`, () => {
      const over = htmlPages(DIST)
        .filter((page) => new RegExp(`^/${route}/[^/]+/$`).test(page.path))
        .map((page) => ({ path: page.path, ...initialWeight(DIST, page.path) }))
        .filter((weight) => weight.total > 30 * KB)
        .map((weight) => `${weight.path}: ${(weight.total / KB).toFixed(1)} KB (HTML ${weight.html}, CSS ${weight.css}, JS ${weight.js} bytes)`);
      expect(over).toEqual([]);
    });
  }
});
