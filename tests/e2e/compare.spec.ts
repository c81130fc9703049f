/**
 * Compare: institutions side by side from the URL, differences marked in words, the selection
 * kept in the URL, reachable from an institution's page and the matrix, readable without scripts.
 */
import { readFileSync, readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, launch, openPage } from "./browser";

/** The page's own query string, read in the page (after its scripts ran), not from the last navigation event. */
function search(page: Page): Promise<string> {
  return page.evaluate(() => location.search);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Entry {
  id: string;
  name: string;
  country: string;
  modes: string[];
}
const entries: Entry[] = readdirSync("dist/compare/data")
  .filter((file) => file.endsWith(".json"))
  .sort()
  .map((file) => JSON.parse(readFileSync(`dist/compare/data/${file}`, "utf8")) as Entry);

/** Two institutions whose modes differ, so the page has differences to mark. */
function pair(): [Entry, Entry] {
  for (const a of entries) {
    for (const b of entries) {
      if (a.id < b.id && a.modes.length > 0 && a.modes.join() !== b.modes.join() && a.modes.some((m) => b.modes.includes(m))) return [a, b];
    }
  }
  throw new Error("no two institutions with different but overlapping modes");
}

describe("compare", () => {
  it("shows two institutions from the URL side by side, marking in words the modes where they differ", async () => {
    const [a, b] = pair();
    const { page, context, problems } = await openPage(browser, `/compare/?ids=${a.id},${b.id}`);
    try {
      const table = page.locator("[data-compare-result] table");
      await table.waitFor();
      expect(await table.locator("thead th[scope=col] a").allTextContents()).toEqual([a.name, b.name]);
      expect(await page.locator("[data-compare-status]").textContent()).toContain(`Comparing ${a.name} and ${b.name}`);
      const modeRows = table.locator("tbody").nth(1).locator("tr:has(th[scope=row])");
      expect(await modeRows.count()).toBe(10);
      const differing = await modeRows.evaluateAll((trs) => trs.map((tr) => tr.querySelector("th")!.textContent!.includes("Differs")));
      const expected = (
        await modeRows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent!.startsWith("✓"))))
      ).map(([x, y]) => x !== y);
      expect(differing).toEqual(expected);
      const symmetric = a.modes.filter((m) => !b.modes.includes(m)).length + b.modes.filter((m) => !a.modes.includes(m)).length;
      expect(differing.filter(Boolean)).toHaveLength(symmetric);
      expect(symmetric).toBeGreaterThan(0);
      // Each ✓ links to the evidence for that institution and mode.
      expect(await table.locator(`a[href^="/matrix/${a.id}/"]`).count()).toBe(a.modes.length);
      expect(await page.locator(`input[name=ids][value="${a.id}"]`).isChecked()).toBe(true);
      expect(problems).toEqual({ consoleErrors: [], cspViolations: [], offOrigin: [], failedRequests: [] });
    } finally {
      await context.close();
    }
  });

  it("keeps the selection and the differences-only switch in the URL, and back restores them", async () => {
    const [a, b] = pair();
    const { page, context } = await openPage(browser, `/compare/?ids=${a.id},${b.id}`);
    try {
      await page.locator("[data-compare-result] table").waitFor();
      await page.locator("input[name=only]").check();
      expect(await search(page)).toBe(`?ids=${a.id},${b.id}&only=differences`);
      await page.locator("[data-compare-status]").filter({ hasText: "Comparing" }).waitFor();
      const rowsShown = await page
        .locator("[data-compare-result] tbody tr:has(th[scope=row])")
        .evaluateAll((trs) => trs.map((tr) => tr.querySelector("th")!.textContent!));
      // Only differing rows remain, plus the lists of programmes and figures.
      expect(rowsShown.filter((text) => !text.includes("Differs"))).toEqual(["Programmes", "Key figures"]);

      const third = entries.find((entry) => entry.id !== a.id && entry.id !== b.id)!;
      await page.locator(`input[name=ids][value="${third.id}"]`).check();
      expect(await search(page)).toBe(`?ids=${a.id},${b.id},${third.id}&only=differences`);
      await page.locator("[data-compare-result] thead th[scope=col]").nth(2).waitFor();
      await page.getByRole("button", { name: `Remove ${a.name} from the comparison` }).click();
      expect(await search(page)).toBe(`?ids=${b.id},${third.id}&only=differences`);
      await page.goBack();
      expect(await search(page)).toBe(`?ids=${a.id},${b.id},${third.id}&only=differences`);
      await expect.poll(() => page.locator("[data-compare-result] thead th[scope=col]").count()).toBe(3);
    } finally {
      await context.close();
    }
  });

  it("allows at most four institutions", async () => {
    const four = entries.slice(0, 4).map((entry) => entry.id);
    const { page, context } = await openPage(browser, `/compare/?ids=${[...four, entries[4]!.id].join(",")}`);
    try {
      await expect.poll(() => page.locator("[data-compare-result] thead th[scope=col]").count()).toBe(4);
      expect(await page.locator("[data-compare-limit]").isVisible()).toBe(true);
      expect(await page.locator(`input[name=ids][value="${entries[4]!.id}"]`).isDisabled()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("is reached from an institution's page with that institution chosen", async () => {
    const [a] = pair();
    const { page, context } = await openPage(browser, `/institutions/${a.id}/`);
    try {
      await Promise.all([page.waitForURL(/\/compare\/\?ids=/), page.locator("[data-add-to-compare]").click()]);
      expect(await page.locator(`input[name=ids][value="${a.id}"]`).isChecked()).toBe(true);
      expect(await page.locator("[data-compare-status]").textContent()).toContain(`compare with ${a.name}`);
    } finally {
      await context.close();
    }
  });

  it("is reached from the matrix when the view holds two to four institutions", async () => {
    const byCountry = Map.groupBy(entries, (entry) => entry.country);
    const country = [...byCountry].find(([, members]) => members.length >= 2 && members.length <= 4)?.[0];
    expect(country, "a country with two to four institutions").toBeDefined();
    const { page, context } = await openPage(browser, "/matrix/");
    try {
      const link = page.locator("[data-matrix-compare] a");
      expect(await link.getAttribute("href")).toBe("/compare/");
      await page.goto(new URL(`/matrix/?country=${country}`, page.url()).href);
      const ids = await page.$$eval("[data-matrix-table] tbody:not([hidden]) tr[data-row]:not([hidden])", (trs) =>
        trs.map((tr) => (tr as HTMLElement).dataset["row"]!),
      );
      expect(await link.getAttribute("href")).toBe(`/compare/?ids=${ids.join(",")}`);
      await Promise.all([page.waitForURL(/\/compare\//), link.click()]);
      await expect.poll(() => page.locator("[data-compare-result] thead th[scope=col]").count()).toBe(ids.length);
    } finally {
      await context.close();
    }
  });

  it("without scripts, explains itself and links every institution", async () => {
    const { page, context } = await openPage(browser, "/compare/?ids=a,b", { javaScriptEnabled: false });
    try {
      expect(await page.locator("[data-compare-nojs]").isVisible()).toBe(true);
      expect(await page.locator("[data-compare-nojs] a[href^='/institutions/']").count()).toBe(entries.length);
      expect(await page.locator("[data-compare-form]").isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`passes axe in ${colorScheme} with two institutions compared`, async () => {
      const [a, b] = pair();
      const { page, context } = await openPage(browser, `/compare/?ids=${a.id},${b.id}`, { colorScheme });
      try {
        await page.locator("[data-compare-result] table").waitFor();
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
