/**
 * Search, as a visitor uses it: /search/ on the Pagefind JS API and the header's results-as-you-type box.
 * Expected result sets are computed independently from the built pages' Pagefind filter attributes in
 * dist/, so the tests check the facet logic (OR within a facet, AND across facets), not only that
 * something appears.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, launch, openPage, type PageProblems } from "./browser";

interface BuiltPage {
  path: string;
  /** The h1, as search results show it: what "Name (A–Z)" sorts by. */
  title: string;
  /** The last review date, when the page has one. */
  reviewed?: string;
  filters: Record<string, string[]>;
}

/** Text of an HTML attribute or element, with the entities Astro writes decoded. */
function decode(html: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return html.replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (entity, code: string) =>
    code.startsWith("#x") || code.startsWith("#X")
      ? String.fromCodePoint(parseInt(code.slice(2), 16))
      : code.startsWith("#")
        ? String.fromCodePoint(Number(code.slice(1)))
        : (named[code] ?? entity),
  );
}

/** Every indexed page in dist/ (those with data-pagefind-body), with its filters as Pagefind reads them. */
function builtPages(): Map<string, BuiltPage> {
  const pages = new Map<string, BuiltPage>();
  for (const file of readdirSync("dist", { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith("index.html") || file.startsWith(`pagefind${sep}`)) continue;
    const html = readFileSync(join("dist", file), "utf8");
    if (!html.includes("data-pagefind-body")) continue;
    const path = `/${relative(".", file).split(sep).slice(0, -1).join("/")}/`.replace(/^\/\/$/, "/");
    const filters: Record<string, string[]> = {};
    for (const [, key, value] of html.matchAll(/data-pagefind-filter="([a-z]+):([^"]+)"/g)) (filters[key!] ??= []).push(decode(value!));
    const title = decode((/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? "").replace(/<[^>]+>/g, ""))
      .replace(/\s+/g, " ")
      .trim();
    const reviewed = /data-pagefind-meta="reviewed:([^"]*)"/.exec(html)?.[1];
    pages.set(path, { path, title, filters, ...(reviewed === undefined ? {} : { reviewed }) });
  }
  return pages;
}

const pages = builtPages();
/** The name order: titles compared as the site's listings compare them. */
const byTitle = new Intl.Collator("en");
const titleOf = (path: string) => pages.get(path)?.title ?? "";
/** Pairs of neighbours that are out of order, as "a > b" lines (empty when the list is in order). */
function outOfOrder<T>(items: readonly T[], compare: (a: T, b: T) => number, show: (item: T) => string): string[] {
  return items.slice(1).flatMap((item, i) => (compare(items[i]!, item) > 0 ? [`${show(items[i]!)} > ${show(item)}`] : []));
}
const has = (path: string, key: string, values: string[]) => values.some((value) => pages.get(path)?.filters[key]?.includes(value));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

function expectClean(problems: PageProblems): void {
  // The messages go into the failure text: a test report shows what went wrong, not just how many.
  expect(problems.consoleErrors, `console errors: ${problems.consoleErrors.join(" | ")}`).toEqual([]);
  expect(problems.cspViolations, `CSP violations: ${problems.cspViolations.join(" | ")}`).toEqual([]);
  expect(problems.offOrigin, "requests leaving the origin").toEqual([]);
  expect(problems.failedRequests, `failed requests: ${problems.failedRequests.join(" | ")}`).toEqual([]);
}

/**
 * Waits until the search page has answered with a status containing `text`: results and status are in, and
 * the facet counts too (on a first search they follow the results, once the filter index has loaded).
 */
async function settled(page: Page, text: string): Promise<string> {
  await page.waitForFunction(
    (want) => {
      const list = document.querySelector("[data-search-results]");
      const facets = document.querySelector("[data-search-facets]");
      const status = document.querySelector("[data-search-status]")?.textContent ?? "";
      return (
        list !== null && !list.hasAttribute("aria-busy") && facets !== null && !facets.hasAttribute("aria-busy") && status.includes(want)
      );
    },
    text,
    { timeout: 20_000 },
  );
  return (await page.locator("[data-search-status]").textContent()) ?? "";
}

/** All result paths in order, pressing "Show more results" until every result is shown. */
async function allResults(page: Page): Promise<string[]> {
  const more = page.locator("[data-search-more]");
  while (await more.isVisible()) {
    const before = await page.locator("[data-search-results] > li").count();
    await more.click();
    // Results stream in one by one; the list is busy until the whole page of them is there.
    await page.waitForFunction((n) => {
      const list = document.querySelector("[data-search-results]");
      return list !== null && list.children.length > n && !list.hasAttribute("aria-busy");
    }, before);
  }
  return page
    .locator("[data-search-results] > li h3 a")
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

/** Unfolds the "Filters" disclosure (a visitor's click) unless a shared link already opened it. */
async function openFilters(page: Page): Promise<void> {
  const filters = page.locator("[data-search-filters]");
  if (!(await filters.evaluate((details) => (details as HTMLDetailsElement).open))) await filters.locator("summary").click();
}

/** Waits until the header box has answered `term` in full: results stream in, then "All … results for “term”" closes the list. */
async function answered(page: Page, term: string): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const listbox = document.querySelector("#header-search-results");
      const last = listbox?.querySelector("[role=option]:last-child")?.textContent ?? "";
      return listbox !== null && !listbox.hasAttribute("aria-busy") && last.includes(`“${want}”`);
    },
    term,
    { timeout: 20_000 },
  );
}

/** Results the search page shows before "Show more results" (src/scripts/search-page.ts). */
const FIRST_PAGE = 5;
const resultCount = (status: string) => Number(/^(\d+) results?/.exec(status)?.[1] ?? NaN);

describe("the search page", () => {
  it("finds the case studies with “mentoring” in their title, with highlighted excerpts and links to sections", async () => {
    const known = [...pages.values()].filter((p) => p.filters["kind"]?.includes("case-study") && /mentoring/i.test(p.title));
    expect(known.length, "content has a case study with “mentoring” in its title").toBeGreaterThan(0);
    const { page, context, problems } = await openPage(browser, "/search/?q=mentoring");
    try {
      const status = await settled(page, "for “mentoring”");
      const found = await allResults(page);
      expect(found).toHaveLength(resultCount(status));
      for (const p of known) expect(found, `${p.path} is found`).toContain(p.path);
      const first = page.locator("[data-search-results] > li").first();
      expect(await first.locator("p mark").first().textContent()).toMatch(/mentor/i);
      expect(await page.locator("[data-search-results] li ul a[href*='#']").count(), "sub-results link to sections").toBeGreaterThan(0);
      expectClean(problems);
    } finally {
      await context.close();
    }
  });

  it("narrows with OR within a facet and AND across facets, and counts each value the same way", async () => {
    const { page, context, problems } = await openPage(browser, "/search/?q=mentoring");
    try {
      await settled(page, "for “mentoring”");
      const all = await allResults(page);

      await openFilters(page);
      await page.getByRole("checkbox", { name: /^Austria/ }).check();
      await settled(page, "Country is Austria.");
      await page.getByRole("checkbox", { name: /^Belgium/ }).check();
      await settled(page, "Country is Austria or Belgium");
      const either = await allResults(page);
      const expectedEither = all.filter((path) => has(path, "country", ["AT", "BE"]));
      expect(expectedEither.length).toBeGreaterThan(0);
      expect([...either].sort()).toEqual([...expectedEither].sort());

      await page.getByRole("checkbox", { name: /^Case study/ }).check();
      await settled(page, "Kind of page is Case study and Country is Austria or Belgium");
      const both = await allResults(page);
      const expectedBoth = expectedEither.filter((path) => has(path, "kind", ["case-study"]));
      expect([...both].sort()).toEqual([...expectedBoth].sort());
      expect(both.length).toBeLessThan(either.length);

      // A country's count: the pages it would add with the kind filter kept (not ANDed with the other countries).
      const count = async (name: RegExp) =>
        Number(await page.getByRole("checkbox", { name }).locator("xpath=..").locator("[data-facet-count]").textContent());
      const caseStudies = all.filter((path) => has(path, "kind", ["case-study"]));
      expect(await count(/^Belgium/)).toBe(caseStudies.filter((path) => has(path, "country", ["BE"])).length);
      // An unticked country with the most such pages: it counts what it would add, not 0 for "and Austria".
      const countries = new Map<string, number>();
      for (const path of caseStudies)
        for (const code of pages.get(path)?.filters["country"] ?? []) countries.set(code, (countries.get(code) ?? 0) + 1);
      const [other, otherCount] = [...countries].filter(([code]) => code !== "AT" && code !== "BE").sort((a, b) => b[1] - a[1])[0] ?? [
        "",
        0,
      ];
      expect(otherCount).toBeGreaterThan(0);
      const otherLabel = await page
        .locator(`input[data-facet=country][value="${other}"]`)
        .locator("xpath=..")
        .locator("[data-facet-label]")
        .textContent();
      expect(await count(new RegExp(`^${otherLabel}`))).toBe(otherCount);
      // A kind's count: the pages of that kind left by the country filter.
      expect(await count(/^Institution/)).toBe(expectedEither.filter((path) => has(path, "kind", ["institution"])).length);
      expectClean(problems);
    } finally {
      await context.close();
    }
  });

  it("browses by facets alone with an empty query, by name", async () => {
    const { page, context, problems } = await openPage(browser, "/search/?kind=guide");
    try {
      await settled(page, "Kind of page is Guide");
      const found = await allResults(page);
      const guides = [...pages.values()].filter((p) => p.filters["kind"]?.includes("guide")).map((p) => p.path);
      expect(guides.length).toBeGreaterThan(1);
      expect(found).toEqual([...guides].sort((a, b) => byTitle.compare(titleOf(a), titleOf(b))));
      expectClean(problems);
    } finally {
      await context.close();
    }
  });

  it("sorts by name or by last review without changing which pages are found, loading the sort index only then", async () => {
    const { page, context, problems } = await openPage(browser, "/search/?q=industrial");
    try {
      const sortIndex: string[] = [];
      page.on("request", (request) => {
        if (new URL(request.url()).pathname === "/pagefind/sort.json") sortIndex.push(request.url());
      });
      await settled(page, "for “industrial”");
      const byRelevance = await allResults(page);
      expect(byRelevance.length).toBeGreaterThan(FIRST_PAGE);
      expect(sortIndex, "relevance needs no sort index").toEqual([]);

      await page.getByLabel("Sort by").selectOption("name");
      await page.waitForURL(/sort=name/);
      await settled(page, "for “industrial”");
      const byName = await allResults(page);
      expect([...byName].sort()).toEqual([...byRelevance].sort());
      expect(byName).not.toEqual(byRelevance);
      expect(outOfOrder(byName, (a, b) => byTitle.compare(titleOf(a), titleOf(b)), titleOf)).toEqual([]);
      expect(sortIndex).toHaveLength(1);

      await page.getByLabel("Sort by").selectOption("reviewed");
      await page.waitForURL(/sort=reviewed/);
      await settled(page, "for “industrial”");
      const byReviewed = await allResults(page);
      expect([...byReviewed].sort()).toEqual([...byRelevance].sort());
      // Newest review first, the same day by name; pages without a review date (about, methodology) last.
      const dated = byReviewed.filter((path) => pages.get(path)?.reviewed !== undefined);
      expect(dated.length).toBeGreaterThan(1);
      expect(byReviewed.slice(0, dated.length)).toEqual(dated);
      const newestFirst = (a: string, b: string) =>
        (pages.get(b)?.reviewed ?? "").localeCompare(pages.get(a)?.reviewed ?? "") || byTitle.compare(titleOf(a), titleOf(b));
      expect(outOfOrder(dated, newestFirst, (path) => `${pages.get(path)?.reviewed} ${titleOf(path)}`)).toEqual([]);
      expect(sortIndex, "the sort index is loaded once per page").toHaveLength(1);
      expectClean(problems);
    } finally {
      await context.close();
    }
  });

  it("shows the first results before the filter counts, which follow once the filter index has loaded", async () => {
    const { page, context, problems } = await openPage(browser, "/");
    try {
      const held: (() => Promise<void>)[] = [];
      await page.route("**/pagefind/filter/**", (route) => {
        held.push(() => route.continue());
      });
      await page.goto(new URL("/search/?q=mentoring", page.url()).href);
      await page.waitForFunction(() => (document.querySelector("[data-search-status]")?.textContent ?? "").includes("for “mentoring”"));
      expect(await page.locator("[data-search-results] > li").count()).toBeGreaterThan(0);
      expect(await page.locator("[data-search-facets]").getAttribute("aria-busy")).toBe("true");
      expect(await page.locator("[data-facet-count]").evaluateAll((slots) => slots.filter((slot) => slot.textContent !== "").length)).toBe(
        0,
      );
      expect(held.length).toBeGreaterThan(0);
      for (const release of held.splice(0)) await release();
      await settled(page, "for “mentoring”");
      const caseStudies = await page
        .locator('input[data-facet=kind][value="case-study"]')
        .locator("xpath=..")
        .locator("[data-facet-count]")
        .textContent();
      expect(Number(caseStudies)).toBeGreaterThan(0);
      expectClean(problems);
    } finally {
      await context.close();
    }
  });

  it("keeps the search in the URL: a shared link shows the same results, and Back and Forward step through changes", async () => {
    const { page, context, problems } = await openPage(browser, "/search/?q=phd");
    try {
      await settled(page, "for “phd”");
      const phd = await allResults(page);
      await openFilters(page);
      await page.getByRole("checkbox", { name: /^Denmark/ }).check();
      await settled(page, "Country is Denmark");
      expect(new URL(page.url()).search).toBe("?q=phd&country=DK");
      const denmark = await allResults(page);
      await page.getByRole("checkbox", { name: /^Active/ }).check();
      await settled(page, "and Status is Active");
      const shared = page.url();
      const activeDenmark = await allResults(page);

      const receiver = await openPage(browser, new URL(shared).pathname + new URL(shared).search);
      try {
        await settled(receiver.page, "and Status is Active");
        expect(await allResults(receiver.page)).toEqual(activeDenmark);
        expect(await receiver.page.getByRole("checkbox", { name: /^Denmark/ }).isChecked()).toBe(true);
        expect(await receiver.page.locator("#search-q").inputValue()).toBe("phd");
      } finally {
        await receiver.context.close();
      }

      await page.goBack();
      await settled(page, "Country is Denmark.");
      expect(await allResults(page)).toEqual(denmark);
      expect(await page.getByRole("checkbox", { name: /^Active/ }).isChecked()).toBe(false);
      await page.goBack();
      await settled(page, "for “phd”.");
      expect(await allResults(page)).toEqual(phd);
      await page.goForward();
      await settled(page, "Country is Denmark.");
      expect(await page.getByRole("checkbox", { name: /^Denmark/ }).isChecked()).toBe(true);
      expectClean(problems);
    } finally {
      await context.close();
    }
  });

  it("searches as you type, from the keyboard alone, and ticks filters with the space bar", async () => {
    const { page, context, problems } = await openPage(browser, "/search/");
    try {
      await settled(page, "pages to search");
      await page.keyboard.press("/");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-q");
      await page.keyboard.type("mentoring");
      await settled(page, "for “mentoring”");
      expect(new URL(page.url()).searchParams.get("q")).toBe("mentoring");
      // Tab past the submit button to the "Filters" disclosure, open it with Enter, Tab to the first checkbox.
      for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.tagName)) !== "SUMMARY"; i++)
        await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe("checkbox");
      const name = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
      await page.keyboard.press("Space");
      await page.waitForURL(new RegExp(`kind=${name}`));
      await settled(page, "Kind of page is");
      expectClean(problems);
    } finally {
      await context.close();
    }
  });

  it("without JavaScript says so, points to the complete listings and shows no dead controls", async () => {
    const { page, context } = await openPage(browser, "/search/?q=mentoring", { javaScriptEnabled: false });
    try {
      expect(await page.locator("main").textContent()).toContain("Search needs JavaScript");
      for (const href of ["/case-studies/", "/institutions/", "/modes/", "/guides/"])
        expect(await page.locator(`main a[href="${href}"]`).count()).toBe(1);
      expect(await page.locator("[data-search-ui]").isHidden()).toBe(true);
    } finally {
      await context.close();
    }
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`passes axe in ${colorScheme} with results and facets shown`, async () => {
      const { page, context } = await openPage(browser, "/search/?q=mentoring&country=AT,BE", { colorScheme });
      try {
        await settled(page, "Austria or Belgium");
        expect(await page.locator("[data-search-filters]").evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
        expect(await page.locator("[data-search-results] mark").count()).toBeGreaterThan(0);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe("the header search box", () => {
  it("is the issue's scenario: '/', “mentoring”, Enter, tick Austria and Belgium, share the URL, same results", async () => {
    const { page, context, problems } = await openPage(browser, "/");
    try {
      await page.keyboard.press("/");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("header-search");
      await page.keyboard.type("mentoring");
      await answered(page, "mentoring");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/search\/\?q=mentoring$/);
      await settled(page, "for “mentoring”");
      const all = await allResults(page);

      await openFilters(page);
      await page.getByRole("checkbox", { name: /^Austria/ }).check();
      await page.getByRole("checkbox", { name: /^Belgium/ }).check();
      const status = await settled(page, "Country is Austria or Belgium");
      const found = await allResults(page);
      const expected = all.filter((path) => has(path, "country", ["AT", "BE"]));
      expect(expected.length).toBeGreaterThan(0);
      expect([...found].sort()).toEqual([...expected].sort());
      expect(resultCount(status)).toBe(expected.length);
      // Every result shows an excerpt with the matched word highlighted.
      const marks = await page
        .locator("[data-search-results] > li")
        .evaluateAll((items) => items.map((item) => item.querySelector(":scope > p mark")?.textContent ?? ""));
      for (const mark of marks) expect(mark).toMatch(/mentor/i);

      const shared = new URL(page.url());
      expect(shared.search).toBe("?q=mentoring&country=AT,BE");
      const receiver = await openPage(browser, shared.pathname + shared.search);
      try {
        await settled(receiver.page, "Country is Austria or Belgium");
        expect(await allResults(receiver.page)).toEqual(found);
        expectClean(receiver.problems);
      } finally {
        await receiver.context.close();
      }
      expectClean(problems);
    } finally {
      await context.close();
    }
  });

  it("loads nothing for search until the box gets focus, then starts loading the index at once", async () => {
    const { page, context, problems } = await openPage(browser, "/guides/");
    try {
      const requested: string[] = [];
      page.on("request", (request) => requested.push(new URL(request.url()).pathname));
      await page.waitForLoadState("networkidle");
      expect(requested.filter((path) => path.startsWith("/pagefind/"))).toEqual([]);
      const wasm = page.waitForRequest((request) => request.url().includes("/pagefind/wasm."));
      await page.locator("#header-search").focus();
      // Nothing typed yet: the worker and its wasm are already on their way.
      await wasm;
      expect(await page.locator("#header-search").inputValue()).toBe("");
      expectClean(problems);
    } finally {
      await context.close();
    }
  });

  it("shows results as you type on any page; the arrow keys pick one and Enter opens it", async () => {
    const { page, context, problems } = await openPage(browser, "/about/");
    try {
      await page.keyboard.press("Control+k");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("header-search");
      await page.keyboard.type("industrial");
      const options = page.locator("#header-search-results [role=option]");
      await answered(page, "industrial");
      expect(await page.locator("#header-search").getAttribute("aria-expanded")).toBe("true");
      expect(await options.last().textContent()).toMatch(/All \d+ results? for “industrial”/);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      const chosen = options.nth(1);
      expect(await chosen.getAttribute("aria-selected")).toBe("true");
      expect(await page.locator("#header-search").getAttribute("aria-activedescendant")).toBe(await chosen.getAttribute("id"));
      const target = new URL((await chosen.getAttribute("href")) ?? "", page.url()).pathname;
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname === target);
      expect(pages.has(target), `${target} is an indexed page`).toBe(true);
      expectClean(problems);
    } finally {
      await context.close();
    }
  });

  it("shows the best result as soon as it arrives, without waiting for the others", async () => {
    const { page, context, problems } = await openPage(browser, "/modes/");
    try {
      // Results' fragments are asked for in result order: hold back every one but the first.
      let fragments = 0;
      const held: (() => Promise<void>)[] = [];
      await page.route("**/pagefind/fragment/**", async (route) => {
        if (fragments++ === 0) await route.continue();
        else held.push(() => route.continue());
      });
      await page.locator("#header-search").focus();
      await page.locator("#header-search").fill("mentoring");
      await page.locator("#header-search-option-0").waitFor();
      expect(await page.locator("#header-search-results [role=option]").count()).toBe(1);
      expect(await page.locator("#header-search-results").getAttribute("aria-busy")).toBe("true");
      expect(await page.locator("#header-search").getAttribute("aria-expanded")).toBe("true");
      expect(held.length).toBeGreaterThan(0);
      for (const release of held.splice(0)) await release();
      await answered(page, "mentoring");
      expect(await page.locator("#header-search-results [role=option]").count()).toBe(6);
      expectClean(problems);
    } finally {
      await context.close();
    }
  });

  it("closes with Escape and, with no result chosen, Enter opens the search page for the words typed", async () => {
    const { page, context } = await openPage(browser, "/case-studies/");
    try {
      await page.locator("#header-search").focus();
      await page.keyboard.type("joint research");
      await answered(page, "joint research");
      await page.keyboard.press("Escape");
      expect(await page.locator("#header-search-results").isHidden()).toBe(true);
      expect(await page.locator("#header-search").getAttribute("aria-expanded")).toBe("false");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/search\/\?q=joint(\+|%20)research$/);
      await settled(page, "for “joint research”");
    } finally {
      await context.close();
    }
  });

  it("passes axe with its results open, in light and dark", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const { page, context } = await openPage(browser, "/modes/", { colorScheme });
      try {
        await page.locator("#header-search").focus();
        await page.keyboard.type("mentoring");
        await answered(page, "mentoring");
        await page.keyboard.press("ArrowDown");
        expect(await axeViolations(page), colorScheme).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});

describe("the search index", () => {
  it("holds each page's main content only: header, navigation, breadcrumbs and footers are outside it", () => {
    expect(pages.size).toBeGreaterThan(0);
    for (const file of readdirSync("dist", { recursive: true, encoding: "utf8" })) {
      if (!file.endsWith(".html")) continue;
      const html = readFileSync(join("dist", file), "utf8");
      const start = html.indexOf("data-pagefind-body");
      if (start === -1) continue;
      expect(html.indexOf("data-pagefind-body", start + 1), `${file} has one indexed region`).toBe(-1);
      const body = html.slice(start, html.indexOf("</article>", start));
      for (const outside of [
        "data-site-header",
        "data-site-footer",
        'aria-label="Breadcrumb"',
        'aria-label="About this entry"',
        'aria-label="Main"',
      ]) {
        expect(body.includes(outside), `${file}: ${outside} is outside the index`).toBe(false);
      }
    }
  });

  it("keeps sort keys out of Pagefind's metadata file, which every first search downloads", () => {
    // Sorting uses /pagefind/sort.json instead (scripts/index-search.mjs), loaded only to sort.
    const withSort = [...pages.keys()].filter((path) =>
      readFileSync(join("dist", path, "index.html"), "utf8").includes("data-pagefind-sort"),
    );
    expect(withSort).toEqual([]);
  });

  it("tags every entry page with its kind, as the search page's facets expect", () => {
    for (const route of ["case-studies", "institutions", "modes", "guides"]) {
      const ids = readdirSync(join("dist", route), { withFileTypes: true }).filter((entry) => entry.isDirectory());
      for (const id of ids) {
        const built = pages.get(`/${route}/${id.name}/`);
        if (built === undefined) continue; // a sub-route (e.g. a feed folder) rather than an entry page
        expect(built.filters["kind"], built.path).toHaveLength(1);
      }
    }
  });

  it("a first search from the header box downloads at most 120 KB (gzip, on the wire)", async () => {
    const { page, context, problems } = await openPage(browser, "/");
    try {
      const bytes: { url: string; size: number }[] = [];
      page.on("response", (response) => {
        bytes.push({ url: response.url(), size: Number(response.headers()["content-length"] ?? 0) });
      });
      await page.locator("#header-search").focus();
      await page.locator("#header-search").fill("mentoring");
      await answered(page, "mentoring");
      await page.waitForFunction(() => document.querySelectorAll("#header-search-results [role=option]").length > 1);
      const total = bytes.reduce((sum, entry) => sum + entry.size, 0);
      expect(bytes.some((entry) => entry.url.includes("/pagefind/"))).toBe(true);
      expect(
        bytes.filter((entry) => entry.url.includes("/pagefind/sort.json")),
        "results as you type are never sorted",
      ).toEqual([]);
      // The worker is driven directly (src/scripts/pagefind.ts); pagefind.js would be a fallback costing 13 KB.
      expect(bytes.filter((entry) => entry.url.includes("/pagefind/pagefind.js"))).toEqual([]);
      expect(total, bytes.map((entry) => `${entry.size} ${new URL(entry.url).pathname}`).join("\n")).toBeLessThanOrEqual(120_000);
      expectClean(problems);
    } finally {
      await context.close();
    }
  });

  it("a first search on the search page downloads at most 120 KB of index (gzip, on the wire)", async () => {
    const { page, context } = await openPage(browser, "/");
    try {
      const bytes: { url: string; size: number }[] = [];
      page.on("response", (response) => {
        if (response.url().includes("/pagefind/"))
          bytes.push({ url: response.url(), size: Number(response.headers()["content-length"] ?? 0) });
      });
      await page.goto(new URL("/search/", page.url()).href);
      await settled(page, "pages to search");
      await page.locator("#search-q").fill("mentoring");
      await settled(page, "for “mentoring”");
      const total = bytes.reduce((sum, entry) => sum + entry.size, 0);
      expect(
        bytes.filter((entry) => entry.url.includes("/pagefind/sort.json")),
        "relevance needs no sort index",
      ).toEqual([]);
      expect(bytes.filter((entry) => entry.url.includes("/pagefind/pagefind.js"))).toEqual([]);
      expect(total, bytes.map((entry) => `${entry.size} ${new URL(entry.url).pathname}`).join("\n")).toBeLessThanOrEqual(120_000);
    } finally {
      await context.close();
    }
  });
});
