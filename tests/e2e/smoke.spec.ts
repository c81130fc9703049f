import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { axeViolations, launch, openPage } from "./browser";
import { pageOfEachType } from "./site-map";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("every page type", () => {
  for (const { type, path } of pageOfEachType()) {
    for (const colorScheme of ["light", "dark"] as const) {
      it(`${type} (${path}) loads cleanly and passes axe in ${colorScheme}`, async () => {
        const { page, context, problems } = await openPage(browser, path, { colorScheme });
        try {
          await expect.poll(() => page.locator("h1").count()).toBe(1);
          expect(await page.evaluate(() => document.documentElement.dataset["theme"])).toBe(colorScheme);
          expect(await axeViolations(page), `axe on ${path} (${colorScheme})`).toEqual([]);
          expect(problems.consoleErrors, `console errors on ${path}`).toEqual([]);
          expect(problems.cspViolations, `CSP violations on ${path}`).toEqual([]);
          expect(problems.offOrigin, `requests leaving the origin from ${path}`).toEqual([]);
          expect(problems.failedRequests, `failed requests on ${path}`).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }

  it("serves the 404 page for an unknown address", async () => {
    const { page, context } = await openPage(browser, "/this-page-does-not-exist/");
    try {
      await expect.poll(() => page.locator("h1").textContent()).toBe("Page not found");
    } finally {
      await context.close();
    }
  });
});
