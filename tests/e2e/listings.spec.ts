/**
 * The filterable listings and the mode finder: with JavaScript they narrow by the same facets and URL
 * parameters as search (OR within a facet, AND across), with counts and an announced result; without
 * JavaScript they list every entry. Expected sets are computed here from the items' data attributes.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, launch, openPage, type PageProblems } from "./browser";

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

/** How many entry pages the build made under a route (one folder with an index.html per entry). */
function builtEntries(route: string): number {
  return readdirSync(join("dist", route), { withFileTypes: true }).filter(
    (entry) => entry.isDirectory() && existsSync(join("dist", route, entry.name, "index.html")),
  ).length;
}

interface Item {
  href: string;
  hidden: boolean;
  facets: Record<string, string[]>;
}

/** The items of the page's listing(s) as the HTML carries them. */
function items(page: Page, selector = "[data-listing] [data-item]"): Promise<Item[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const item = element as HTMLElement;
      const facets: Record<string, string[]> = {};
      for (const key of ["mode", "country", "type", "audience", "status", "goal"]) {
        const value = item.dataset[key];
        if (value !== undefined) facets[key] = value.split(/\s+/).filter(Boolean);
      }
      return {
        href: item.querySelector("h2 a, h3 a")?.getAttribute("href") ?? "",
        hidden: item.hidden !== false || item.closest("[hidden]") !== null,
        facets,
      };
    }),
  );
}

/** OR within a facet, AND across facets. */
function expected(all: Item[], chosen: Record<string, string[]>): string[] {
  return all
    .filter((item) => Object.entries(chosen).every(([key, values]) => values.some((value) => item.facets[key]?.includes(value))))
    .map((item) => item.href);
}

const visible = (list: Item[]) => list.filter((item) => !item.hidden).map((item) => item.href);

/** The value that splits a listing best in one facet: carried by some items but not all. */
function splitting(all: Item[], key: string, skip: string[] = []): string {
  const counts = new Map<string, number>();
  for (const item of all) for (const value of item.facets[key] ?? []) counts.set(value, (counts.get(value) ?? 0) + 1);
  const choices = [...counts].filter(([value, count]) => count < all.length && !skip.includes(value)).sort((a, b) => b[1] - a[1]);
  if (choices[0] === undefined) throw new Error(`no value of ${key} splits the listing`);
  return choices[0][0];
}

async function tick(page: Page, key: string, value: string): Promise<void> {
  const box = page.locator(`[data-listing-filter] input[type=checkbox][data-facet="${key}"][value="${value}"]`);
  const group = page.locator(`[data-facet-group="${key}"]`);
  if ((await group.count()) > 0 && !(await group.evaluate((details) => (details as HTMLDetailsElement).open)))
    await group.locator("summary").click();
  await box.check();
}

const listings = [
  { path: "/case-studies/", route: "case-studies", first: "country", second: "mode", noun: "case studies" },
  { path: "/institutions/", route: "institutions", first: "type", second: "mode", noun: "institutions" },
  { path: "/guides/", route: "guides", first: "mode", second: "audience", noun: "guides" },
];

describe("listing filters", () => {
  for (const { path, route, first, second, noun } of listings) {
    it(`${path} narrows by ${first} (OR) and ${second} (AND), announces the count and keeps it in the URL`, async () => {
      const { page, context, problems } = await openPage(browser, path);
      try {
        const status = page.locator("[data-listing-status]");
        await status.waitFor();
        const all = await items(page);
        expect(all.length).toBe(builtEntries(route));
        expect(await status.textContent()).toBe(`All ${all.length} ${noun}.`);
        expect(await status.getAttribute("role")).toBe("status");

        const a = splitting(all, first);
        const b = splitting(all, first, [a]);
        await tick(page, first, a);
        await tick(page, first, b);
        const orChosen = { [first]: [a, b] };
        expect(visible(await items(page))).toEqual(expected(all, orChosen));
        const c = splitting(
          all.filter((item) => expected(all, orChosen).includes(item.href)),
          second,
        );
        await tick(page, second, c);
        const andChosen = { [first]: [a, b], [second]: [c] };
        const shown = visible(await items(page));
        expect(shown).toEqual(expected(all, andChosen));
        expect(shown.length).toBeGreaterThan(0);
        expect(await status.textContent()).toBe(`${shown.length} of ${all.length} ${noun} match.`);
        // A value's count is what ticking it would show, with the other facets kept (OR within its own).
        const countOf = async (key: string, value: string) =>
          Number(
            await page
              .locator(`input[data-facet="${key}"][value="${value}"]`)
              .locator("xpath=..")
              .locator("[data-facet-count]")
              .textContent(),
          );
        expect(await countOf(first, a)).toBe(expected(all, { [first]: [a], [second]: [c] }).length);
        expect(await countOf(second, c)).toBe(shown.length);

        const url = new URL(page.url());
        expect(url.searchParams.get(first)?.split(",").sort()).toEqual([a, b].sort());
        expect(url.searchParams.get(second)).toBe(c);
        const receiver = await openPage(browser, url.pathname + url.search);
        try {
          await receiver.page.locator("[data-listing-status]").waitFor();
          expect(visible(await items(receiver.page))).toEqual(shown);
        } finally {
          await receiver.context.close();
        }
        await page.goBack();
        await page.waitForFunction((want) => !new URL(location.href).searchParams.has(want), second);
        expect(visible(await items(page))).toEqual(expected(all, orChosen));
        expectClean(problems);
      } finally {
        await context.close();
      }
    });

    it(`${path} lists every entry without JavaScript, with no dead filter controls`, async () => {
      const { page, context } = await openPage(browser, `${path}?${first}=nothing-matches`, { javaScriptEnabled: false });
      try {
        const all = await items(page);
        expect(all.length).toBe(builtEntries(route));
        expect(all.every((item) => !item.hidden)).toBe(true);
        expect(await page.locator("[data-listing-filter]").isHidden()).toBe(true);
      } finally {
        await context.close();
      }
    });
  }

  it("filters by words too, with the shared q parameter", async () => {
    const { page, context } = await openPage(browser, "/case-studies/");
    try {
      await page.locator("[data-listing-status]").waitFor();
      const all = await items(page);
      const word = "mentoring";
      await page.getByLabel("Words").fill(word);
      const shown = visible(await items(page));
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.length).toBeLessThan(all.length);
      for (const href of shown)
        expect((await page.locator(`[data-item]:has(a[href="${href}"])`).textContent())?.toLowerCase()).toContain(word);
      expect(new URL(page.url()).searchParams.get("q")).toBe(word);
    } finally {
      await context.close();
    }
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`passes axe in ${colorScheme} with filters open and applied`, async () => {
      const { page, context } = await openPage(browser, "/case-studies/?country=AT,BE&status=active", { colorScheme });
      try {
        await page.locator("[data-listing-status]").waitFor();
        expect(await page.locator('[data-facet-group="country"]').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe("the mode finder", () => {
  it("narrows the modes by goals (OR) and audiences (AND across), says why each fits, and keeps the choice in the URL", async () => {
    const { page, context, problems } = await openPage(browser, "/modes/");
    try {
      const status = page.locator("[data-mode-finder-status]");
      await status.waitFor();
      const all = await items(page);
      expect(all.length).toBe(builtEntries("modes"));
      const goalA = splitting(all, "goal");
      const goalB = splitting(all, "goal", [goalA]);
      await page.locator(`input[data-facet=goal][value="${goalA}"]`).check();
      await page.locator(`input[data-facet=goal][value="${goalB}"]`).check();
      expect(visible(await items(page))).toEqual(expected(all, { goal: [goalA, goalB] }));
      const audience = splitting(
        all.filter((item) => expected(all, { goal: [goalA, goalB] }).includes(item.href)),
        "audience",
      );
      await page.locator(`input[data-facet=audience][value="${audience}"]`).check();
      const shown = visible(await items(page));
      expect(shown).toEqual(expected(all, { goal: [goalA, goalB], audience: [audience] }));
      expect(shown.length).toBeGreaterThan(0);
      expect(await status.textContent()).toBe(`${shown.length} of ${all.length} modes fit.`);

      // The reason names the chosen goals the mode serves and the chosen audience, by their labels.
      const label = async (name: string, value: string) =>
        (await page.locator(`input[data-facet=${name}][value="${value}"]`).locator("xpath=..").locator("span").first().textContent())!;
      const audienceLabel = await label("audience", audience);
      for (const href of shown) {
        const item = all.find((entry) => entry.href === href)!;
        const why = (await page.locator(`[data-item]:has(a[href="${href}"]) [data-mode-why]`).textContent()) ?? "";
        for (const goal of [goalA, goalB]) {
          const goalLabel = await label("goal", goal);
          expect(why.includes(goalLabel), `${href}: ${why}`).toBe(item.facets["goal"]!.includes(goal));
        }
        expect(why).toContain(audienceLabel);
      }

      const url = new URL(page.url());
      expect(url.searchParams.get("audience")).toBe(audience);
      const receiver = await openPage(browser, url.pathname + url.search);
      try {
        await receiver.page.locator("[data-mode-finder-status]").waitFor();
        expect(visible(await items(receiver.page))).toEqual(shown);
      } finally {
        await receiver.context.close();
      }
      await page.goBack();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has("audience"));
      expect(visible(await items(page))).toEqual(expected(all, { goal: [goalA, goalB] }));
      expectClean(problems);
    } finally {
      await context.close();
    }
  });

  it("lists every mode and the modes for each goal without JavaScript", async () => {
    const { page, context } = await openPage(browser, "/modes/?goal=recruit-talent", { javaScriptEnabled: false });
    try {
      const all = await items(page);
      expect(all.length).toBe(builtEntries("modes"));
      expect(all.every((item) => !item.hidden)).toBe(true);
      expect(await page.locator("[data-mode-finder]").isHidden()).toBe(true);
      // "Modes by goal": every goal a mode has, with a link to each mode that serves it.
      const goals = new Set(all.flatMap((item) => item.facets["goal"] ?? []));
      expect(await page.locator("#by-goal ~ dl dt").count()).toBe(goals.size);
      const links = await page.locator("#by-goal ~ dl dd a").count();
      expect(links).toBe(all.reduce((sum, item) => sum + (item.facets["goal"]?.length ?? 0), 0));
    } finally {
      await context.close();
    }
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`passes axe in ${colorScheme} with choices made`, async () => {
      const { page, context } = await openPage(browser, "/modes/?goal=recruit-talent&audience=companies", { colorScheme });
      try {
        await page.locator("[data-mode-finder-status]").waitFor();
        expect(await page.locator("[data-mode-why]:visible").count()).toBeGreaterThan(0);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
