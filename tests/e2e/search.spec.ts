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
  title: string;
  /** The "name" sort key, when the page has one. */
  name?: string;
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
    const title = decode((/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? "").replace(/<[^>]+>/g, "").trim());
    const sortName = /data-pagefind-sort="name:([^"]*)"/.exec(html)?.[1];
    const name = sortName === undefined ? undefined : decode(sortName);
    pages.set(path, { path, title, filters, ...(name === undefined ? {} : { name }) });
  }
  return pages;
}

const pages = builtPages();
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

/** Waits until the search page has answered (the status is written last) with a status containing `text`. */
async function settled(page: Page, text: string): Promise<string> {
  await page.waitForFunction(
    (want) => {
      const list = document.querySelector("[data-search-results]");
      const status = document.querySelector("[data-search-status]")?.textContent ?? "";
      return list !== null && !list.hasAttribute("aria-busy") && status.includes(want);
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
    await page.waitForFunction((n) => document.querySelectorAll("[data-search-results] > li").length > n, before);
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

  it("browses by facets alone with an empty query", async () => {
    const { page, context } = await openPage(browser, "/search/?kind=guide");
    try {
      await settled(page, "Kind of page is Guide");
      const found = await allResults(page);
      const guides = [...pages.values()].filter((p) => p.filters["kind"]?.includes("guide")).map((p) => p.path);
      expect([...found].sort()).toEqual([...guides].sort());
    } finally {
      await context.close();
    }
  });

  it("sorts by name or by last review without changing which pages are found", async () => {
    const { page, context } = await openPage(browser, "/search/?q=industrial");
    try {
      await settled(page, "for “industrial”");
      const byRelevance = await allResults(page);
      await page.getByLabel("Sort by").selectOption("name");
      await page.waitForURL(/sort=name/);
      await settled(page, "for “industrial”");
      const byName = await allResults(page);
      expect([...byName].sort()).toEqual([...byRelevance].sort());
      // Pages with a name come first, in name order; pages without one (about, methodology) follow.
      const names = byName.map((path) => pages.get(path)?.name);
      const named = names.filter((name) => name !== undefined);
      expect(names.slice(0, named.length)).toEqual(named);
      expect(named).toEqual([...named].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      await page.getByLabel("Sort by").selectOption("reviewed");
      await page.waitForURL(/sort=reviewed/);
      await settled(page, "for “industrial”");
      expect([...(await allResults(page))].sort()).toEqual([...byRelevance].sort());
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
      await page.locator("#header-search-results [role=option]").first().waitFor();
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
      await options.first().waitFor();
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

  it("closes with Escape and, with no result chosen, Enter opens the search page for the words typed", async () => {
    const { page, context } = await openPage(browser, "/case-studies/");
    try {
      await page.locator("#header-search").focus();
      await page.keyboard.type("joint research");
      await page.locator("#header-search-results [role=option]").first().waitFor();
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
        await page.locator("#header-search-results [role=option]").first().waitFor();
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
      await page.locator("#header-search-results [role=option]").first().waitFor();
      await page.waitForFunction(() => document.querySelectorAll("#header-search-results [role=option]").length > 1);
      const total = bytes.reduce((sum, entry) => sum + entry.size, 0);
      expect(bytes.some((entry) => entry.url.includes("/pagefind/"))).toBe(true);
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
      expect(total, bytes.map((entry) => `${entry.size} ${new URL(entry.url).pathname}`).join("\n")).toBeLessThanOrEqual(120_000);
    } finally {
      await context.close();
    }
  });
});
